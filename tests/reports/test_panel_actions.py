"""Inline actions of the staff panel, with and without htmx: approving a room request, lending
out equipment and approving a volunteer's hours. Every persona's access, repeated and racing
actions, unknown ids: a translated message or the right status code, never a 500."""

import datetime

import pytest
from django.contrib.messages import constants, get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from pomyslowice.centre.models import EquipmentReservation, RoomBooking
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.volunteering.models import HoursEntry
from tests.conftest import PERSONAS
from tests.reports.test_panel import (
    make_booking,
    make_hours,
    make_projector,
    make_reservation,
    make_room,
    make_volunteer_offer,
)
from tests.volunteering.engagement_helpers import make_engagement

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def room(db):
    return make_room()


@pytest.fixture
def projector(db):
    return make_projector()


def url(name: str, pk: int) -> str:
    with translation.override("en"):
        return reverse(name, args=[pk])


def flashed(response) -> list[tuple[int, str]]:
    """Messages waiting to be shown (the redirect was not followed, so earlier ones remain)."""
    return [(message.level, message.message) for message in get_messages(response.wsgi_request)]


def expected_code(persona: str, allowed: set[str]) -> int:
    if persona == "anonymous":
        return 302
    if persona in allowed:
        return 302
    return 403


# --- room requests -----------------------------------------------------------------------------

DECIDERS = {"coordinator", "ngo_caretaker"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_booking_approval_by_every_persona(client_for, room, persona):
    booking = make_booking(room)
    response = client_for(persona).post(url("reports:panel-booking-approve", booking.pk))
    assert response.status_code == expected_code(persona, DECIDERS)
    booking.refresh_from_db()
    if persona in DECIDERS:
        assert response["Location"] == "/en/panel/"
        assert booking.status == RoomBooking.Status.APPROVED
    else:
        assert booking.status == RoomBooking.Status.PENDING
    if persona == "anonymous":
        assert "/konto/login/" in response["Location"]


def test_booking_approval_without_javascript(
    client_for, users, room, django_capture_on_commit_callbacks
):
    booking = make_booking(room)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(url("reports:panel-booking-approve", booking.pk))
    assert response.status_code == 302
    assert flashed(response) == [
        (constants.SUCCESS, "The booking is approved; the requester has been told.")
    ]
    booking.refresh_from_db()
    assert booking.decided_by == users["coordinator"]
    assert AuditLogEntry.objects.filter(verb="centre.roombooking.approved").count() == 1
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]


def test_booking_approval_with_htmx_swaps_the_row(client_for, room):
    booking = make_booking(room)
    response = client_for("coordinator").post(
        url("reports:panel-booking-approve", booking.pk), **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<tr id="booking-{booking.pk}">')
    assert "message-success" in html
    assert "The booking is approved" in html
    booking.refresh_from_db()
    assert booking.status == RoomBooking.Status.APPROVED


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_approving_twice_is_a_message_not_an_error(client_for, room, headers):
    booking = make_booking(room)
    client = client_for("coordinator")
    client.post(url("reports:panel-booking-approve", booking.pk), **headers)
    response = client.post(url("reports:panel-booking-approve", booking.pk), **headers)
    if headers:
        assert response.status_code == 200
        assert "message-error" in response.content.decode()
        assert "already been decided" in response.content.decode()
    else:
        assert response.status_code == 302
        level, text = flashed(response)[-1]
        assert level == constants.ERROR
        assert "already been decided" in text
    assert AuditLogEntry.objects.filter(verb="centre.roombooking.approved").count() == 1


def test_a_past_request_cannot_be_approved(client_for, room):
    booking = make_booking(room, days=-2)
    response = client_for("coordinator").post(
        url("reports:panel-booking-approve", booking.pk), **HTMX
    )
    assert response.status_code == 200
    assert "has passed" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == RoomBooking.Status.PENDING


def test_unknown_booking_is_404_and_get_is_405(client_for, room):
    client = client_for("coordinator")
    assert client.post(url("reports:panel-booking-approve", 999999)).status_code == 404
    booking = make_booking(room)
    assert client.get(url("reports:panel-booking-approve", booking.pk)).status_code == 405


# --- equipment ---------------------------------------------------------------------------------

LENDERS = {"coordinator", "ngo_caretaker"}


def reservation_for_today(equipment):
    now = timezone.now()
    return make_reservation(
        equipment, start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(days=1)
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_lending_out_by_every_persona(client_for, projector, persona):
    reservation = reservation_for_today(projector)
    response = client_for(persona).post(url("reports:panel-equipment-check-out", reservation.pk))
    assert response.status_code == expected_code(persona, LENDERS)
    reservation.refresh_from_db()
    expected = (
        EquipmentReservation.Status.CHECKED_OUT
        if persona in LENDERS
        else EquipmentReservation.Status.RESERVED
    )
    assert reservation.status == expected


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_lending_out_records_support_once(client_for, projector, headers):
    reservation = reservation_for_today(projector)
    client = client_for("ngo_caretaker")
    first = client.post(url("reports:panel-equipment-check-out", reservation.pk), **headers)
    second = client.post(url("reports:panel-equipment-check-out", reservation.pk), **headers)
    if headers:
        assert f'<tr id="reservation-{reservation.pk}">' in first.content.decode()
        assert "message-success" in first.content.decode()
        assert "Only reserved equipment can be lent out." in second.content.decode()
    else:
        assert flashed(first)[0][0] == constants.SUCCESS
        assert flashed(second)[-1] == (constants.ERROR, "Only reserved equipment can be lent out.")
    assert SupportRecord.objects.filter(kind=SupportRecord.Kind.EQUIPMENT).count() == 1


def test_equipment_cannot_be_lent_out_before_its_day(client_for, projector):
    now = timezone.now()
    reservation = make_reservation(
        projector, start=now + datetime.timedelta(days=3), end=now + datetime.timedelta(days=4)
    )
    response = client_for("coordinator").post(
        url("reports:panel-equipment-check-out", reservation.pk), **HTMX
    )
    assert response.status_code == 200
    assert "message-error" in response.content.decode()
    reservation.refresh_from_db()
    assert reservation.status == EquipmentReservation.Status.RESERVED


# --- hours -------------------------------------------------------------------------------------

REVIEWERS = {"coordinator", "volunteer_caretaker"}


@pytest.fixture
def entry(users, organization):
    return make_hours(make_engagement(make_volunteer_offer(organization), users["volunteer"]))


@pytest.mark.parametrize("persona", PERSONAS)
def test_hours_approval_by_every_persona(client_for, entry, persona):
    response = client_for(persona).post(url("reports:panel-hours-approve", entry.pk))
    assert response.status_code == expected_code(persona, REVIEWERS)
    entry.refresh_from_db()
    expected = HoursEntry.Status.APPROVED if persona in REVIEWERS else HoursEntry.Status.SUBMITTED
    assert entry.status == expected


def test_hours_approval_with_htmx(client_for, users, entry):
    response = client_for("volunteer_caretaker").post(
        url("reports:panel-hours-approve", entry.pk), **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<tr id="hours-{entry.pk}">')
    assert "The hours have been approved." in html
    entry.refresh_from_db()
    assert entry.status == HoursEntry.Status.APPROVED
    assert entry.reviewed_by == users["volunteer_caretaker"]


def test_hours_approved_twice_say_so(client_for, entry):
    client = client_for("volunteer_caretaker")
    client.post(url("reports:panel-hours-approve", entry.pk))
    response = client.post(url("reports:panel-hours-approve", entry.pk))
    assert response.status_code == 302
    assert flashed(response)[-1] == (
        constants.ERROR,
        "Only hours awaiting approval can be approved or queried.",
    )
    assert AuditLogEntry.objects.filter(verb="volunteering.hours.approved").count() == 1


def test_unknown_hours_entry_is_404(client_for):
    response = client_for("volunteer_caretaker").post(url("reports:panel-hours-approve", 999999))
    assert response.status_code == 404


def test_panel_after_an_action_shows_the_message(client_for, room):
    booking = make_booking(room)
    response = client_for("coordinator").post(
        url("reports:panel-booking-approve", booking.pk), follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The booking is approved; the requester has been told." in html
    assert reverse("reports:panel-booking-approve", args=[booking.pk]) not in html
