import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from pomyslowice.centre.models import BookingStatus, RoomBooking
from tests.centre.rooms.conftest import at
from tests.conftest import PERSONAS


def en(name, *args, **kwargs):
    with translation.override("en"):
        return reverse(name, *args, **kwargs)


DECIDERS = {"coordinator", "ngo_caretaker"}
REQUESTERS = {"representative", "representative_other_org", "coordinator", "ngo_caretaker"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_room_list_and_detail_are_public(client_for, persona, room, booking, tuesday):
    client = client_for(persona)
    assert client.get(reverse("centre:room-list")).status_code == 200
    detail = client.get(room.get_absolute_url(), {"tydzien": tuesday.isoformat()})
    assert detail.status_code == 200
    day = client.get(room.get_absolute_url(), {"dzien": tuesday.isoformat()})
    assert day.status_code == 200
    for response in (detail, day):
        body = response.content.decode()
        assert "10:00" in body
        assert booking.purpose not in body
        assert booking.contact_email not in body
        assert "Reprezentant" not in body


def test_bad_date_is_400_not_500(client, room):
    response = client.get(room.get_absolute_url(), {"dzien": "2026-02-31"})
    assert response.status_code == 400


def test_free_rooms_search(client, room, other_room, booking, tuesday):
    response = client.get(
        en("centre:room-list"),
        {"date": tuesday.isoformat(), "starts_at": "11:00", "ends_at": "12:00", "people": "5"},
    )
    assert response.status_code == 200
    assert list(response.context["free"]) == [other_room]
    bad = client.get(reverse("centre:room-list"), {"date": "x", "people": "0"})
    assert bad.status_code == 400


@pytest.mark.parametrize("persona", PERSONAS)
def test_request_page_by_persona(client_for, persona, room):
    response = client_for(persona).get(en("centre:booking-request", args=[room.slug]))
    if persona == "anonymous":
        assert response.status_code == 302 and "login" in response.url
    elif persona in REQUESTERS:
        assert response.status_code == 200
        assert "form" in response.context
    else:
        assert response.status_code == 200
        assert "does not represent any organisation" in response.content.decode()
        assert "form" not in response.context


def _post_request(client, room, day, **extra):
    data = {
        "date": day.isoformat(),
        "starts_at": "10:00",
        "ends_at": "12:00",
        "weeks": "1",
        "purpose": "Warsztaty",
        "expected_people": "12",
        "contact_name": "Piotr",
        "contact_email": "przedstawiciel@example.org",
        **extra,
    }
    return client.post(en("centre:booking-request", args=[room.slug]), data)


def test_representative_requests_for_own_organisation_only(
    client_for, room, tuesday, organization, other_organization
):
    client = client_for("representative")
    forged = _post_request(client, room, tuesday, organization=other_organization.pk)
    assert forged.status_code == 200 and forged.context["form"].errors["organization"]
    assert not RoomBooking.objects.exists()
    response = _post_request(client, room, tuesday, organization=organization.pk, approve="on")
    booking = RoomBooking.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/{booking.pk}/")
    assert booking.status == BookingStatus.PENDING  # representatives cannot approve
    assert booking.organization == organization


def test_conflicting_and_invalid_requests_show_errors(
    client_for, room, tuesday, organization, booking
):
    client = client_for("representative")
    conflict = _post_request(client, room, tuesday, organization=organization.pk)
    assert "already booked" in str(conflict.context["form"].non_field_errors())
    closed = _post_request(
        client, room, tuesday, organization=organization.pk, starts_at="19:00", ends_at="21:00"
    )
    assert "open from" in str(closed.context["form"].non_field_errors())
    crowded = _post_request(
        client,
        room,
        tuesday,
        organization=organization.pk,
        starts_at="14:00",
        ends_at="15:00",
        expected_people="99",
    )
    assert crowded.context["form"].errors
    assert RoomBooking.objects.count() == 1


def test_staff_books_on_behalf_and_approves_at_once(client_for, room, tuesday, other_organization):
    response = _post_request(
        client_for("coordinator"), room, tuesday, organization=other_organization.pk, approve="on"
    )
    assert response.status_code == 302
    assert RoomBooking.objects.get().status == BookingStatus.APPROVED
    _post_request(client_for("ngo_caretaker"), room, tuesday, starts_at="13:00", ends_at="14:00")
    assert RoomBooking.objects.get(organization=None).status == BookingStatus.PENDING


def test_repeating_request_lists_skipped_dates(
    client_for, room, tuesday, organization, make_booking
):
    make_booking(tuesday + datetime.timedelta(weeks=1))
    client = client_for("representative")
    response = _post_request(client, room, tuesday, organization=organization.pk, weeks="3")
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200
    assert len(page.context["bookings"]) == 2
    assert (tuesday + datetime.timedelta(weeks=1)).isoformat() in page.content.decode()
    assert client_for("representative_other_org").get(response.url).status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_booking_detail_visibility(client_for, persona, booking):
    response = client_for(persona).get(reverse("centre:booking-detail", args=[booking.pk]))
    expected = (
        302 if persona == "anonymous" else 200 if persona in DECIDERS | {"representative"} else 404
    )
    assert response.status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_my_bookings_never_shows_other_organisations(
    client_for, persona, booking, make_booking, tuesday, users, other_organization
):
    make_booking(
        tuesday, 14, 16, organization=other_organization, by=users["representative_other_org"]
    )
    response = client_for(persona).get(reverse("centre:booking-mine"))
    if persona == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    organizations = {b.organization.slug for b in response.context["upcoming"]}
    expected = {
        "representative": {booking.organization.slug},
        "representative_other_org": {other_organization.slug},
    }
    assert organizations == expected.get(persona, set())


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_pages(client_for, persona, booking):
    for name in ("centre:booking-queue", "centre:booking-all"):
        response = client_for(persona).get(reverse(name))
        expected = 302 if persona == "anonymous" else 200 if persona in DECIDERS else 403
        assert response.status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_approve_and_reject_by_persona(client_for, persona, booking):
    client = client_for(persona)
    reject = client.post(reverse("centre:booking-reject", args=[booking.pk]), {"reason": "Nie"})
    approve = client.post(reverse("centre:booking-approve", args=[booking.pk]))
    booking.refresh_from_db()
    if persona == "anonymous":
        assert reject.status_code == approve.status_code == 302
        assert booking.status == BookingStatus.PENDING
    elif persona in DECIDERS:
        assert booking.status == BookingStatus.REJECTED  # the later approval is refused
    elif persona == "representative":
        assert reject.status_code == approve.status_code == 403
    else:
        assert reject.status_code == approve.status_code == 404
    if persona not in DECIDERS:
        assert booking.status == BookingStatus.PENDING


def test_reject_without_reason_is_400(client_for, booking):
    response = client_for("coordinator").post(
        reverse("centre:booking-reject", args=[booking.pk]), {"reason": " "}
    )
    assert response.status_code == 400
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_queue_decisions_return_to_queue(client_for, booking):
    response = client_for("coordinator").post(
        reverse("centre:booking-approve", args=[booking.pk]), {"next": "queue"}
    )
    assert response.url == reverse("centre:booking-queue")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED


@pytest.mark.parametrize("persona", PERSONAS)
def test_cancel_by_persona(client_for, persona, booking):
    response = client_for(persona).post(reverse("centre:booking-cancel", args=[booking.pk]))
    booking.refresh_from_db()
    cancelled = persona in DECIDERS | {"representative"}
    assert (booking.status == BookingStatus.CANCELLED) == cancelled
    if not cancelled and persona != "anonymous":
        assert response.status_code == 404


def test_get_is_not_allowed_for_changes(client_for, booking):
    client = client_for("coordinator")
    for name in ("centre:booking-cancel", "centre:booking-approve", "centre:booking-reject"):
        assert client.get(reverse(name, args=[booking.pk])).status_code == 405


def test_query_counts_flat(
    client_for, room, make_booking, django_assert_max_num_queries, organization, users
):
    day = datetime.date.today() + datetime.timedelta(days=3)

    def fill(count):
        RoomBooking.objects.bulk_create(
            RoomBooking(
                room=room,
                start=at(day + datetime.timedelta(days=i // 10), 8)
                + datetime.timedelta(minutes=60 * (i % 10)),
                end=at(day + datetime.timedelta(days=i // 10), 8)
                + datetime.timedelta(minutes=60 * (i % 10) + 50),
                organization=organization,
                requested_by=users["representative"],
                contact_name="P",
                contact_email="p@example.org",
                purpose="x",
                expected_people=3,
            )
            for i in range(RoomBooking.objects.count(), count)
        )

    pages = [
        ("coordinator", reverse("centre:booking-queue"), 12),
        ("coordinator", reverse("centre:booking-all"), 12),
        ("representative", reverse("centre:booking-mine"), 12),
        ("anonymous", room.get_absolute_url() + f"?tydzien={day.isoformat()}", 8),
        ("anonymous", reverse("centre:room-list"), 8),
    ]
    for count in (5, 50):
        fill(count)
        for persona, url, limit in pages:
            client = client_for(persona)
            with django_assert_max_num_queries(limit):
                assert client.get(url).status_code == 200


def test_week_view_does_not_offer_days_gone_by(client, room):
    last_week = timezone.localdate() - datetime.timedelta(weeks=1)

    text = client.get(f"/en/osrodek/sale/{room.slug}/", {"tydzien": last_week.isoformat()}).text

    assert text.count("this day has passed") == 7
    assert "all free" not in text
