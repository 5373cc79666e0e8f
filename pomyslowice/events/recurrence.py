"""Repeating events: RFC 5545 rules expanded into occurrences in Warsaw wall-clock time.

A rule is expanded from the event's local (naive) start and each occurrence is made aware
afterwards, so a weekly 17:00 meeting stays at 17:00 when the clocks change.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from itertools import islice
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event

WARSAW = ZoneInfo("Europe/Warsaw")
MAX_OCCURRENCES = 200
ALLOWED_FREQUENCIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})


@dataclass(frozen=True)
class Occurrence:
    """One date of an event; a one-off event has exactly one."""

    event: Event
    start: datetime
    end: datetime

    @cached_property  # the month grid asks for each of its days
    def first_day(self) -> date:
        return timezone.localtime(self.start).date()

    @cached_property
    def last_day(self) -> date:
        # An occurrence ending at midnight does not take up the next day.
        return timezone.localtime(max(self.start, self.end - timedelta(microseconds=1))).date()


def normalize_rule(text: str) -> str:
    """Upper case, no "RRULE:" prefix, no spaces: the form calendar apps expect."""
    text = "".join((text or "").split()).upper()
    return text.removeprefix("RRULE:")


def validate(event: Event) -> None:
    """Raise field errors for a rule or exception dates the calendar could not use."""
    errors = {}
    if event.recurrence_rule and event.start:
        try:
            _check_length(_parse(event))
        except ValidationError as error:
            errors["recurrence_rule"] = error
    exceptions = event.recurrence_exceptions
    if isinstance(exceptions, list):
        bad_dates = [str(value) for value in exceptions if not _is_date(value)]
    else:
        bad_dates = [str(exceptions)]
    if bad_dates:
        errors["recurrence_exceptions"] = ValidationError(
            _("Give dates as YYYY-MM-DD, one per line (not valid: %(values)s).")
            % {"values": ", ".join(bad_dates)}
        )
    if errors:
        raise ValidationError(errors)


def occurrences(event: Event, window_start: datetime, window_end: datetime | None = None):
    """The event's occurrences overlapping [window_start, window_end), in order."""
    if not event.recurrence_rule:
        candidates = [Occurrence(event, event.start, event.end)]
    else:
        candidates = _expand(event, window_start, window_end)
    return [
        occurrence
        for occurrence in candidates
        if occurrence.end >= window_start and (window_end is None or occurrence.start < window_end)
    ]


def expand(events, window_start: datetime, window_end: datetime | None = None) -> list:
    """Occurrences of all the events in the window, sorted by start."""
    found = [item for event in events for item in occurrences(event, window_start, window_end)]
    # Timestamps: comparing datetimes of different time zones is slow with thousands of them.
    return sorted(found, key=lambda item: (item.start.timestamp(), item.event.pk))


def until(event: Event) -> datetime | None:
    """The aware end of the rule's range, or None when the rule counts occurrences."""
    limit = _parse(event)._until  # dateutil has no public accessor for it
    return _aware(limit) if limit else None


def _expand(event: Event, window_start: datetime, window_end: datetime | None) -> list:
    try:
        rule = _parse(event)
    except ValidationError:
        return []  # a rule stored before validation existed shows as no dates, not a 500
    duration = event.end - event.start
    skipped = set(event.recurrence_exceptions or [])
    # An occurrence that starts before the window may still be running inside it.
    after = _naive_local(window_start - duration - timedelta(days=1))
    starts = (
        rule.xafter(after, inc=True)
        if window_end is None
        else rule.between(after, _naive_local(window_end), inc=True)
    )
    return [
        Occurrence(event, start, start + duration)
        for start in map(_aware, starts)
        if start.date().isoformat() not in skipped
    ]


def _parse(event: Event) -> rrule:
    text = normalize_rule(event.recurrence_rule)
    parts = _parts(text)
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            _("Repeat daily, weekly, monthly or yearly (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY).")
        )
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise ValidationError(
            _("Say when the repeating ends: add COUNT (how many times) or UNTIL (the last date).")
        )
    start = _naive_local(event.start)
    try:
        # Parsed against an aware start first: dateutil only accepts a UTC UNTIL that way.
        rule = rrulestr(text, dtstart=start.replace(tzinfo=WARSAW))
        if not isinstance(rule, rrule):
            raise ValueError
        limit = rule._until
        if limit is not None:
            limit = limit.astimezone(WARSAW).replace(tzinfo=None)
        rule = rule.replace(dtstart=start, until=limit)
    except (ValueError, TypeError, OverflowError):
        raise ValidationError(
            _("This is not a valid repeat rule; write it like FREQ=WEEKLY;COUNT=10.")
        ) from None
    return rule


def _check_length(rule: rrule) -> None:
    # Checked on saving only: counting on every page view would cost more than expanding.
    if sum(1 for _ in islice(rule, MAX_OCCURRENCES + 1)) > MAX_OCCURRENCES:
        raise ValidationError(
            _("An event can repeat at most %(limit)d times.") % {"limit": MAX_OCCURRENCES}
        )


def _parts(text: str) -> dict:
    pairs = [part.partition("=") for part in text.split(";") if part]
    return {name: value for name, _sep, value in pairs}


def _is_date(value) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _naive_local(moment: datetime) -> datetime:
    return moment.astimezone(WARSAW).replace(tzinfo=None)


def _aware(local: datetime) -> datetime:
    return local.replace(tzinfo=WARSAW)


def at_local_time(day: date, start: datetime) -> datetime:
    """The moment on that day at the start's Warsaw wall-clock time."""
    return _aware(datetime.combine(day, _naive_local(start).time()))
