"""Events held at the centre take their room through the centre's booking rules.

Every date an event takes place is one room booking, so a training and a meeting can never be
in the same room at the same time. Staff who may book rooms get the bookings approved at once;
an organisation's representative sends requests that staff decide on, as for any meeting.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pomyslowice.centre import room_services
from pomyslowice.centre.permissions import can_book_on_behalf

from . import recurrence
from .models import Event

# A repeating event books at most this many dates; the repeat rule must end sooner.
MAX_BOOKED_DATES = 60


def book_event_room(event: Event, *, by) -> None:
    """(Re)book the event's room for each of its dates, or raise every conflict at once.

    Called inside the service's transaction: on any problem nothing is booked or saved.
    """
    release_event_room(event, by=by)
    if event.room is None:
        return
    dates = _dates(event)
    if len(dates) > MAX_BOOKED_DATES:
        raise ValidationError(
            {
                "room": _("A room can be booked for at most %(count)d dates of a repeating event.")
                % {"count": MAX_BOOKED_DATES}
            }
        )
    bookings, problems = [], []
    for start, end in dates:
        try:
            bookings.append(_book(event, start=start, end=end, by=by))
        except ValidationError as error:
            problems.append(
                f"{date_format(timezone.localtime(start), 'DATE_FORMAT')}: {error.messages[0]}"
            )
    if problems:
        raise ValidationError({"room": problems})
    event.room_bookings.add(*bookings)


def release_event_room(event: Event, *, by) -> None:
    """Give back the event's room for dates still to come (a cancelled or moved event); the
    bookings of dates gone by stay linked, as a record of where it took place."""
    upcoming = list(event.room_bookings.filter(end__gt=timezone.now()))
    for booking in upcoming:
        if booking.is_holding:
            room_services.release_booking(booking=booking, by=by)
    event.room_bookings.remove(*upcoming)


def _book(event: Event, *, start: datetime, end: datetime, by):
    return room_services.request_booking(
        room=event.room,
        start=start,
        end=end,
        purpose=event.title[:300],
        expected_people=event.capacity or event.room.capacity,
        requested_by=by,
        organization=event.organizer,
        approve=can_book_on_behalf(by),
        # One e-mail per date would flood people; the event's own e-mails and the staff's
        # booking queue cover it.
        notify=False,
    )


def _dates(event: Event) -> list[tuple[datetime, datetime]]:
    return [
        (occurrence.start, occurrence.end)
        for occurrence in recurrence.occurrences(event, timezone.now())
    ]
