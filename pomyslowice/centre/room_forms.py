import datetime

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import Organization

from .calendar import local_datetime
from .models import Room
from .permissions import can_book_on_behalf, represented_organizations

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _mark_required(form: forms.Form) -> None:
    for field in form.fields.values():
        if field.required:  # said in words, not only by colour or an asterisk
            field.label = format_lazy("{} ({})", field.label, _("required"))


class TimeRangeMixin:
    """A date with a start and an end time, turned into aware local datetimes."""

    def clean(self):
        data = super().clean()
        day, starts_at, ends_at = data.get("date"), data.get("starts_at"), data.get("ends_at")
        if day and starts_at and ends_at:
            if ends_at <= starts_at:
                self.add_error("ends_at", _("The end must be after the start."))
            data["start"] = local_datetime(day, starts_at)
            data["end"] = local_datetime(day, ends_at)
        return data


class FreeRoomsForm(TimeRangeMixin, forms.Form):
    """The "what is free" search on the room list (GET)."""

    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    starts_at = forms.TimeField(label=_("From"), widget=TIME_INPUT)
    ends_at = forms.TimeField(label=_("Until"), widget=TIME_INPUT)
    people = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=1000)


class BookingRequestForm(TimeRangeMixin, forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    starts_at = forms.TimeField(label=_("From"), widget=TIME_INPUT)
    ends_at = forms.TimeField(label=_("Until"), widget=TIME_INPUT)
    weeks = forms.IntegerField(
        label=_("Number of weeks"),
        min_value=1,
        max_value=52,
        initial=1,
        help_text=_(
            "1 books one date. More repeats the booking every week on the same weekday and "
            "time; dates that cannot be booked are listed afterwards."
        ),
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=300)
    expected_people = forms.IntegerField(label=_("Expected number of people"), min_value=1)
    layout = forms.ChoiceField(label=_("Layout"), required=False)
    equipment_needed = forms.CharField(
        label=_("Equipment needed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. projector, laptops, flipchart."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact e-mail"))
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    approve = forms.BooleanField(
        label=_("Approve at once"),
        required=False,
        help_text=_("The booking is confirmed without waiting in the queue."),
    )

    def __init__(self, *args, room: Room, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.room, self.user = room, user
        self.staff = can_book_on_behalf(user)
        organization = self.fields["organization"]
        if self.staff:
            organization.queryset = Organization.objects.published().order_by("name")
            organization.required = False
            organization.empty_label = _("none (the centre or a private person)")
        else:
            organization.queryset = represented_organizations(user)
            del self.fields["approve"]
        self.fields["layout"].choices = [("", _("no preference"))] + [
            (value, label) for value, label in Room.Layout.choices if value in (room.layouts or [])
        ]
        self.fields["expected_people"].help_text = _("At most %(capacity)s.") % {
            "capacity": room.capacity
        }
        self.fields["contact_name"].initial = user.get_full_name()
        self.fields["contact_email"].initial = user.email
        self.fields["date"].initial = timezone.localdate() + datetime.timedelta(days=1)
        _mark_required(self)

    @property
    def fieldset_groups(self):
        groups = [
            (_("When"), ["date", "starts_at", "ends_at", "weeks"]),
            (
                _("What for"),
                [
                    "organization",
                    "purpose",
                    "expected_people",
                    "layout",
                    "equipment_needed",
                    "notes",
                ],
            ),
            (_("Contact"), ["contact_name", "contact_email", "contact_phone"]),
        ]
        if self.staff:
            groups.append((_("Decision"), ["approve"]))
        return [(legend, [self[name] for name in names]) for legend, names in groups]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "room": self.room,
            "purpose": data["purpose"],
            "expected_people": data["expected_people"],
            "requested_by": self.user,
            "organization": data.get("organization"),
            "contact_name": data["contact_name"],
            "contact_email": data["contact_email"],
            "contact_phone": data.get("contact_phone", ""),
            "layout": data.get("layout", ""),
            "equipment_needed": data.get("equipment_needed", ""),
            "notes": data.get("notes", ""),
            "approve": bool(data.get("approve")),
        }


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the requester)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
