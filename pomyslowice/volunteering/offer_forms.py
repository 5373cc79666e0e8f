from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.accounts.models import User
from pomyslowice.core.forms import FilterForm
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.sanitize import clean_html
from pomyslowice.core.widgets import RichTextWidget
from pomyslowice.organizations.forms import DESCRIPTION_EXTENSIONS
from pomyslowice.organizations.models import Membership

from .fields import AvailabilityField
from .models import ADULT_AGE, Offer, Skill
from .offer_services import CONTENT_FIELDS, RELATION_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"})


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        name = user.get_full_name()
        return f"{name} ({user.email})" if name else user.email


class OfferForm(forms.ModelForm):
    """The host's form for a new offer or a change; the service checks and saves it."""

    fieldsets = [
        (_("The offer"), ["host", "title", "description", "tasks", "skills", "areas"]),
        (_("Where"), ["district", "address", "is_remote"]),
        (
            _("When"),
            ["schedule", "starts_on", "ends_on", "schedule_note", "availability", "duration"],
        ),
        (_("Who can volunteer"), ["places", "min_age", "works_with_children"]),
        (
            _("What the host offers"),
            ["offers_training", "covers_travel", "offers_certificate", "offers_other"],
        ),
        (_("Contact and validity"), ["contact_person", "contact_phone", "expires_on"]),
    ]

    description = forms.CharField(
        label=_("Description"),
        widget=RichTextWidget(extensions=DESCRIPTION_EXTENSIONS),
        help_text=_(
            "What the organisation does and why it needs volunteers. Allowed formatting: bold, "
            "italics, headings, lists, quotes and links."
        ),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills wanted"), queryset=Skill.objects.all(), required=False, widget=CHECKBOXES
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of public benefit"),
        queryset=AreaOfBenefit.objects.none(),
        required=False,
        widget=CHECKBOXES,
    )
    availability = AvailabilityField(
        label=_("Days and parts of the day"),
        required=False,
        help_text=_("When the work takes place; leave empty for flexible offers."),
    )
    min_age = forms.IntegerField(
        label=_("Minimum age"),
        initial=ADULT_AGE,
        help_text=_(
            "18 for adults only. Below 18 the offer is open to minors: from 13 with their "
            "guardian's written consent, below 13 the guardian concludes the agreement."
        ),
    )
    places = forms.IntegerField(label=_("Number of places"), initial=1)

    class Meta:
        model = Offer
        fields = ["host", *CONTENT_FIELDS, *RELATION_FIELDS]
        widgets = {
            "tasks": forms.Textarea(attrs={"rows": 4}),
            "schedule": forms.RadioSelect,
            "duration": forms.RadioSelect,
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "expires_on": DATE_INPUT,
        }
        help_texts = {
            "starts_on": _("Required for a one-off offer."),
            "ends_on": _("Leave empty for an open-ended offer."),
            "expires_on": _("After this day the offer is no longer shown; empty: until closed."),
            "contact_phone": _("Shown on the offer's page."),
            "address": _("Street and number, or the name of the place."),
        }

    def __init__(self, *args, hosts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = hosts
        self.fields["host"].empty_label = None
        self.fields["district"].queryset = District.objects.all()
        areas = Q(is_active=True)
        if self.instance.pk:
            areas |= Q(pk__in=self.instance.areas.values("pk"))
        self.fields["areas"].queryset = AreaOfBenefit.objects.filter(areas)
        self.fields["contact_person"] = ContactChoiceField(
            label=_("Contact person"),
            queryset=User.objects.filter(
                is_active=True,
                memberships__organization__in=hosts,
                memberships__status=Membership.Status.ACTIVE,
            )
            .distinct()
            .order_by("last_name", "first_name", "email"),
            required=False,
            empty_label=_("me (the person filling in the form)"),
            help_text=_("One of the host's representatives; applications are sent to them."),
        )
        for field in self.fields.values():
            if field.required:
                field.label = format_lazy("{} ({})", field.label, _("required"))

    def _post_clean(self):
        # The service validates the offer as a whole (dates, ages, places, host) with messages
        # written for people; the model's own checks here would repeat them in generic words.
        pass

    def fieldset_groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def clean_description(self):
        return clean_html(self.cleaned_data["description"])

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What to change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The host receives this by e-mail; the offer goes back to them as a draft."),
    )


class OfferFilterForm(FilterForm):
    """The index's GET filters; Polish parameter names like the site's addresses."""

    q = forms.CharField(label=_("Words in the title or text"), required=False, max_length=200)
    obszar = forms.ModelChoiceField(
        label=_("Area of public benefit"),
        queryset=AreaOfBenefit.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("any area"),
    )
    umiejetnosc = forms.ModelChoiceField(
        label=_("Skill"),
        queryset=Skill.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("any skill"),
    )
    dzielnica = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("any district"),
    )
    harmonogram = forms.ChoiceField(
        label=_("Schedule"),
        required=False,
        choices=[("", _("any schedule")), *Offer.Schedule.choices],
    )
    czas = forms.ChoiceField(
        label=_("Duration"),
        required=False,
        choices=[("", _("any duration")), *Offer.Duration.choices],
    )
    zdalnie = forms.BooleanField(label=_("Can be done remotely"), required=False)
    nieletni = forms.BooleanField(label=_("Open to minors (under 18)"), required=False)

    def apply(self, offers):
        data = self.cleaned_data
        if data.get("obszar"):
            offers = offers.through_relation(areas=data["obszar"])
        if data.get("umiejetnosc"):
            offers = offers.through_relation(skills=data["umiejetnosc"])
        if data.get("dzielnica"):
            offers = offers.filter(district=data["dzielnica"])
        if data.get("harmonogram"):
            offers = offers.filter(schedule=data["harmonogram"])
        if data.get("czas"):
            offers = offers.filter(duration=data["czas"])
        if data.get("zdalnie"):
            offers = offers.filter(is_remote=True)
        if data.get("nieletni"):
            offers = offers.filter(min_age__lt=ADULT_AGE)
        for word in (data.get("q") or "").split()[:10]:
            offers = offers.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(tasks__icontains=word)
                | Q(host__name__icontains=word)
            )
        return offers
