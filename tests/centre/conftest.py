"""Shared centre fixtures: a room open Monday–Saturday 8:00–20:00, equipment, and a consultant
available on Mondays 11:00–17:00 for both consulting services."""

import datetime

import pytest

from pomyslowice.centre.models import (
    AvailabilityRule,
    Consultant,
    ConsultingService,
    Equipment,
    OpeningHours,
    Room,
    Weekday,
)
from tests.conftest import create_user


def next_weekday(weekday: int, *, after: datetime.date | None = None) -> datetime.date:
    """The first date after `after` (default: today) falling on `weekday` (0 = Monday)."""
    day = (after or datetime.date.today()) + datetime.timedelta(days=1)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


@pytest.fixture
def room(db):
    room = Room.objects.create(
        name="Sala szkoleniowa",
        slug="sala-szkoleniowa",
        capacity=30,
        layouts=[Room.Layout.CLASSROOM, Room.Layout.THEATRE],
        built_in_equipment="Ekran, tablica suchościeralna",
        step_free_access=True,
    )
    for weekday in range(Weekday.MONDAY, Weekday.SUNDAY):
        OpeningHours.objects.create(
            room=room, weekday=weekday, opens=datetime.time(8), closes=datetime.time(20)
        )
    return room


@pytest.fixture
def other_room(db):
    room = Room.objects.create(name="Sala spotkań", slug="sala-spotkan", capacity=10)
    for weekday in range(Weekday.MONDAY, Weekday.SUNDAY):
        OpeningHours.objects.create(
            room=room, weekday=weekday, opens=datetime.time(8), closes=datetime.time(20)
        )
    return room


@pytest.fixture
def projector(db):
    return Equipment.objects.create(name="Projektor", slug="projektor", quantity=1)


@pytest.fixture
def laptops(db):
    return Equipment.objects.create(name="Laptop", slug="laptop", quantity=5)


@pytest.fixture
def consultant(db):
    user = create_user("doradca@example.org", first_name="Dorota", last_name="Doradczyni")
    consultant = Consultant.objects.create(user=user, display_name="Dorota Doradczyni")
    AvailabilityRule.objects.create(
        consultant=consultant,
        weekday=Weekday.MONDAY,
        starts_at=datetime.time(11),
        ends_at=datetime.time(17),
    )
    return consultant


@pytest.fixture
def first_contact(db, consultant):
    service = ConsultingService.objects.create(
        kind=ConsultingService.Kind.FIRST_CONTACT,
        name="Porada pierwszego kontaktu",
        slug="porada-pierwszego-kontaktu",
        duration_minutes=30,
    )
    service.consultants.add(consultant)
    return service


@pytest.fixture
def legal_advice(db, consultant):
    service = ConsultingService.objects.create(
        kind=ConsultingService.Kind.SPECIALIST,
        name="Doradztwo prawne",
        slug="doradztwo-prawne",
        duration_minutes=60,
    )
    service.consultants.add(consultant)
    return service
