"""Twenty requests for the same room at the same time: exactly one gets it, on either database."""

import json
import urllib.error
import urllib.request

import pytest

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.centre import room_services as services
from pomyslowice.centre.models import RoomBooking
from tests.centre.rooms.conftest import at
from tests.events.test_registration_concurrency import RACERS, race


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_one_wins(users, room, organization, tuesday):
    def book(index: int) -> str:
        services.request_booking(
            room=room,
            start=at(tuesday, 10),
            end=at(tuesday, 12 + index % 3),
            purpose=f"Wyścig {index}",
            expected_people=5,
            requested_by=users["representative"],
            organization=organization,
        )
        return "booked"

    outcomes = race(book)

    assert sorted(outcomes) == ["BookingConflict"] * (RACERS - 1) + ["booked"]
    assert RoomBooking.objects.holding().filter(room=room).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_api_requests_one_201_rest_409(users, room, organization, tuesday, live_server):
    secret = create_api_token(user=users["representative"], name="Wyścig")[1]
    payload = json.dumps(
        {
            "room": room.slug,
            "start": at(tuesday, 10).isoformat(),
            "end": at(tuesday, 12).isoformat(),
            "purpose": "Wyścig",
            "expected_people": 5,
            "organization": organization.slug,
        }
    ).encode()

    def post(index: int) -> int:
        request = urllib.request.Request(
            f"{live_server.url}/api/v1/bookings",
            data=payload,
            method="POST",
            headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    outcomes = race(post)

    assert sorted(outcomes) == [201] + [409] * (RACERS - 1)
    assert RoomBooking.objects.holding().filter(room=room).count() == 1


def test_database_constraint_becomes_a_conflict(make_booking, booking, tuesday, monkeypatch):
    """Should the service's own check ever miss an overlap, PostgreSQL's exclusion constraint
    still refuses it, and the caller sees the same BookingConflict."""
    from django.db import connection

    from pomyslowice.centre.models import RoomBookingQuerySet

    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint exists on PostgreSQL only")
    monkeypatch.setattr(RoomBookingQuerySet, "overlapping", lambda self, start, end: self.none())
    with pytest.raises(services.BookingConflict):
        make_booking(tuesday, 11, 13)
    assert RoomBooking.objects.count() == 1
