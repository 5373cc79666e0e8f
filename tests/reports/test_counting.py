"""The funder's counting rules on a hand-made dataset with known answers (see conftest.py)."""

import datetime

import pytest
from django.utils import timezone, translation

from pomyslowice.centre import room_services
from pomyslowice.centre.models import OpeningHours, Room, Weekday
from pomyslowice.events import registration_services
from pomyslowice.events.models import Event
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.reports import indicators
from pomyslowice.reports.indicators import Figures, PeriodError
from tests.conftest import create_user
from tests.events.conftest import make_event
from tests.reports.conftest import make_project

Kind = SupportRecord.Kind


def as_tuples(rows) -> list[tuple]:
    return [(row.key, row.persons, row.organizations, row.services) for row in rows]


def test_whole_period_counts_each_person_and_organisation_once(project, dataset):
    records = indicators.counted_records(project)
    # Anna (account + guest e-mail), Bartek (two organisations), Celina; A, B, C, D.
    assert indicators.figures(records) == Figures(persons=3, organizations=4, services=7)


def test_by_kind(project, dataset):
    rows = indicators.by_kind(indicators.counted_records(project))
    assert as_tuples(rows) == [
        (Kind.TRAINING, 1, 1, 2),
        (Kind.CONSULTATION, 2, 1, 2),
        (Kind.ROOM, 1, 1, 1),
        (Kind.CARETAKER_CONTACT, 1, 2, 2),
    ]


def test_by_month(project, dataset):
    rows = indicators.by_month(indicators.counted_records(project))
    assert [(row.label, row.persons, row.organizations, row.services) for row in rows] == [
        ("2025-02", 2, 1, 2),
        ("2025-03", 1, 1, 2),
        ("2025-04", 2, 3, 3),
    ]


def test_by_area_counts_an_organisation_in_each_of_its_areas(project, dataset):
    community, culture = dataset["areas"]
    with translation.override("en"):
        rows = indicators.by_area(indicators.counted_records(project))
    by_pk = sorted([(community.pk, 2, 2, 4), (culture.pk, 1, 2, 2)], key=lambda row: row[0])
    assert as_tuples(rows) == [*by_pk, (None, 2, 1, 2)]
    assert rows[-1].label == "no area given"


def test_by_district(project, dataset, district, brzezinka):
    rows = indicators.by_district(indicators.counted_records(project))
    assert as_tuples(rows) == [
        (brzezinka.pk, 1, 1, 1),
        (district.pk, 2, 2, 4),
        (None, 2, 1, 2),
    ]
    assert [row.label for row in rows[:2]] == ["Brzezinka", "Piasek"]


def test_a_narrower_period(project, dataset):
    records = indicators.counted_records(
        project, datetime.date(2025, 4, 1), datetime.date(2025, 4, 30)
    )
    assert indicators.figures(records) == Figures(persons=2, organizations=3, services=3)


def test_an_unbounded_side_is_the_projects_own(project, dataset):
    records = indicators.counted_records(project, None, datetime.date(2025, 2, 28))
    assert indicators.figures(records) == Figures(persons=2, organizations=1, services=2)


def test_only_the_kinds_the_project_counts(dataset):
    project = make_project(slug="tylko-pokoje", counted_kinds=[Kind.ROOM, Kind.MAIL])
    records = indicators.counted_records(project)
    # Bartek's room for B, Dawid's mail for E.
    assert indicators.figures(records) == Figures(persons=2, organizations=2, services=2)


@pytest.mark.parametrize(
    "start, end",
    [
        (datetime.date(2025, 5, 1), datetime.date(2025, 4, 1)),
        (datetime.date(2026, 2, 1), None),
        (None, datetime.date(2024, 6, 1)),
    ],
)
def test_empty_periods_are_refused(project, start, end):
    with pytest.raises(PeriodError):
        indicators.period_of(project, start, end)


def test_progress_against_the_targets(project, dataset):
    totals = indicators.figures(indicators.counted_records(project))
    persons, organizations = indicators.progress_of(project, totals)
    assert (persons.done, persons.target, persons.percent) == (3, 40, 7)
    assert (organizations.done, organizations.target, organizations.percent) == (4, 16, 25)


# --- cancellations and no-shows through the real services --------------------------------------


@pytest.fixture
def current_project(db):
    today = timezone.localdate()
    return make_project(
        slug="biezacy",
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=200),
    )


@pytest.fixture
def room(db):
    room = Room.objects.create(name="Sala szkoleniowa", slug="sala-szkoleniowa", capacity=30)
    for weekday in range(Weekday.MONDAY, Weekday.SUNDAY):
        OpeningHours.objects.create(
            room=room, weekday=weekday, opens=datetime.time(8), closes=datetime.time(20)
        )
    return room


def next_tuesday_at(hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=8)
    day += datetime.timedelta(days=(1 - day.weekday()) % 7)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_attendance_undone_and_cancelled_registrations_do_not_count(
    current_project, users, organization
):
    training = make_event(
        "Szkolenie z RODO",
        category=Event.Category.TRAINING,
        registration_enabled=True,
        capacity=10,
        organizer=organization,
    )
    coordinator = users["coordinator"]
    anna = create_user("anna@example.org", first_name="Anna")
    present = registration_services.register(event=training, name="Anna", email="", user=anna)
    no_show = registration_services.register(event=training, name="Gość", email="gosc@example.org")
    registration_services.confirm_guest_registration(registration=no_show)
    cancelled = registration_services.register(
        event=training, name="Resident", email="", user=users["resident"]
    )

    registration_services.mark_attendance(registration=present, attended=True, by=coordinator)
    registration_services.mark_attendance(registration=no_show, attended=True, by=coordinator)
    registration_services.mark_attendance(registration=no_show, attended=False, by=coordinator)
    registration_services.cancel_registration(registration=cancelled, by=users["resident"])

    records = indicators.counted_records(current_project)
    assert indicators.figures(records) == Figures(persons=1, organizations=0, services=1)


def test_an_approved_then_cancelled_booking_does_not_count(
    current_project, users, organization, other_organization, room
):
    start = next_tuesday_at(10)
    kept = room_services.request_booking(
        room=room,
        start=start,
        end=start + datetime.timedelta(hours=2),
        purpose="Zebranie zarządu",
        expected_people=8,
        requested_by=users["representative"],
        organization=organization,
    )
    dropped = room_services.request_booking(
        room=room,
        start=start + datetime.timedelta(hours=3),
        end=start + datetime.timedelta(hours=5),
        purpose="Próba chóru",
        expected_people=12,
        requested_by=users["representative_other_org"],
        organization=other_organization,
    )
    coordinator = users["coordinator"]
    room_services.approve_booking(booking=kept, by=coordinator)
    room_services.approve_booking(booking=dropped, by=coordinator)
    assert indicators.figures(indicators.counted_records(current_project)).organizations == 2

    room_services.cancel_booking(booking=dropped, by=coordinator, reason="Awaria ogrzewania")

    records = indicators.counted_records(current_project)
    assert indicators.figures(records) == Figures(persons=1, organizations=1, services=1)
    assert as_tuples(indicators.by_kind(records)) == [(Kind.ROOM, 1, 1, 1)]
