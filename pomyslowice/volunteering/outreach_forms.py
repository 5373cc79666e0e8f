import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.forms import FilterForm
from pomyslowice.events.models import Event

from .models import OutreachMeeting
from .outreach_services import MAX_PARTICIPANTS, MEETING_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# The events offered for linking: those of the last two years and later, so the list stays short.
EVENTS_SINCE = datetime.timedelta(days=2 * 365)


class OutreachFilterForm(FilterForm):
    """The outreach list's GET filters. Parameter names are Polish, like the site's addresses."""

    rodzaj = forms.ChoiceField(
        label=_("Kind of institution"),
        required=False,
        choices=[("", _("any kind")), *OutreachMeeting.InstitutionKind.choices],
    )
    rok = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        self.years = years
        super().__init__(*args, **kwargs)

    def adjust_fields(self) -> None:
        self.fields["rok"].choices = [("", _("any year")), *((year, year) for year in self.years)]

    def apply(self, meetings):
        data = self.cleaned_data
        if data.get("rodzaj"):
            meetings = meetings.filter(institution_kind=data["rodzaj"])
        if data.get("rok"):
            meetings = meetings.filter(held_on__year=data["rok"])
        return meetings


class OutreachMeetingForm(forms.ModelForm):
    participants = forms.IntegerField(
        label=_("Number of participants"),
        min_value=0,
        max_value=MAX_PARTICIPANTS,
        initial=0,
        error_messages={"min_value": _("The number of participants cannot be negative.")},
    )

    class Meta:
        model = OutreachMeeting
        fields = list(MEETING_FIELDS)
        widgets = {
            "held_on": DATE_INPUT,
            "materials": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "held_on": _("A planned meeting may be entered ahead, up to a year."),
            "follow_up": _("What was agreed afterwards: a second visit, a school club, contacts."),
            "notes": _("Seen only by the staff who keep the outreach log."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        since = timezone.now() - EVENTS_SINCE
        linked = self.instance.event_id
        self.fields["event"].queryset = (
            Event.objects.filter(
                Q(status__in=Event.PUBLIC_STATUSES, start__gte=since) | Q(pk=linked)
            )
            .order_by("-start")
            .only("pk", "title", "start")
        )
        self.fields["event"].label_from_instance = _event_label
        self.fields["event"].empty_label = _("(not in the calendar)")

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in MEETING_FIELDS}


def _event_label(event: Event) -> str:
    day = date_format(timezone.localtime(event.start), "SHORT_DATE_FORMAT")
    return f"{day} – {event.title}"
