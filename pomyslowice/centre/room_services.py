"""Every change to room bookings goes through these functions; availability is read here too.

Decisions worth knowing:
- Times are local wall-clock times at the centre; `calendar.local_datetime` turns them into aware
  datetimes, so a booking on the DST weekend is as long as the clock on the wall says.
- No two holding (pending or approved) bookings of a room overlap. The check runs while the
  room's row is locked (select_for_update; SQLite's IMMEDIATE transactions serialise writers);
  on PostgreSQL an exclusion constraint backs it, and its IntegrityError becomes BookingConflict.
- Support received: an approved booking of an organisation counts as the room used. The
  SupportRecord is written when the booking is approved (dated the booking's day) and deleted
  when it is cancelled or rejected, so the record and the booking never disagree. Bookings
  without an organisation (e.g. the centre's own trainings) are not support to anyone.
- Personal details never leave this module in the public schedules: busy intervals carry only
  their times and whether they are approved or still awaiting approval.
"""

import dataclasses
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from pomyslowice.accounts.models import User
from pomyslowice.accounts.permissions import emails_with_permission
from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import Organization, SupportRecord
from pomyslowice.organizations.permissions import is_representative

from .calendar import local_date, local_datetime, public_holiday
from .models import BookingSeries, BookingStatus, ClosedDay, OpeningHours, Room, RoomBooking
from .permissions import can_decide_bookings
from .support import record_support, remove_support

DECIDER_PERMISSION = "centre.decide_roombooking"
DEFAULT_OPENS, DEFAULT_CLOSES = datetime.time(8), datetime.time(20)


class BookingConflict(ValidationError):
    """The room is already held by another pending or approved booking at that time."""

    def __init__(self, message=None):
        super().__init__(
            message or _("The room is already booked at this time. Please choose another time."),
            code="conflict",
        )


# --- rules -------------------------------------------------------------------------------------


@transaction.atomic
def ensure_default_opening_hours(*, room: Room) -> None:
    """Monday–Saturday 8:00–20:00 for a room that has no opening hours yet."""
    if room.opening_hours.exists():
        return
    OpeningHours.objects.bulk_create(
        OpeningHours(room=room, weekday=weekday, opens=DEFAULT_OPENS, closes=DEFAULT_CLOSES)
        for weekday in range(6)
    )


def _hours_on(room: Room, day: datetime.date) -> OpeningHours | None:
    # .all() so a prefetch (free_rooms, listings) is used instead of a query per room.
    return next((h for h in room.opening_hours.all() if h.weekday == day.weekday()), None)


def _closed_days(start: datetime.date, end: datetime.date, rooms=None) -> list[ClosedDay]:
    closed = ClosedDay.objects.filter(date__gte=start, date__lte=end)
    if rooms is not None:
        closed = closed.filter(Q(room=None) | Q(room__in=rooms))
    return list(closed)


def _closed_reason(room: Room, day: datetime.date, closed_days: list[ClosedDay]) -> str | None:
    holiday = public_holiday(day)
    if holiday:
        return holiday
    for closed in closed_days:
        if closed.date == day and closed.room_id in (None, room.pk):
            return closed.reason
    if _hours_on(room, day) is None:
        return _("closed on this weekday")
    return None


def _time_problem(room, start, end, *, closed_days) -> str | None:
    """Why the room cannot be used from start to end by its calendar, or None."""
    if end <= start:
        return _("The booking must end after it starts.")
    day = local_date(start)
    if local_date(end) != day:
        return _("A booking must start and end on the same day.")
    reason = _closed_reason(room, day, closed_days)
    if reason:
        return _("The room cannot be booked on %(day)s: %(reason)s.") % {
            "day": formats.date_format(day, "DATE_FORMAT"),
            "reason": reason,
        }
    hours = _hours_on(room, day)
    if start < local_datetime(day, hours.opens) or end > local_datetime(day, hours.closes):
        return _("On this day the room is open from %(opens)s to %(closes)s.") % {
            "opens": hours.opens.strftime("%H:%M"),
            "closes": hours.closes.strftime("%H:%M"),
        }
    return None


def booking_problem(*, room: Room, start, end, expected_people, now=None) -> str | None:
    """Why this booking cannot be made (apart from other bookings), or None."""
    now = now or timezone.now()
    if not room.is_active:
        return _("This room cannot be booked at the moment.")
    if start is None or end is None:
        return _("Give the date and the times.")
    if end <= start:
        return _("The booking must end after it starts.")
    if start < now:
        return _("This time has already passed.")
    if start > now + datetime.timedelta(days=settings.ROOM_BOOKING_MAX_DAYS_AHEAD):
        return _("Rooms can be booked at most %(days)s days ahead.") % {
            "days": settings.ROOM_BOOKING_MAX_DAYS_AHEAD
        }
    if expected_people is None or expected_people < 1:
        return _("Give the expected number of people (at least 1).")
    if expected_people > room.capacity:
        return _("This room holds at most %(capacity)s people.") % {"capacity": room.capacity}
    day = local_date(start)
    return _time_problem(room, start, end, closed_days=_closed_days(day, day, rooms=[room]))


# --- requests ----------------------------------------------------------------------------------


@dataclasses.dataclass(kw_only=True)
class BookingDetails:
    """What a request says besides its times: the same for one booking and for every date of a
    weekly series."""

    purpose: str
    expected_people: int
    requested_by: User | None
    organization: Organization | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    layout: str = ""
    equipment_needed: str = ""
    notes: str = ""

    def __post_init__(self):
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, str):
                setattr(self, field.name, value.strip())
        user = self.requested_by
        if user is not None:
            self.contact_name = self.contact_name or user.get_full_name() or user.email
            self.contact_email = self.contact_email or user.email

    def booking_fields(self) -> dict:
        # Not dataclasses.asdict: it would deep-copy the user and the organisation.
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}


def _create_booking(*, room, start, end, details: BookingDetails, approve, series=None):
    """Validate and save one booking; the caller holds the room's lock."""
    problem = booking_problem(
        room=room, start=start, end=end, expected_people=details.expected_people
    )
    if problem:
        raise ValidationError(problem, code="invalid")
    if RoomBooking.objects.holding().overlapping(start, end).filter(room=room).exists():
        raise BookingConflict()
    requested_by = details.requested_by
    booking = RoomBooking(
        room=room, start=start, end=end, series=series, **details.booking_fields()
    )
    if approve:
        booking.status = BookingStatus.APPROVED
        booking.decided_by, booking.decided_at = requested_by, timezone.now()
    booking.full_clean(exclude=["room", "series"], validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:  # PostgreSQL's exclusion constraint: a racing request won
        raise BookingConflict() from error
    log_action(
        actor=requested_by,
        verb="centre.roombooking.approved" if approve else "centre.roombooking.requested",
        target=booking,
        data={"status": booking.status},
    )
    if approve:
        _record_support(booking, by=requested_by)
    return booking


@transaction.atomic
def request_booking(
    *,
    room: Room,
    start,
    end,
    purpose: str,
    expected_people: int,
    requested_by,
    organization=None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    layout: str = "",
    equipment_needed: str = "",
    notes: str = "",
    approve: bool = False,
    series: BookingSeries | None = None,
    language: str | None = None,
    notify: bool = True,
) -> RoomBooking:
    """Ask for a room (pending), or book it at once with approve=True (the caller decides who
    may). Raises BookingConflict when the time is taken, ValidationError for any other rule.
    notify=False leaves the e-mails to the caller (an event booking all its dates at once)."""
    details = BookingDetails(
        purpose=purpose,
        expected_people=expected_people,
        requested_by=requested_by,
        organization=organization,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        layout=layout,
        equipment_needed=equipment_needed,
        notes=notes,
    )
    room = Room.objects.select_for_update().get(pk=room.pk)
    booking = _create_booking(
        room=room, start=start, end=end, details=details, approve=approve, series=series
    )
    if not notify:
        return booking
    if approve:
        _email_requester("approved", booking, language=language)
    else:
        _email_requester("received", booking, language=language)
        _email_staff("new_request", booking, language=language)
    return booking


@transaction.atomic
def request_series(
    *,
    room: Room,
    first_date: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    occurrences: int,
    approve: bool = False,
    language: str | None = None,
    **details,
) -> BookingSeries:
    """The same time every week from first_date on; `details` are request_booking's (purpose,
    expected_people, requested_by, organization, contact and needs: see BookingDetails). Dates
    that cannot be booked (taken, a holiday, closed) are skipped and listed in series.skipped
    with the reason; if no date can be booked, nothing is saved and the reasons come back as a
    ValidationError."""
    details = BookingDetails(**details)
    if not 1 <= (occurrences or 0) <= 52:
        raise ValidationError({"occurrences": _("Repeat for 1 to 52 weeks.")})
    if ends_at <= starts_at:
        raise ValidationError(_("The booking must end after it starts."))
    room = Room.objects.select_for_update().get(pk=room.pk)
    series = BookingSeries.objects.create(
        room=room,
        weekday=first_date.weekday(),
        starts_at=starts_at,
        ends_at=ends_at,
        first_date=first_date,
        occurrences=occurrences,
        requested_by=details.requested_by,
    )
    booked, skipped = [], []
    for week in range(occurrences):
        day = first_date + datetime.timedelta(weeks=week)
        try:
            with transaction.atomic():
                booked.append(
                    _create_booking(
                        room=room,
                        start=local_datetime(day, starts_at),
                        end=local_datetime(day, ends_at),
                        details=details,
                        approve=approve,
                        series=series,
                    )
                )
        except ValidationError as error:
            skipped.append({"date": day.isoformat(), "reason": " ".join(error.messages)})
    if not booked:
        raise ValidationError(
            [
                _("%(date)s: %(reason)s") % {"date": item["date"], "reason": item["reason"]}
                for item in skipped
            ],
            code="nothing_booked",
        )
    series.skipped = skipped
    series.save(update_fields=["skipped"])
    log_action(
        actor=details.requested_by,
        verb="centre.bookingseries.requested",
        target=series,
        data={"booked": len(booked), "skipped": skipped},
    )
    context = {"series": series, "bookings": booked, "booking": booked[0]}
    send_templated_email(
        template="centre/email/room_series_received",
        to=[booked[0].contact_email],
        context=context,
        language=language,
    )
    if not approve:
        send_templated_email(
            template="centre/email/room_series_new_request",
            to=emails_with_permission(DECIDER_PERMISSION),
            context=context,
            language=language,
        )
    return series


# --- decisions ---------------------------------------------------------------------------------


def _locked(booking: RoomBooking) -> RoomBooking:
    return (
        RoomBooking.objects.select_for_update(of=("self",))
        .select_related("room", "organization", "requested_by")
        .get(pk=booking.pk)
    )


def _must_be_pending(booking: RoomBooking) -> None:
    if booking.status != BookingStatus.PENDING:
        raise ValidationError(
            _("This request has already been decided (%(status)s).")
            % {"status": booking.get_status_display()},
            code="decided",
        )


@transaction.atomic
def approve_booking(*, booking: RoomBooking, by, language=None) -> RoomBooking:
    booking = _locked(booking)
    _must_be_pending(booking)
    if booking.end <= timezone.now():
        raise ValidationError(_("The time of this booking has passed."), code="past")
    booking.status = BookingStatus.APPROVED
    booking.decided_by, booking.decided_at = by, timezone.now()
    booking.save(update_fields=["status", "decided_by", "decided_at"])
    log_action(actor=by, verb="centre.roombooking.approved", target=booking)
    _record_support(booking, by=by)
    _email_requester("approved", booking, language=language)
    return booking


@transaction.atomic
def reject_booking(*, booking: RoomBooking, by, reason: str, language=None) -> RoomBooking:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason; the requester will read it.")})
    booking = _locked(booking)
    _must_be_pending(booking)
    booking.status = BookingStatus.REJECTED
    booking.decided_by, booking.decided_at = by, timezone.now()
    booking.decision_reason = reason
    booking.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    log_action(
        actor=by, verb="centre.roombooking.rejected", target=booking, data={"reason": reason}
    )
    _remove_support(booking)
    _email_requester("rejected", booking, language=language)
    return booking


def cancel_problem(booking: RoomBooking, user, now=None) -> str | None:
    """Why `user` cannot cancel the booking now, or None. Staff who decide on bookings may
    cancel any time before it ends; the requester and the organisation's representatives until
    ROOM_BOOKING_CANCEL_HOURS before it starts."""
    now = now or timezone.now()
    if not booking.is_holding:
        return _("This booking is not active.")
    if booking.end <= now:
        return _("A booking that has taken place cannot be cancelled.")
    if can_decide_bookings(user):
        return None
    is_requester = user.is_authenticated and (
        booking.requested_by_id == user.pk
        or (booking.organization_id and is_representative(user, booking.organization))
    )
    if not is_requester:
        return _("You cannot cancel this booking.")
    hours = settings.ROOM_BOOKING_CANCEL_HOURS
    if booking.start - now < datetime.timedelta(hours=hours):
        return _(
            "Bookings can be cancelled online up to %(hours)s hours before they start. "
            "Please contact the centre."
        ) % {"hours": hours}
    return None


@transaction.atomic
def cancel_booking(*, booking: RoomBooking, by, reason: str = "", language=None) -> RoomBooking:
    booking = _locked(booking)
    problem = cancel_problem(booking, by)
    if problem:
        raise ValidationError(problem, code="cannot_cancel")
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.decision_reason = (reason or "").strip() or booking.decision_reason
    booking.save(update_fields=["status", "cancelled_at", "decision_reason"])
    log_action(
        actor=by,
        verb="centre.roombooking.cancelled",
        target=booking,
        data={"reason": booking.decision_reason},
    )
    _remove_support(booking)
    by_staff = can_decide_bookings(by)
    _email_requester("cancelled", booking, language=language, extra={"by_staff": by_staff})
    if not by_staff:
        _email_staff("cancelled_by_requester", booking, language=language)
    return booking


@transaction.atomic
def release_booking(*, booking: RoomBooking, by) -> RoomBooking:
    """Give the time back without the cancellation rules and e-mails: for an event whose dates,
    room or status changed (the event's own service tells the people concerned)."""
    booking = _locked(booking)
    if not booking.is_holding:
        return booking
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    log_action(actor=by, verb="centre.roombooking.released", target=booking)
    _remove_support(booking)
    return booking


# --- support received --------------------------------------------------------------------------


def _record_support(booking: RoomBooking, *, by) -> None:
    if booking.organization_id is None:
        return
    record_support(
        kind=SupportRecord.Kind.ROOM,
        source=booking,
        date=local_date(booking.start),
        person=booking.requested_by,
        organization=booking.organization,
        summary=f"{booking.room.name}: {booking.purpose}",
        by=by if by is not None and by.is_authenticated else None,
    )


def _remove_support(booking: RoomBooking) -> None:
    remove_support(kind=SupportRecord.Kind.ROOM, source=booking)


# --- e-mails -----------------------------------------------------------------------------------


def _context(booking: RoomBooking) -> dict:
    return {
        "booking": booking,
        "room": booking.room,
        "start": timezone.localtime(booking.start),
        "end": timezone.localtime(booking.end),
        "url": settings.SITE_URL.rstrip("/") + _detail_path(booking),
    }


def _detail_path(booking: RoomBooking) -> str:
    return reverse("centre:booking-detail", kwargs={"pk": booking.pk})


def _email_requester(template: str, booking: RoomBooking, *, language, extra=None) -> None:
    send_templated_email(
        template=f"centre/email/room_booking_{template}",
        to=[booking.contact_email],
        context={**_context(booking), **(extra or {})},
        language=language,
    )


def _email_staff(template: str, booking: RoomBooking, *, language) -> None:
    send_templated_email(
        template=f"centre/email/room_booking_{template}",
        to=emails_with_permission(DECIDER_PERMISSION),
        context=_context(booking),
        language=language,
    )


# --- availability ------------------------------------------------------------------------------


@dataclasses.dataclass
class Busy:
    """A taken time, without who took it."""

    start: datetime.datetime
    end: datetime.datetime
    approved: bool

    @property
    def label(self) -> str:
        return _("booked") if self.approved else _("awaiting approval")


@dataclasses.dataclass
class DaySchedule:
    day: datetime.date
    opens: datetime.time | None
    closes: datetime.time | None
    closed_reason: str | None
    busy: list[Busy]

    @property
    def is_open(self) -> bool:
        return self.closed_reason is None

    @property
    def is_past(self) -> bool:
        return self.day < timezone.localdate()


def _schedules(room: Room, days: list[datetime.date]) -> list[DaySchedule]:
    first, last = days[0], days[-1]
    closed_days = _closed_days(first, last, rooms=[room])
    bookings = (
        RoomBooking.objects.holding()
        .filter(room=room)
        .overlapping(
            local_datetime(first, datetime.time.min),
            local_datetime(last + datetime.timedelta(days=1), datetime.time.min),
        )
        .only("start", "end", "status")
        .order_by("start")
    )
    busy_by_day: dict[datetime.date, list[Busy]] = {day: [] for day in days}
    for booking in bookings:
        busy_by_day.setdefault(local_date(booking.start), []).append(
            Busy(
                start=timezone.localtime(booking.start),
                end=timezone.localtime(booking.end),
                approved=booking.status == BookingStatus.APPROVED,
            )
        )
    schedules = []
    for day in days:
        hours = _hours_on(room, day)
        reason = _closed_reason(room, day, closed_days)
        schedules.append(
            DaySchedule(
                day=day,
                opens=hours.opens if hours and not reason else None,
                closes=hours.closes if hours and not reason else None,
                closed_reason=reason,
                busy=busy_by_day[day],
            )
        )
    return schedules


def day_schedule(*, room: Room, day: datetime.date) -> DaySchedule:
    return _schedules(room, [day])[0]


def week_schedule(*, room: Room, week_start: datetime.date) -> list[DaySchedule]:
    """Seven days from the Monday of the week containing week_start."""
    monday = week_start - datetime.timedelta(days=week_start.weekday())
    return _schedules(room, [monday + datetime.timedelta(days=i) for i in range(7)])


def free_rooms(*, start, end, people: int) -> list[Room]:
    """Active rooms open and free for the whole of [start, end) that hold `people`; a constant
    number of queries however many rooms and bookings there are."""
    if end <= start:
        raise ValidationError(_("The end must be after the start."))
    rooms = list(Room.objects.for_listing().filter(capacity__gte=max(people or 1, 1)))
    taken = set(
        RoomBooking.objects.holding()
        .overlapping(start, end)
        .filter(room__in=rooms)
        .values_list("room_id", flat=True)
    )
    day = local_date(start)
    closed_days = _closed_days(day, day)
    return [
        room
        for room in rooms
        if room.pk not in taken and _time_problem(room, start, end, closed_days=closed_days) is None
    ]
