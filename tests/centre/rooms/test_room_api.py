import datetime

import pytest

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.centre.models import BookingStatus, RoomBooking
from tests.centre.rooms.conftest import at


def auth(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=user, name='Test')[1]}"}


def body(room, day, **extra):
    return {
        "room": room.slug,
        "start": at(day, 10).isoformat(),
        "end": at(day, 12).isoformat(),
        "purpose": "Walne zebranie",
        "expected_people": 12,
        **extra,
    }


def test_rooms_are_public_and_paginated(client, room, other_room):
    response = client.get("/api/v1/rooms")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert [item["slug"] for item in data["items"]] == [other_room.slug, room.slug]
    assert data["items"][0]["opening_hours"][0] == {
        "weekday": 0,
        "opens": "08:00:00",
        "closes": "20:00:00",
    }
    assert client.get(f"/api/v1/rooms/{room.slug}").json()["capacity"] == 30
    assert client.get("/api/v1/rooms/nie-ma").status_code == 404


def test_availability_hides_people(client, room, booking, tuesday):
    response = client.get(f"/api/v1/rooms/{room.slug}/availability", {"date": tuesday.isoformat()})
    assert response.status_code == 200
    data = response.json()
    assert data["open"] is True and data["opens"] == "08:00:00"
    assert [(b["status"]) for b in data["busy"]] == ["pending"]
    text = response.content.decode()
    assert booking.purpose not in text and booking.contact_email not in text
    assert "organization" not in text


@pytest.mark.parametrize("value", ["2026-13-01", "jutro", ""])
def test_availability_bad_date_is_400(client, room, value):
    response = client.get(f"/api/v1/rooms/{room.slug}/availability", {"date": value})
    assert response.status_code == 400
    assert "detail" in response.json()


def test_availability_on_a_holiday(client, room):
    response = client.get(f"/api/v1/rooms/{room.slug}/availability", {"date": "2026-11-11"})
    assert response.json()["open"] is False
    assert response.json()["closed_reason"]


def test_post_booking_201(client, users, room, organization, tuesday):
    response = client.post(
        "/api/v1/bookings",
        body(room, tuesday, organization=organization.slug),
        content_type="application/json",
        **auth(users["representative"]),
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"
    assert RoomBooking.objects.get().organization == organization


def test_post_booking_401(client, room, tuesday):
    response = client.post("/api/v1/bookings", body(room, tuesday), content_type="application/json")
    assert response.status_code == 401


@pytest.mark.parametrize("persona", ["resident", "volunteer", "analyst", "technical_admin"])
def test_post_booking_403_without_an_organisation(client, users, room, tuesday, persona):
    response = client.post(
        "/api/v1/bookings",
        body(room, tuesday),
        content_type="application/json",
        **auth(users[persona]),
    )
    assert response.status_code == 403
    assert not RoomBooking.objects.exists()


@pytest.mark.parametrize(
    "extra",
    [
        {"start_hour": 19, "end_hour": 21},  # outside opening hours
        {"past": True},
        {"expected_people": 31},
        {"expected_people": 0},
        {"start_hour": 12, "end_hour": 12},
        {"foreign_org": True},
        {"no_org": True},
        {"purpose": ""},
    ],
)
def test_post_booking_400(client, users, room, organization, other_organization, tuesday, extra):
    day = datetime.date.today() - datetime.timedelta(days=7) if extra.get("past") else tuesday
    data = body(room, day, organization=organization.slug)
    if "start_hour" in extra:
        data["start"] = at(day, extra["start_hour"]).isoformat()
        data["end"] = at(day, extra["end_hour"]).isoformat()
    if "expected_people" in extra:
        data["expected_people"] = extra["expected_people"]
    if "purpose" in extra:
        data["purpose"] = extra["purpose"]
    if extra.get("foreign_org"):
        data["organization"] = other_organization.slug
    if extra.get("no_org"):
        del data["organization"]
    response = client.post(
        "/api/v1/bookings", data, content_type="application/json", **auth(users["representative"])
    )
    assert response.status_code == 400, response.content
    assert response.json()["detail"]
    assert not RoomBooking.objects.exists()


def test_post_booking_409(client, users, room, organization, booking, tuesday):
    response = client.post(
        "/api/v1/bookings",
        body(room, tuesday, organization=organization.slug),
        content_type="application/json",
        **auth(users["representative"]),
    )
    assert response.status_code == 409
    assert response.json()["detail"] == (
        "Sala jest już zarezerwowana w tym czasie. Wybierz inny termin."
    )


def test_staff_may_book_without_organisation(client, users, room, tuesday):
    response = client.post(
        "/api/v1/bookings",
        body(room, tuesday),
        content_type="application/json",
        **auth(users["coordinator"]),
    )
    assert response.status_code == 201
    assert response.json()["organization"] is None


def test_my_bookings_lists_only_mine(
    client, users, booking, make_booking, tuesday, other_organization
):
    make_booking(
        tuesday, 14, 16, organization=other_organization, by=users["representative_other_org"]
    )
    mine = client.get("/api/v1/bookings", **auth(users["representative"])).json()
    assert [item["id"] for item in mine["items"]] == [booking.pk]
    assert client.get("/api/v1/bookings").status_code == 401
    coordinator = client.get("/api/v1/bookings", **auth(users["coordinator"])).json()
    assert coordinator["count"] == 0


def test_availability_query_count_flat(
    client, room, make_booking, tuesday, django_assert_max_num_queries, users
):
    url = f"/api/v1/rooms/{room.slug}/availability"
    for hour in range(8, 20):
        make_booking(tuesday, hour, hour + 1) if hour % 2 else None
    with django_assert_max_num_queries(5):
        assert len(client.get(url, {"date": tuesday.isoformat()}).json()["busy"]) == 6
    assert RoomBooking.objects.filter(status=BookingStatus.PENDING).count() == 6
