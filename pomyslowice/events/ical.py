"""RFC 5545 calendars of events, for "add to calendar" and calendar subscriptions.

The lines are written directly rather than through icalendar's component objects: building
those cost about a millisecond per event, which made a subscription feed of a few thousand
events take seconds. icalendar still describes the time zone and the recurrence rules.
"""

import functools
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Timezone, vRecur

from pomyslowice.core.sanitize import plain_text

from . import recurrence
from .models import Event

TIMEZONE = "Europe/Warsaw"
WARSAW = ZoneInfo(TIMEZONE)
PRODID = "-//Pomyslowice//Events calendar//PL"
ICAL_STATUS = {
    Event.Status.CANCELLED: "CANCELLED",
    Event.Status.POSTPONED: "TENTATIVE",
}
CONTENT_TYPE = "text/calendar; charset=utf-8"
LINE_OCTETS = 75  # RFC 5545 3.1: longer content lines are folded
TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def event_uid(event: Event) -> str:
    """Stable across requests and edits, so calendar apps update the event instead of adding it."""
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname}"


def build_calendar(events, *, name: str) -> bytes:
    events = list(events)
    stamp = _utc(timezone.now())
    head = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        f"X-WR-CALNAME:{_text(name)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
    ]
    body = []
    # Texts in the calendar are Polish: the file is shared beyond the page that produced it.
    with translation.override(settings.LANGUAGE_CODE):
        # Worked out once: per event, the label lookup and reverse() took most of the time.
        shared = {
            "stamp": stamp,
            "categories": {value: _text(str(label)) for value, label in Event.Category.choices},
            "event_url": _absolute_path(reverse("events:detail", kwargs={"slug": "x"})[:-2]),
        }
        for event in events:
            body.extend(_event_lines(event, **shared))
    body.append("END:VCALENDAR")
    return b"".join((_folded(head), _warsaw_timezone(*_year_range(events)), _folded(body)))


def _year_range(events: list[Event]) -> tuple[int, int]:
    years = [timezone.localtime(event.start).year for event in events] or [date.today().year]
    return min(years), max(years)


@functools.lru_cache(maxsize=32)
def _warsaw_timezone(first_year: int, last_year: int) -> bytes:
    """A VTIMEZONE covering the events' years, so every DST change they cross is described."""
    zone = Timezone.from_tzinfo(
        WARSAW,
        tzid=TIMEZONE,
        first_date=date(first_year - 1, 1, 1),
        last_date=date(last_year + 2, 1, 1),
    )
    return zone.to_ical()


def _event_lines(event: Event, *, stamp: str, categories: dict, event_url: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event_uid(event)}", f"DTSTAMP:{stamp}"]
    if event.all_day:
        first_day = event.start.astimezone(WARSAW).date()
        last_day = event.end.astimezone(WARSAW).date()
        lines.append(f"DTSTART;VALUE=DATE:{_date(first_day)}")
        lines.append(f"DTEND;VALUE=DATE:{_date(last_day + timedelta(days=1))}")  # exclusive
    else:
        lines.append(f"DTSTART;TZID={TIMEZONE}:{_local(event.start)}")
        lines.append(f"DTEND;TZID={TIMEZONE}:{_local(event.end)}")
    if event.recurrence_rule:
        lines.extend(_recurrence_lines(event))
    lines.append(f"SUMMARY:{_text(event.title)}")
    description = plain_text(event.description)
    if event.status_note:
        description = f"{event.get_status_display()}: {event.status_note}\n\n{description}"
    if description.strip():
        lines.append(f"DESCRIPTION:{_text(description.strip())}")
    location = ", ".join(part for part in (event.place_name, event.address) if part)
    if location or event.online_url:
        lines.append(f"LOCATION:{_text(location or event.online_url)}")
    lines.append(f"URL:{event_url}{event.slug}/")
    lines.append(f"STATUS:{ICAL_STATUS.get(event.status, 'CONFIRMED')}")
    lines.append(f"CATEGORIES:{categories.get(event.category, _text(event.category))}")
    if event.organizer is not None:
        organizer = event.organizer
        address = f"mailto:{organizer.email}" if organizer.email else _absolute(organizer)
        lines.append(f"ORGANIZER;CN={_parameter(organizer.name)}:{address}")
    lines.append("END:VEVENT")
    return lines


def _recurrence_lines(event: Event) -> list[str]:
    """One VEVENT with RRULE and EXDATE: calendar apps expand the dates themselves."""
    try:
        last = recurrence.until(event)
    except ValidationError:
        return []  # a rule saved before validation existed: the first date alone is still right
    rule = vRecur.from_ical(recurrence.normalize_rule(event.recurrence_rule))
    if last is not None:
        # RFC 5545: UNTIL is a date for all-day events, otherwise a moment in UTC.
        rule["UNTIL"] = [last.date() if event.all_day else last.astimezone(UTC)]
    lines = [f"RRULE:{rule.to_ical().decode()}"]
    skipped = sorted(date.fromisoformat(day) for day in event.recurrence_exceptions)
    if not skipped:
        return lines
    if event.all_day:
        lines.append(f"EXDATE;VALUE=DATE:{','.join(_date(day) for day in skipped)}")
    else:
        start = event.start.astimezone(WARSAW)
        moments = (_local(recurrence.at_local_time(day, start)) for day in skipped)
        lines.append(f"EXDATE;TZID={TIMEZONE}:{','.join(moments)}")
    return lines


def _text(value: str) -> str:
    return value.translate(TEXT_ESCAPES)


def _parameter(value: str) -> str:
    """A parameter value, quoted so that ":", ";" and "," in a name stay part of it."""
    return '"' + value.replace('"', "'").replace("\r", " ").replace("\n", " ") + '"'


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def _local(moment: datetime) -> str:
    return moment.astimezone(WARSAW).strftime("%Y%m%dT%H%M%S")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _folded(lines: list[str]) -> bytes:
    return b"".join(_fold(line.encode()) for line in lines)


def _fold(line: bytes) -> bytes:
    """The line ended by CRLF, folded at 75 octets without splitting a UTF-8 character."""
    parts, limit = [], LINE_OCTETS
    while len(line) > limit:
        cut = limit
        while line[cut] & 0xC0 == 0x80:  # a continuation byte: step back to the character's start
            cut -= 1
        parts.append(line[:cut])
        line, limit = line[cut:], LINE_OCTETS - 1  # continuation lines start with a space
    parts.append(line)
    return b"\r\n ".join(parts) + b"\r\n"


def _absolute(obj) -> str:
    return _absolute_path(obj.get_absolute_url())


def _absolute_path(path: str) -> str:
    return urljoin(settings.SITE_URL, path)
