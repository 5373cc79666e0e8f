from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import Engagement, GuardianConsent

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_MAX = 5000


def _mark_required(form: forms.Form) -> None:
    for field in form.fields.values():
        if field.required:  # said in words, not only by colour or an asterisk
            field.label = format_lazy("{} ({})", field.label, _("required"))


def _text(label, *, required=True, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class RequiredMarkedForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _mark_required(self)


class AgreementForm(RequiredMarkedForm):
    """A new version of the agreement; the first one is filled in from the offer."""

    scope = _text(_("Scope of the work"), help_text=_("The tasks the volunteer takes on."))
    manner = _text(_("How the work is done"), rows=3)
    starts_on = forms.DateField(label=_("From"), widget=DATE_INPUT)
    ends_on = forms.DateField(
        label=_("Until"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("Leave empty for an engagement without an end date."),
    )
    termination = _text(_("How the agreement may be ended"), rows=3)
    travel_costs = _text(_("Travel and other costs"), required=False, rows=2)
    host_signatory = forms.CharField(label=_("Signs for the host"), max_length=200)
    guardian_name = forms.CharField(
        label=_("Legal guardian who concludes the agreement"),
        max_length=200,
        required=False,
        help_text=_("Required when the volunteer is under 13."),
    )


class ConfirmAgreementForm(forms.Form):
    side = forms.ChoiceField(
        choices=[("host", _("the host")), ("volunteer", _("the volunteer"))],
        widget=forms.HiddenInput,
    )
    for_guardian = forms.BooleanField(
        label=_(
            "I confirm on behalf of my legal guardian named in the agreement, who has read it "
            "and concludes it for me."
        ),
        required=False,
    )


class SafetyForm(RequiredMarkedForm):
    safety_information = _text(
        _("Health and safety information"),
        rows=6,
        help_text=_("Risks of the work and how the volunteer is protected from them (art. 45)."),
    )
    travel_costs = _text(
        _("Travel and other costs"),
        required=False,
        rows=3,
        help_text=_("What the host reimburses and how."),
    )


class AcknowledgeSafetyForm(forms.Form):
    acknowledged = forms.BooleanField(label=_("I have read the health and safety information."))


class InsuranceForm(RequiredMarkedForm):
    insurer = forms.CharField(label=_("Insurer"), max_length=200)
    insurance_policy = forms.CharField(label=_("Policy number"), max_length=100)
    insured_until = forms.DateField(label=_("Insured until"), widget=DATE_INPUT)


class GuardianConsentForm(RequiredMarkedForm):
    guardian_name = forms.CharField(label=_("Guardian's name"), max_length=200)
    relationship = forms.CharField(
        label=_("Relationship"),
        max_length=100,
        help_text=_("For example: mother, father, legal guardian."),
    )
    method = forms.ChoiceField(label=_("How it was given"), choices=GuardianConsent.Method.choices)
    given_on = forms.DateField(label=_("Given on"), widget=DATE_INPUT)
    signed_form = forms.FileField(
        label=_("Signed form"),
        required=False,
        help_text=_(
            "PDF, JPEG or PNG. Only the host, the volunteer and the centre's staff see it."
        ),
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class RegisterCheckForm(RequiredMarkedForm):
    checked_on = forms.DateField(label=_("Checked on"), widget=DATE_INPUT)
    checked_by = forms.CharField(
        label=_("Checked by"),
        max_length=200,
        help_text=_("Record the fact of the check only; do not upload the certificate."),
    )
    result = forms.ChoiceField(
        label=_("Result"),
        choices=Engagement.RegisterResult.choices,
        widget=forms.RadioSelect,
    )


class EndForm(forms.Form):
    how = forms.ChoiceField(
        label=_("How does it end?"),
        choices=[
            ("finished", _("Finished as agreed")),
            ("early", _("Ended early")),
        ],
        widget=forms.RadioSelect,
    )
    reason = _text(
        _("Why it ended early"),
        required=False,
        rows=3,
        help_text=_("Required when the engagement ends early."),
    )

    def clean(self):
        data = super().clean()
        if data.get("how") == "early" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the engagement ends early."))
        return data


class CallOffForm(forms.Form):
    reason = _text(_("Why it is called off"), rows=3)
