from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import Organization

from .forms import DATETIME_INPUT
from .models import Event
from .permissions import represented_organizations
from .registration_services import SETTINGS_FIELDS


class RegistrationForm(forms.Form):
    """Who registers; the fields follow the event's settings. The service does the saving."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("We will send the confirmation and any changes here.")
    )
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("none or not listed"),
    )
    organization_name = forms.CharField(
        label=_("Organisation (if not listed)"), max_length=250, required=False
    )
    needs = forms.CharField(
        label=_("Needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. accessibility, a sign language interpreter, diet."),
    )
    consent = forms.BooleanField(label=_("I agree"), required=True)

    def __init__(self, *args, event: Event, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user.is_authenticated else None
        if self.user is not None:
            # The account's verified address is the one registered; it cannot be changed here.
            self.fields["name"].initial = self.user.get_full_name()
            self.fields["email"].initial = self.user.email
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("The address of your account.")
        organizations = represented_organizations(user)
        if not event.registration_asks_organization:
            del self.fields["organization"], self.fields["organization_name"]
        elif organizations.exists():
            self.fields["organization"].queryset = organizations
        else:
            del self.fields["organization"]
        if not event.registration_asks_needs:
            del self.fields["needs"]
        if event.registration_consent_text.strip():
            self.fields["consent"].help_text = event.registration_consent_text
        else:
            del self.fields["consent"]
        for field in self.fields.values():
            if field.required:  # said in words, not only by colour or an asterisk
                field.label = format_lazy("{} ({})", field.label, _("required"))

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "user": self.user,
            "organization": data.get("organization"),
            "organization_name": data.get("organization_name", ""),
            "needs": data.get("needs", ""),
            "consent": data.get("consent", False),
        }


class AttendanceForm(forms.Form):
    attended = forms.BooleanField(required=False)


class RegistrationSettingsForm(forms.ModelForm):
    """How an event takes registrations; the service does the saving."""

    class Meta:
        model = Event
        fields = SETTINGS_FIELDS
        widgets = {
            "registration_opens": DATETIME_INPUT,
            "registration_closes": DATETIME_INPUT,
            "registration_consent_text": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "capacity": _("Leave empty for no limit. Once full, people join the waitlist."),
            "registration_opens": _("Leave empty to open now."),
            "registration_closes": _("Leave empty to take registrations until the event ends."),
            "registration_consent_text": _(
                "If given, people must tick it to register, e.g. consent to photos."
            ),
        }


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How do you rate the event?"),
        choices=[
            (1, _("1 – poor")),
            (2, "2"),
            (3, "3"),
            (4, "4"),
            (5, _("5 – excellent")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was useful, what could be better? Optional."),
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea)
