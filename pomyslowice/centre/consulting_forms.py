import datetime

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import Organization

from .models import Appointment, AvailabilityException
from .permissions import represented_organizations


def _mark_required(form: forms.Form) -> None:
    for field in form.fields.values():
        if field.required:  # said in words, not only by colour or an asterisk
            field.label = format_lazy("{} ({})", field.label, _("required"))


def parse_slot(value: str) -> tuple[int, datetime.datetime] | None:
    """A slot as sent by the slot picker: "<consultant pk>|<ISO start with offset>"."""
    consultant, _separator, start = (value or "").partition("|")
    try:
        moment = datetime.datetime.fromisoformat(start)
        pk = int(consultant)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return pk, moment


def slot_value(slot) -> str:
    return f"{slot.consultant.pk}|{timezone.localtime(slot.start).isoformat()}"


class BookingForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("We will send the confirmation and any changes here.")
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("none or not listed"),
    )
    organization_name = forms.CharField(
        label=_("Organisation (if not listed)"), max_length=250, required=False
    )
    question = forms.CharField(
        label=_("Your question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What would you like to talk about? It helps the consultant prepare."),
    )

    def __init__(self, *args, service, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        self.user = user if user.is_authenticated else None
        if self.user is not None:
            self.fields["name"].initial = self.user.get_full_name()
            self.fields["email"].initial = self.user.email
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("The address of your account.")
        organizations = represented_organizations(user)
        if organizations.exists():
            self.fields["organization"].queryset = organizations
        else:
            del self.fields["organization"]
        if service.organization_required:
            self.fields["organization_name"].help_text = _(
                "Specialist consulting is for organisations: choose yours or write its name."
            )
        _mark_required(self)
        self.fieldset_groups = [
            (_("Your details"), [self["name"], self["email"], self["phone"]]),
            (
                _("Organisation"),
                [
                    self[name]
                    for name in ("organization", "organization_name")
                    if name in self.fields
                ],
            ),
            (_("Your question"), [self["question"]]),
        ]

    def clean(self):
        data = super().clean()
        if (
            self.service.organization_required
            and not data.get("organization")
            and not (data.get("organization_name") or "").strip()
        ):
            self.add_error(
                "organization_name",
                _("Specialist consulting is for organisations: name yours."),
            )
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"] if self.user is None else self.user.email,
            "phone": data.get("phone", ""),
            "user": self.user,
            "organization": data.get("organization"),
            "organization_name": data.get("organization_name", ""),
            "question": data["question"],
        }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OutcomeForm(forms.ModelForm):
    held = forms.TypedChoiceField(
        label=_("Did the consultation take place?"),
        choices=[("1", _("Yes, it took place")), ("0", _("No, the client did not come"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Appointment
        fields = ["topics", "staff_notes", "follow_up", "follow_up_date"]
        widgets = {
            "staff_notes": forms.Textarea(attrs={"rows": 4}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
            "follow_up_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.status in (Appointment.Status.HELD, Appointment.Status.NO_SHOW):
            self.fields["held"].initial = (
                "1" if self.instance.status == Appointment.Status.HELD else "0"
            )
        _mark_required(self)
        self.fieldset_groups = [
            (_("Outcome"), [self["held"], self["topics"]]),
            (_("For staff"), [self["staff_notes"], self["follow_up"], self["follow_up_date"]]),
        ]

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("held", *self.Meta.fields)}


class ExceptionForm(forms.ModelForm):
    class Meta:
        model = AvailabilityException
        fields = ["date", "kind", "starts_at", "ends_at", "reason"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _mark_required(self)
        self.fieldset_groups = [(_("Time off or extra hours"), list(self))]

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if (starts is None) != (ends is None):
            raise forms.ValidationError(
                _("Give both times, or neither for the whole day."), code="times"
            )
        if starts is not None and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        if data.get("kind") == AvailabilityException.Kind.EXTRA and starts is None:
            self.add_error("starts_at", _("Extra hours need a start and an end."))
        return data
