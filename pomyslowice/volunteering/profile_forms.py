from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.models import AreaOfBenefit, District

from .fields import AvailabilityField
from .models import ProfileConsent, Skill, VolunteerProfile
from .profile_services import CONSENT_WORDINGS, PROFILE_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
Purpose = ProfileConsent.Purpose


def _model_label(name: str):
    return VolunteerProfile._meta.get_field(name).verbose_name


class ProfileForm(forms.Form):
    """Create or edit a volunteer profile. The date of birth is asked only while the account has
    none; the consent to process the profile only when creating it."""

    birth_date = forms.DateField(
        label=_("Date of birth"),
        widget=DATE_INPUT,
        help_text=_(
            "It decides which offers are open to you; minors need their guardian's consent."
        ),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Interests"),
        queryset=AreaOfBenefit.objects.order_by("position", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Areas of public benefit you would like to help in."),
    )
    availability = AvailabilityField(label=_("When I am available"), required=False)
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.order_by("name"),
        required=False,
        empty_label=_("not given"),
    )
    travels = forms.BooleanField(label=_("I can travel to other districts"), required=False)
    languages = forms.CharField(
        label=_("Languages"),
        max_length=200,
        required=False,
        help_text=_("For example: Polish, English."),
    )
    experience = forms.CharField(
        label=_("Experience"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Earlier volunteering, courses, anything that helps a host know you."),
    )
    about = forms.CharField(
        label=_("About me"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    profile_consent = forms.BooleanField(label=CONSENT_WORDINGS[Purpose.PROFILE])
    visible_to_hosts = forms.BooleanField(
        label=CONSENT_WORDINGS[Purpose.VISIBLE_TO_HOSTS], required=False
    )
    show_name = forms.BooleanField(label=_("Show my name"), required=False)
    show_contact = forms.BooleanField(label=_("Show my e-mail and phone"), required=False)
    show_experience = forms.BooleanField(
        label=_("Show my experience and what I wrote about me"), required=False
    )
    digest = forms.BooleanField(label=CONSENT_WORDINGS[Purpose.DIGEST], required=False)

    def __init__(self, *args, user, profile: VolunteerProfile | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.profile = user, profile
        if user.birth_date is not None:
            del self.fields["birth_date"]
        else:
            self.fields["birth_date"].widget.attrs["max"] = timezone.localdate().isoformat()
        if profile is not None:
            del self.fields["profile_consent"]
            self.initial.update(self._initial_from(profile))
        else:
            self.initial.setdefault("travels", True)
            self.initial.setdefault("show_experience", True)
        for field in self.fields.values():
            if field.required:  # said in words, not only by an asterisk
                field.label = format_lazy("{} ({})", field.label, _("required"))

    @staticmethod
    def _initial_from(profile: VolunteerProfile) -> dict:
        initial = {name: getattr(profile, name) for name in PROFILE_FIELDS}
        initial["district"] = profile.district_id
        initial["skills"] = list(profile.skills.all())
        initial["areas"] = list(profile.areas.all())
        return initial

    @property
    def fieldset_groups(self):
        groups = [
            (_("About you"), ["birth_date", "about", "languages", "phone"]),
            (_("What you can do"), ["skills", "areas", "experience"]),
            (_("Where and when"), ["district", "travels", "availability"]),
            (_("Consent to process your profile"), ["profile_consent"]),
            (
                _("What host organisations may see"),
                ["visible_to_hosts", "show_name", "show_contact", "show_experience"],
            ),
            (_("E-mails"), ["digest"]),
        ]
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in groups
            if any(name in self.fields for name in names)
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {name: data[name] for name in PROFILE_FIELDS}
        arguments["skills"] = list(data["skills"])
        arguments["areas"] = list(data["areas"])
        arguments["birth_date"] = data.get("birth_date")
        if self.profile is None:
            arguments["profile_consent"] = data["profile_consent"]
        return arguments


class ProfileDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my volunteer profile and withdraw my pending applications")
    )
