"""The outreach log: promotion meetings in schools and institutions, and their tracking codes.

Decisions worth knowing:
- Every meeting gets a tracking code made from the institution and the month ("sp5-2026-03",
  numbered "-2", "-3" when taken). It is printed on leaflets, so it never changes afterwards,
  even when the meeting's institution or date is corrected.
- The join link (`/wolontariat/promocja/dolacz/<code>/`) only remembers the meeting in the
  visitor's session under SOURCE_SESSION_KEY; the profile page reads it when the visitor
  creates a volunteer profile and stores the meeting as the profile's `source_meeting`. The
  meeting's result is the number of such profiles.
- Planned meetings may be logged ahead, up to a year; dates outside EARLIEST_YEAR..next year
  are typing mistakes and refused.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.text import fold

from .models import OutreachMeeting, VolunteerProfile

# The session key under which the join link remembers the meeting that brought a visitor; the
# profile page reads it when the visitor creates a volunteer profile.
SOURCE_SESSION_KEY = "volunteering_source"

EARLIEST_YEAR = 2000
PLANNED_AHEAD = datetime.timedelta(days=366)
MAX_PARTICIPANTS = 10_000

MEETING_FIELDS = (
    "institution",
    "institution_kind",
    "held_on",
    "audience",
    "participants",
    "materials",
    "follow_up",
    "notes",
    "event",
)

# Words left out of an institution's abbreviation: joining words, "nr", the city's name,
# remarks in brackets, and everything from "im." on (the patron's name).
_SKIPPED_WORDS = {"w", "we", "i", "z", "ze", "na", "do", "dla", "nr", "przy", "oraz"}
_CITY = "myslowic"
_PATRON = {"im", "imienia"}
_ROMAN_NUMERAL = re.compile(r"[IVX]+")
ABBREVIATION_LENGTH = 12


def date_problem(day: datetime.date | None, *, today: datetime.date | None = None) -> str | None:
    """Why a date in the outreach log or the initiative group cannot be right, or None."""
    today = today or timezone.localdate()
    if day is None:
        return _("Give the date.")
    if day.year < EARLIEST_YEAR:
        return _("Check the year: dates before %(year)s are not accepted.") % {
            "year": EARLIEST_YEAR
        }
    if day > today + PLANNED_AHEAD:
        return _("Check the date: it can be at most a year ahead (until %(last)s).") % {
            "last": formats.date_format(today + PLANNED_AHEAD, "DATE_FORMAT")
        }
    return None


def institution_abbreviation(institution: str) -> str:
    """A short, readable abbreviation: "Szkoła Podstawowa nr 5 w Mysłowicach" -> "sp5",
    "Powiatowy Urząd Pracy" -> "pup", "I Liceum Ogólnokształcące im. …" -> "ilo"."""
    parts = []
    # A remark in brackets ("(liceum)") explains the name; it is not part of it.
    name = re.sub(r"\([^)]*\)", " ", institution or "")
    for word in re.findall(r"\w+", name):
        folded = fold(word)
        if folded in _PATRON:
            break
        if _ROMAN_NUMERAL.fullmatch(word):
            # "I Liceum", "II Liceum": a school's number, unlike the lower-case "i" ("and").
            parts.append(folded)
        elif folded in _SKIPPED_WORDS or folded.startswith(_CITY):
            continue
        else:
            parts.append(folded if folded.isdigit() else folded[0])
    abbreviation = slugify("".join(parts))[:ABBREVIATION_LENGTH]
    if len(abbreviation) < 2:
        # One word ("Caritas") says more than its initial.
        abbreviation = slugify(fold(institution))[:ABBREVIATION_LENGTH].strip("-")
    return abbreviation or "spotkanie"


def new_tracking_code(institution: str, held_on: datetime.date) -> str:
    """A code not yet used by any meeting: "<abbreviation>-<year>-<month>", numbered if taken."""
    base = f"{institution_abbreviation(institution)}-{held_on:%Y-%m}"
    taken = set(
        OutreachMeeting.objects.filter(tracking_code__startswith=base).values_list(
            "tracking_code", flat=True
        )
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def meeting_for_code(code: str) -> OutreachMeeting | None:
    """The meeting a join link names; codes are matched regardless of letter case."""
    return OutreachMeeting.objects.filter(tracking_code=(code or "").strip().lower()).first()


def _apply(meeting: OutreachMeeting, values: dict) -> None:
    errors = {}
    for name in ("institution", "audience", "materials", "follow_up", "notes"):
        values[name] = (values.get(name) or "").strip()
    if not values["institution"]:
        errors["institution"] = ValidationError(
            _("Give the name of the school or institution."), code="required"
        )
    if not values["audience"]:
        errors["audience"] = ValidationError(
            _("Say who the meeting was for, e.g. pupils of classes 7–8."), code="required"
        )
    problem = date_problem(values.get("held_on"))
    if problem:
        errors["held_on"] = ValidationError(problem, code="unreasonable_date")
    participants = values.get("participants")
    if participants is None or participants < 0:
        errors["participants"] = ValidationError(
            _("The number of participants cannot be negative."), code="negative"
        )
    elif participants > MAX_PARTICIPANTS:
        errors["participants"] = ValidationError(
            _("Check the number of participants: at most %(max)s.") % {"max": MAX_PARTICIPANTS},
            code="too_many",
        )
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.full_clean(exclude=["tracking_code", "created_by"])


@transaction.atomic
def create_outreach_meeting(
    *,
    by,
    institution: str,
    institution_kind: str,
    held_on: datetime.date,
    audience: str,
    participants: int = 0,
    materials: str = "",
    follow_up: str = "",
    notes: str = "",
    event=None,
) -> OutreachMeeting:
    meeting = OutreachMeeting(created_by=by)
    _apply(
        meeting,
        {
            "institution": institution,
            "institution_kind": institution_kind,
            "held_on": held_on,
            "audience": audience,
            "participants": participants,
            "materials": materials,
            "follow_up": follow_up,
            "notes": notes,
            "event": event,
        },
    )
    _save_with_new_code(meeting)
    log_action(
        actor=by,
        verb="volunteering.outreach_meeting.created",
        target=meeting,
        data={"tracking_code": meeting.tracking_code},
    )
    return meeting


def _save_with_new_code(meeting: OutreachMeeting, attempts: int = 20) -> None:
    """Save under a fresh code; if another caretaker took the same code a moment earlier (the
    unique index says so), take the next number. Each round of a race settles one code."""
    for attempt in range(attempts):
        meeting.tracking_code = new_tracking_code(meeting.institution, meeting.held_on)
        try:
            with transaction.atomic():
                meeting.save()
            return
        except IntegrityError:
            if attempt == attempts - 1:
                raise ValidationError(
                    _("Another meeting was saved at the same moment. Please try again."),
                    code="conflict",
                ) from None


@transaction.atomic
def update_outreach_meeting(*, meeting: OutreachMeeting, by, **changes) -> OutreachMeeting:
    unknown = set(changes) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"unknown outreach meeting fields: {sorted(unknown)}")
    meeting = OutreachMeeting.objects.select_for_update().get(pk=meeting.pk)
    before = {name: getattr(meeting, name) for name in MEETING_FIELDS}
    _apply(meeting, before | changes)
    changed = sorted(name for name in MEETING_FIELDS if getattr(meeting, name) != before[name])
    meeting.save()
    log_action(
        actor=by,
        verb="volunteering.outreach_meeting.changed",
        target=meeting,
        data={"fields": changed},
    )
    return meeting


# --- results ------------------------------------------------------------------------------------


def with_results(meetings):
    """Meetings with `volunteer_count`: profiles created through each meeting's join link."""
    # An aggregating query ignores Meta.ordering, so the order is given again.
    return (
        meetings.select_related("event")
        .annotate(volunteer_count=Count("volunteers"))
        .order_by("-held_on", "-pk")
    )


def outreach_totals(meetings) -> dict:
    """Totals over the given meetings: how many, how many people came, how many signed up."""
    counted = meetings.order_by().aggregate(meetings=Count("pk"), participants=Sum("participants"))
    return {
        "meetings": counted["meetings"],
        "participants": counted["participants"] or 0,
        "volunteers": VolunteerProfile.objects.filter(source_meeting__in=meetings).count(),
    }


def totals_by_kind(meetings) -> list[dict]:
    """The totals per kind of institution, in the order of the kinds, kinds without meetings
    left out."""
    counted = {
        row["institution_kind"]: row
        for row in meetings.order_by()
        .values("institution_kind")
        .annotate(meetings=Count("pk"), participants=Sum("participants"))
    }
    volunteers = dict(
        VolunteerProfile.objects.filter(source_meeting__in=meetings)
        .order_by()
        .values_list("source_meeting__institution_kind")
        .annotate(count=Count("pk"))
    )
    return [
        {
            "kind": label,
            "meetings": counted[kind]["meetings"],
            "participants": counted[kind]["participants"] or 0,
            "volunteers": volunteers.get(kind, 0),
        }
        for kind, label in OutreachMeeting.InstitutionKind.choices
        if kind in counted
    ]
