"""RFC 5545 calendars of events, for "add to calendar" and calendar subscriptions."""

from datetime import UTC, date, timedelta
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from icalendar import Calendar, Timezone, vRecur
from icalendar import Event as CalendarEvent

from pomyslowice.core.sanitize import plain_text

from . import recurrence
from .models import Event

TIMEZONE = "Europe/Warsaw"
PRODID = "-//Pomyslowice//Events calendar//PL"
ICAL_STATUS = {
    Event.Status.CANCELLED: "CANCELLED",
    Event.Status.POSTPONED: "TENTATIVE",
}
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event: Event) -> str:
    """Stable across requests and edits, so calendar apps update the event instead of adding it."""
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname}"


def build_calendar(events, *, name: str) -> bytes:
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add_component(_warsaw_timezone(events))
    stamp = timezone.now()
    # Texts in the calendar are Polish: the file is shared beyond the page that produced it.
    with translation.override(settings.LANGUAGE_CODE):
        for event in events:
            calendar.add_component(_calendar_event(event, stamp))
    return calendar.to_ical()


def _warsaw_timezone(events: list[Event]) -> Timezone:
    """A VTIMEZONE covering the events' years, so every DST change they cross is described."""
    years = [timezone.localtime(event.start).year for event in events] or [date.today().year]
    return Timezone.from_tzinfo(
        ZoneInfo(TIMEZONE),
        tzid=TIMEZONE,
        first_date=date(min(years) - 1, 1, 1),
        last_date=date(max(years) + 2, 1, 1),
    )


def _calendar_event(event: Event, stamp) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", event_uid(event))
    item.add("dtstamp", stamp)
    warsaw = ZoneInfo(TIMEZONE)
    if event.all_day:
        first_day = event.start.astimezone(warsaw).date()
        last_day = event.end.astimezone(warsaw).date()
        item.add("dtstart", first_day)
        item.add("dtend", last_day + timedelta(days=1))  # DTEND of a date is exclusive
    else:
        item.add("dtstart", event.start.astimezone(warsaw))
        item.add("dtend", event.end.astimezone(warsaw))
    if event.recurrence_rule:
        _add_recurrence(item, event)
    item.add("summary", event.title)
    description = plain_text(event.description)
    if event.status_note:
        description = f"{event.get_status_display()}: {event.status_note}\n\n{description}"
    if description.strip():
        item.add("description", description.strip())
    location = ", ".join(part for part in (event.place_name, event.address) if part)
    if location or event.online_url:
        item.add("location", location or event.online_url)
    item.add("url", _absolute(event))
    item.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    item.add("categories", [str(event.get_category_display())])
    if event.organizer is not None:
        organizer = event.organizer
        address = f"mailto:{organizer.email}" if organizer.email else _absolute(organizer)
        item.add("organizer", address, parameters={"CN": organizer.name})
    return item


def _add_recurrence(item: CalendarEvent, event: Event) -> None:
    """One VEVENT with RRULE and EXDATE: calendar apps expand the dates themselves."""
    try:
        last = recurrence.until(event)
    except ValidationError:
        return  # a rule saved before validation existed: the first date alone is still right
    rule = vRecur.from_ical(recurrence.normalize_rule(event.recurrence_rule))
    if last is not None:
        # RFC 5545: UNTIL is a date for all-day events, otherwise a moment in UTC.
        rule["UNTIL"] = [last.date() if event.all_day else last.astimezone(UTC)]
    item.add("rrule", rule)
    skipped = sorted(date.fromisoformat(day) for day in event.recurrence_exceptions)
    if not skipped:
        return
    if event.all_day:
        item.add("exdate", skipped)
    else:
        start = event.start.astimezone(ZoneInfo(TIMEZONE))
        item.add("exdate", [recurrence.at_local_time(day, start) for day in skipped])


def _absolute(obj) -> str:
    return urljoin(settings.SITE_URL, obj.get_absolute_url())
