"""The centre's front page and the centre's parts of a person's own page (/moje/)."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.centre.models import (
    Appointment,
    EquipmentReservation,
    MailItem,
    RoomBooking,
    StrategyPlan,
)
from tests.centre.conftest import next_weekday
from tests.conftest import PERSONAS

# Which staff links each persona sees on /osrodek/ (by the words of the link).
STAFF_LINKS = {
    "Organisations in our care": {"coordinator", "analyst", "ngo_caretaker", "volunteer_caretaker"},
    "Room requests to decide": {"coordinator", "ngo_caretaker"},
    "Equipment desk": {"coordinator", "ngo_caretaker"},
    "Consulting appointments": {"coordinator"},
    "Mail register": {"coordinator", "ngo_caretaker"},
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_centre_index_shows_services_and_each_persona_its_work(
    client_for, persona, room, projector, first_contact, django_assert_max_num_queries
):
    client = client_for(persona)
    with django_assert_max_num_queries(10):
        response = client.get("/en/osrodek/")

    assert response.status_code == 200
    text = response.text
    assert room.name in text and projector.name in text and first_contact.name in text
    for link, personas in STAFF_LINKS.items():
        assert (link in text) == (persona in personas), link


def test_consultant_sees_the_way_to_their_appointments(client, consultant):
    client.force_login(consultant.user)
    assert "Consulting appointments" in client.get("/en/osrodek/").text


def test_centre_is_in_the_main_menu(client, db):
    assert 'href="/en/osrodek/"' in client.get("/en/").text


def tomorrow_at(hour: int) -> datetime.datetime:
    day = next_weekday(1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def centre_activity(users, organization, other_organization, room, laptops, first_contact):
    """One of everything for `organization` (the representative's) and for the other one."""
    for org, who in (
        (organization, "representative"),
        (other_organization, "representative_other_org"),
    ):
        user = users[who]
        RoomBooking.objects.create(
            room=room,
            start=tomorrow_at(10 if org == organization else 14),
            end=tomorrow_at(12 if org == organization else 16),
            organization=org,
            requested_by=user,
            contact_name=user.get_full_name(),
            contact_email=user.email,
            purpose=f"Zebranie {org.name}",
            expected_people=10,
        )
        EquipmentReservation.objects.create(
            equipment=laptops,
            quantity=2,
            start=tomorrow_at(10),
            end=tomorrow_at(12),
            organization=org,
            requested_by=user,
            contact_name=user.get_full_name(),
            contact_email=user.email,
            purpose=f"Warsztat {org.name}",
        )
        MailItem.objects.create(organization=org, sender=f"Nadawca dla {org.name}")
        StrategyPlan.objects.create(organization=org, goals="Cele")
        Appointment.objects.create(
            service=first_contact,
            consultant=first_contact.consultants.get(),
            start=tomorrow_at(11 if org == organization else 15),
            end=tomorrow_at(11 if org == organization else 15) + datetime.timedelta(minutes=30),
            user=user,
            name=user.get_full_name(),
            email=user.email,
            organization=org,
            question="Jak założyć stowarzyszenie?",
        )


def test_my_page_shows_my_organisations_centre_services_only(client_for, centre_activity):
    text = client_for("representative").get("/en/moje/").text

    assert "Zebranie Stowarzyszenie Przyjaciół Piasku" in text
    assert "Nadawca dla Stowarzyszenie Przyjaciół Piasku" in text
    assert "Strategy plan of Stowarzyszenie Przyjaciół Piasku" in text
    assert "Porada pierwszego kontaktu" in text
    assert "Fundacja Ławki Razem" not in text


def test_my_page_of_a_resident_offers_no_empty_centre_tables(client_for, centre_activity):
    text = client_for("resident").get("/en/moje/").text

    assert "Rooms at the centre" not in text
    assert "Mail" not in text
    assert "Strategy plans" not in text
    assert "No upcoming consultations." in text


def test_my_page_query_count_does_not_grow_with_activity(
    client_for, centre_activity, users, organization, room, django_assert_max_num_queries
):
    client = client_for("representative")
    with django_assert_max_num_queries(30) as small:
        client.get("/en/moje/")
    for hour in range(8, 18):
        RoomBooking.objects.create(
            room=room,
            start=tomorrow_at(hour) + datetime.timedelta(days=7),
            end=tomorrow_at(hour) + datetime.timedelta(days=7, minutes=50),
            organization=organization,
            requested_by=users["representative"],
            contact_name="Piotr",
            contact_email="przedstawiciel@example.org",
            purpose="Dyżur",
            expected_people=3,
        )
        MailItem.objects.create(organization=organization, sender=f"Urząd {hour}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/moje/")
    assert response.text.count("Dyżur") == 10
