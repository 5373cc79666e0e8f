"""Free consulting slots: each consultant's weekly pattern, changed by their exceptions and the
Polish public holidays, cut into pieces of the service's length, minus what is already booked.

All of it is local wall-clock arithmetic in minutes of the day; times become aware datetimes only
through `calendar.local_datetime`, so the DST weeks need no special case here.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .calendar import local_date, local_datetime, public_holiday
from .models import Appointment, AvailabilityException, Consultant, ConsultingService

Window = tuple[int, int]  # minutes since local midnight, [start, end)


@dataclass(frozen=True)
class Slot:
    consultant: Consultant
    start: datetime.datetime
    end: datetime.datetime


def _minutes(time: datetime.time) -> int:
    return time.hour * 60 + time.minute


def _time(minutes: int) -> datetime.time:
    return datetime.time(minutes // 60, minutes % 60)


def _subtract(windows: list[Window], cut: Window) -> list[Window]:
    result = []
    for start, end in windows:
        if cut[1] <= start or cut[0] >= end:
            result.append((start, end))
            continue
        if start < cut[0]:
            result.append((start, cut[0]))
        if cut[1] < end:
            result.append((cut[1], end))
    return result


def _exception_window(exception: AvailabilityException) -> Window:
    if exception.starts_at is None or exception.ends_at is None:
        return (0, 24 * 60)
    return (_minutes(exception.starts_at), _minutes(exception.ends_at))


def day_windows(consultant: Consultant, day: datetime.date, exceptions: list) -> list[Window]:
    """When the consultant works on `day`, in local minutes; `rules` must be prefetched."""
    extra = [e for e in exceptions if e.kind == AvailabilityException.Kind.EXTRA]
    windows = []
    # A public holiday closes the usual hours; extra hours set for that day still count.
    if not public_holiday(day):
        windows = [
            (_minutes(rule.starts_at), _minutes(rule.ends_at))
            for rule in consultant.rules.all()
            if rule.weekday == day.weekday()
            and (rule.valid_from is None or rule.valid_from <= day)
            and (rule.valid_until is None or day <= rule.valid_until)
        ]
    windows += [_exception_window(e) for e in extra]
    for exception in exceptions:
        if exception.kind == AvailabilityException.Kind.UNAVAILABLE:
            windows = _subtract(windows, _exception_window(exception))
    return sorted(windows)


def blocking_appointments(now=None):
    """Appointments that hold their time: booked ones and unconfirmed ones not yet expired."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(hours=settings.CONSULTING_CONFIRMATION_HOURS)
    return Appointment.objects.holding().exclude(
        status=Appointment.Status.UNCONFIRMED, created_at__lt=cutoff
    )


def booking_window(now=None) -> tuple[datetime.datetime, datetime.date]:
    """The earliest start one may book and the last day one may book."""
    now = now or timezone.now()
    earliest = now + datetime.timedelta(hours=settings.CONSULTING_MIN_NOTICE_HOURS)
    return earliest, local_date(now) + datetime.timedelta(days=settings.CONSULTING_MAX_DAYS_AHEAD)


def free_slots(
    service: ConsultingService,
    first_day: datetime.date,
    last_day: datetime.date,
    *,
    consultant: Consultant | None = None,
    now=None,
) -> list[Slot]:
    """Bookable slots of `service` from `first_day` to `last_day` (local dates, inclusive),
    ordered by start, then consultant. Three queries whatever the range."""
    earliest, latest_day = booking_window(now)
    last_day = min(last_day, latest_day)
    first_day = max(first_day, local_date(earliest))
    if first_day > last_day:
        return []
    consultants = service.consultants.filter(is_active=True).prefetch_related("rules")
    if consultant is not None:
        consultants = consultants.filter(pk=consultant.pk)
    consultants = list(consultants)
    if not consultants:
        return []
    range_start = local_datetime(first_day, datetime.time(0))
    range_end = local_datetime(last_day + datetime.timedelta(days=1), datetime.time(0))
    exceptions = defaultdict(list)
    for exception in AvailabilityException.objects.filter(
        consultant__in=consultants, date__range=(first_day, last_day)
    ):
        exceptions[(exception.consultant_id, exception.date)].append(exception)
    taken = defaultdict(list)
    for start, end, consultant_id in (
        blocking_appointments(now)
        .filter(consultant__in=consultants, start__lt=range_end, end__gt=range_start)
        .values_list("start", "end", "consultant_id")
    ):
        taken[consultant_id].append((start, end))
    length = service.duration_minutes
    slots = []
    day = first_day
    while day <= last_day:
        for person in consultants:
            for window_start, window_end in day_windows(person, day, exceptions[(person.pk, day)]):
                minute = window_start
                while minute + length <= window_end:
                    # In UTC: Python compares and subtracts datetimes sharing a tzinfo by
                    # their wall-clock, which is wrong across the DST change.
                    start = local_datetime(day, _time(minute)).astimezone(datetime.UTC)
                    end = _slot_end(day, minute + length).astimezone(datetime.UTC)
                    if (
                        _real(start, minute, end, length)
                        and start >= earliest
                        and not any(s < end and e > start for s, e in taken[person.pk])
                    ):
                        slots.append(Slot(person, start, end))
                    minute += length
        day += datetime.timedelta(days=1)
    slots.sort(key=lambda slot: (slot.start, slot.consultant.display_name, slot.consultant.pk))
    return slots


def _real(start, minute: int, end, length: int) -> bool:
    """False for a slot the DST change night bends: a start skipped by the clock, or a real
    length different from the wall-clock one."""
    wall = timezone.localtime(start)
    return wall.hour * 60 + wall.minute == minute and end - start == datetime.timedelta(
        minutes=length
    )


def _slot_end(day: datetime.date, minutes: int) -> datetime.datetime:
    if minutes >= 24 * 60:
        return local_datetime(day + datetime.timedelta(days=1), datetime.time(0))
    return local_datetime(day, _time(minutes))


def is_free(service, consultant, start, *, now=None) -> bool:
    day = local_date(start)
    return any(
        slot.start == start
        for slot in free_slots(service, day, day, consultant=consultant, now=now)
    )
