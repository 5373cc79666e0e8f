"""Events at the centre book their room through the booking rules: never two uses at once."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from pomyslowice.centre.models import BookingStatus, Room, RoomBooking
from pomyslowice.centre.room_services import ensure_default_opening_hours, request_booking
from pomyslowice.events import services
from pomyslowice.events.models import Event
from tests.centre.conftest import next_weekday
from tests.events.conftest import at, event_form_data

TUESDAY = next_weekday(1, after=datetime.date.today() + datetime.timedelta(days=7))


@pytest.fixture
def room(db):
    room = Room.objects.create(name="Sala szkoleniowa", slug="sala-szkoleniowa", capacity=30)
    ensure_default_opening_hours(room=room)
    return room


def tuesday(hour: int, *, weeks: int = 0) -> datetime.datetime:
    day = TUESDAY + datetime.timedelta(weeks=weeks)
    return at(day.year, day.month, day.day, hour)


def event_data(organization, room, **overrides) -> dict:
    data = {
        "title": "Szkolenie z fundraisingu",
        "category": Event.Category.TRAINING,
        "organizer": organization,
        "start": tuesday(10),
        "end": tuesday(13),
        "room": room,
        "address": "",
    }
    data.update(overrides)
    return data


def test_staff_event_books_its_room_at_once(users, organization, room):
    event = services.submit_event(data=event_data(organization, room), by=users["coordinator"])

    [booking] = event.room_bookings.all()
    assert (booking.room, booking.start, booking.end) == (room, tuesday(10), tuesday(13))
    assert booking.status == BookingStatus.APPROVED
    assert booking.organization == organization
    assert event.place_name == room.name
    assert event.address  # the centre's address, filled in


def test_representative_event_sends_a_room_request(users, organization, room):
    event = services.submit_event(data=event_data(organization, room), by=users["representative"])

    [booking] = event.room_bookings.all()
    assert booking.status == BookingStatus.PENDING
    assert booking.requested_by == users["representative"]


def test_an_event_cannot_take_a_room_already_booked(users, organization, room):
    request_booking(
        room=room,
        start=tuesday(12),
        end=tuesday(14),
        purpose="Zebranie zarządu",
        expected_people=8,
        requested_by=users["representative"],
    )

    with pytest.raises(ValidationError) as error:
        services.submit_event(data=event_data(organization, room), by=users["coordinator"])

    assert "room" in error.value.message_dict
    assert not Event.objects.exists()
    assert RoomBooking.objects.count() == 1


def test_a_meeting_cannot_take_the_room_of_an_event(users, organization, room):
    services.submit_event(data=event_data(organization, room), by=users["coordinator"])

    with pytest.raises(ValidationError):
        request_booking(
            room=room,
            start=tuesday(11),
            end=tuesday(12),
            purpose="Spotkanie",
            expected_people=5,
            requested_by=users["representative"],
        )


def test_repeating_event_books_every_date_and_names_each_conflict(users, organization, room):
    request_booking(
        room=room,
        start=tuesday(10, weeks=2),
        end=tuesday(11, weeks=2),
        purpose="Zebranie",
        expected_people=5,
        requested_by=users["representative"],
    )
    data = event_data(organization, room, recurrence_rule="FREQ=WEEKLY;COUNT=4")

    with pytest.raises(ValidationError) as error:
        services.submit_event(data=data, by=users["coordinator"])
    [problem] = error.value.message_dict["room"]
    assert str(TUESDAY.year) in problem

    RoomBooking.objects.update(status=BookingStatus.CANCELLED)
    event = services.submit_event(data=data, by=users["coordinator"])
    assert event.room_bookings.count() == 4


def test_moving_an_event_rebooks_and_cancelling_gives_the_room_back(users, organization, room):
    event = services.submit_event(data=event_data(organization, room), by=users["coordinator"])
    services.approve_event(event=event, by=users["coordinator"])
    [old] = event.room_bookings.all()

    services.update_event(
        event=event,
        by=users["coordinator"],
        changes={"start": tuesday(15), "end": tuesday(17)},
    )
    old.refresh_from_db()
    assert old.status == BookingStatus.CANCELLED
    [new] = event.room_bookings.all()
    assert (new.start, new.status) == (tuesday(15), BookingStatus.APPROVED)

    services.cancel_event(event=event, by=users["coordinator"], note="Choroba prowadzącej.")
    new.refresh_from_db()
    assert new.status == BookingStatus.CANCELLED
    assert not event.room_bookings.exists()


def test_event_form_shows_the_conflict_on_the_room_field(client_for, users, organization, room):
    request_booking(
        room=room,
        start=tuesday(9),
        end=tuesday(20),
        purpose="Konferencja",
        expected_people=20,
        requested_by=users["coordinator"],
        approve=True,
    )
    data = event_form_data(
        organization,
        start=tuesday(10).strftime("%Y-%m-%dT%H:%M"),
        end=tuesday(12).strftime("%Y-%m-%dT%H:%M"),
        room=room.pk,
        address="",
    )

    response = client_for("coordinator").post("/en/wydarzenia/zglos/", data)

    assert response.status_code == 200
    assert "The room is already booked at this time." in response.text
    assert not Event.objects.exists()
