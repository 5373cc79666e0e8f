from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import Organization

from .models import Equipment
from .permissions import can_lend_equipment, represented_organizations

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _say_required(form: forms.Form) -> None:
    for field in form.fields.values():
        if field.required:  # said in words, not only by colour or an asterisk
            field.label = format_lazy("{} ({})", field.label, _("required"))


class PeriodForm(forms.Form):
    start = forms.DateTimeField(label=_("From"), widget=DATETIME_INPUT)
    end = forms.DateTimeField(label=_("Until"), widget=DATETIME_INPUT)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("The end must be after the start."))
        return data


class AvailabilityForm(PeriodForm):
    """Read from the query string: how many units are free in a period."""


class ReservationForm(PeriodForm):
    equipment = forms.ModelChoiceField(label=_("Equipment"), queryset=Equipment.objects.none())
    quantity = forms.IntegerField(label=_("How many"), min_value=1, initial=1)
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        required=False,
        help_text=_("E.g. a workshop for parents at the school on Mikołowska Street."),
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use your own name."),
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail"),
        required=False,
        help_text=_("Leave empty to use your own address."),
    )

    field_order = [
        "equipment",
        "quantity",
        "start",
        "end",
        "organization",
        "purpose",
        "contact_name",
        "contact_email",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["equipment"].queryset = Equipment.objects.active()
        if can_lend_equipment(user):
            # Staff lend to anyone: any organisation, or a person without one.
            self.fields["organization"].queryset = Organization.objects.published().order_by(
                "name", "pk"
            )
            self.fields["organization"].required = False
            self.fields["organization"].empty_label = _("no organisation")
        else:
            organizations = list(represented_organizations(user))
            self.fields["organization"].queryset = represented_organizations(user)
            if len(organizations) == 1:
                self.fields["organization"].initial = organizations[0]
            del self.fields["contact_name"], self.fields["contact_email"]
        _say_required(self)

    @property
    def fieldset_groups(self):
        groups = [
            (_("What and when"), ["equipment", "quantity", "start", "end"]),
            (_("Who borrows it"), ["organization", "purpose", "contact_name", "contact_email"]),
        ]
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in groups
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "equipment": data["equipment"],
            "quantity": data["quantity"],
            "start": data["start"],
            "end": data["end"],
            "organization": data.get("organization"),
            "purpose": data.get("purpose", ""),
            "contact_name": data.get("contact_name", ""),
            "contact_email": data.get("contact_email", ""),
            "requested_by": self.user,
        }


class ReturnForm(forms.Form):
    notes = forms.CharField(
        label=_("Condition on return"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. missing charger, scratched lens. Leave empty if all is well."),
    )
