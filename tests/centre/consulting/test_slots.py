"""Free slots: the weekly pattern, exceptions, holidays, DST and what is already booked."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.centre.calendar import public_holiday
from pomyslowice.centre.consulting_slots import free_slots
from pomyslowice.centre.models import (
    Appointment,
    AvailabilityException,
    AvailabilityRule,
    Consultant,
    Weekday,
)
from tests.centre.consulting.conftest import at
from tests.conftest import create_user

UTC = datetime.UTC
Kind = AvailabilityException.Kind


def starts(slots) -> list[str]:
    return [f"{slot.start.astimezone(UTC):%Y-%m-%d %H:%M}" for slot in slots]


def hours(slots) -> list[str]:
    return [f"{timezone.localtime(slot.start):%H:%M}" for slot in slots]


NOW = datetime.datetime(2026, 11, 20, 12, tzinfo=UTC)  # a Friday
MONDAY = datetime.date(2026, 11, 23)


def test_weekly_pattern_is_cut_into_service_length_slots(first_contact, legal_advice):
    assert len(free_slots(first_contact, MONDAY, MONDAY, now=NOW)) == 12
    slots = free_slots(legal_advice, MONDAY, MONDAY + datetime.timedelta(days=6), now=NOW)
    assert hours(slots) == ["11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]
    assert all(s.end - s.start == datetime.timedelta(hours=1) for s in slots)
    assert slots[0].start == datetime.datetime(2026, 11, 23, 10, tzinfo=UTC)  # CET = UTC+1


def test_slots_align_to_the_window_start_and_fit_inside_it(consultant, legal_advice):
    consultant.rules.update(starts_at=datetime.time(11, 15), ends_at=datetime.time(13, 45))
    assert hours(free_slots(legal_advice, MONDAY, MONDAY, now=NOW)) == ["11:15", "12:15"]


def test_rules_apply_only_within_their_validity(consultant, first_contact):
    consultant.rules.update(valid_from=MONDAY + datetime.timedelta(days=7))
    next_monday = MONDAY + datetime.timedelta(days=7)
    assert free_slots(first_contact, MONDAY, MONDAY, now=NOW) == []
    assert len(free_slots(first_contact, next_monday, next_monday, now=NOW)) == 12
    consultant.rules.update(valid_from=None, valid_until=MONDAY - datetime.timedelta(days=1))
    assert free_slots(first_contact, MONDAY, next_monday, now=NOW) == []


def test_whole_day_off_removes_the_day(consultant, first_contact):
    AvailabilityException.objects.create(consultant=consultant, date=MONDAY, kind=Kind.UNAVAILABLE)
    assert free_slots(first_contact, MONDAY, MONDAY, now=NOW) == []


def test_time_off_removes_only_that_time(consultant, legal_advice):
    AvailabilityException.objects.create(
        consultant=consultant,
        date=MONDAY,
        kind=Kind.UNAVAILABLE,
        starts_at=datetime.time(12, 30),
        ends_at=datetime.time(14),
    )
    # 11:00–12:30 fits one hour; 14:00–17:00 three.
    assert hours(free_slots(legal_advice, MONDAY, MONDAY, now=NOW)) == [
        "11:00",
        "14:00",
        "15:00",
        "16:00",
    ]


def test_extra_hours_add_slots_on_any_day(consultant, legal_advice):
    tuesday = MONDAY + datetime.timedelta(days=1)
    AvailabilityException.objects.create(
        consultant=consultant,
        date=tuesday,
        kind=Kind.EXTRA,
        starts_at=datetime.time(9),
        ends_at=datetime.time(11),
    )
    assert starts(free_slots(legal_advice, tuesday, tuesday, now=NOW)) == [
        "2026-11-24 08:00",
        "2026-11-24 09:00",
    ]


@pytest.mark.parametrize(
    ("holiday", "now"),
    [
        (datetime.date(2027, 3, 29), datetime.datetime(2027, 3, 1, tzinfo=UTC)),  # Easter Monday
        (datetime.date(2026, 11, 11), datetime.datetime(2026, 11, 1, tzinfo=UTC)),
        (datetime.date(2027, 1, 6), datetime.datetime(2026, 12, 1, tzinfo=UTC)),  # Epiphany
    ],
)
def test_public_holidays_are_closed_unless_extra_hours_are_set(
    consultant, legal_advice, holiday, now
):
    consultant.rules.update(weekday=holiday.weekday())
    assert public_holiday(holiday)
    assert free_slots(legal_advice, holiday, holiday, now=now) == []
    AvailabilityException.objects.create(
        consultant=consultant,
        date=holiday,
        kind=Kind.EXTRA,
        starts_at=datetime.time(11),
        ends_at=datetime.time(13),
    )
    assert hours(free_slots(legal_advice, holiday, holiday, now=now)) == ["11:00", "12:00"]


def test_the_mondays_around_the_spring_dst_change(consultant, legal_advice):
    now = datetime.datetime(2027, 3, 1, tzinfo=UTC)
    before, after = datetime.date(2027, 3, 22), datetime.date(2027, 3, 29)
    AvailabilityException.objects.create(  # Easter Monday: open by exception
        consultant=consultant,
        date=after,
        kind=Kind.EXTRA,
        starts_at=datetime.time(11),
        ends_at=datetime.time(17),
    )
    slots = free_slots(legal_advice, before, after, now=now)
    assert starts(slots)[0] == "2027-03-22 10:00"  # CET
    assert starts(slots)[6] == "2027-03-29 09:00"  # CEST
    assert len(slots) == 12
    assert hours(slots) == ["11:00", "12:00", "13:00", "14:00", "15:00", "16:00"] * 2


def test_the_mondays_around_the_autumn_dst_change(consultant, legal_advice):
    now = datetime.datetime(2026, 10, 1, tzinfo=UTC)
    slots = free_slots(
        legal_advice, datetime.date(2026, 10, 19), datetime.date(2026, 10, 26), now=now
    )
    assert [starts(slots)[0], starts(slots)[6]] == ["2026-10-19 09:00", "2026-10-26 10:00"]
    assert hours(slots) == ["11:00", "12:00", "13:00", "14:00", "15:00", "16:00"] * 2


@pytest.mark.parametrize(
    ("sunday", "expected"),
    [
        (datetime.date(2026, 3, 29), ["01:00", "01:30", "03:00", "03:30"]),
        (datetime.date(2026, 10, 25), ["01:00", "01:30", "02:00", "03:00", "03:30"]),
    ],
)
def test_the_dst_night_itself_never_gives_a_bent_slot(consultant, first_contact, sunday, expected):
    AvailabilityRule.objects.create(
        consultant=consultant,
        weekday=Weekday.SUNDAY,
        starts_at=datetime.time(1),
        ends_at=datetime.time(4),
    )
    now = datetime.datetime(sunday.year, sunday.month, 1, tzinfo=UTC)
    slots = free_slots(first_contact, sunday, sunday, now=now)
    assert hours(slots) == expected
    assert all(s.end - s.start == datetime.timedelta(minutes=30) for s in slots)


def test_booked_time_of_any_service_is_taken(consultant, first_contact, legal_advice):
    Appointment.objects.create(
        service=first_contact,
        consultant=consultant,
        start=at(MONDAY, 12),
        end=at(MONDAY, 12, 30),
        name="A",
        email="a@example.org",
        question="?",
    )
    assert hours(free_slots(legal_advice, MONDAY, MONDAY, now=NOW)) == [
        "11:00",
        "13:00",
        "14:00",
        "15:00",
        "16:00",
    ]
    assert "12:00" not in hours(free_slots(first_contact, MONDAY, MONDAY, now=NOW))
    assert "12:30" in hours(free_slots(first_contact, MONDAY, MONDAY, now=NOW))


def test_cancelled_and_expired_unconfirmed_appointments_do_not_hold(consultant, first_contact):
    common = {"service": first_contact, "consultant": consultant, "name": "A", "email": "a@e.org"}
    Appointment.objects.create(
        **common, start=at(MONDAY, 11), end=at(MONDAY, 11, 30), status="cancelled", question="?"
    )
    stale = Appointment.objects.create(
        **common, start=at(MONDAY, 12), end=at(MONDAY, 12, 30), status="unconfirmed", question="?"
    )
    fresh = Appointment.objects.create(
        **common, start=at(MONDAY, 13), end=at(MONDAY, 13, 30), status="unconfirmed", question="?"
    )
    Appointment.objects.filter(pk=stale.pk).update(created_at=NOW - datetime.timedelta(hours=3))
    Appointment.objects.filter(pk=fresh.pk).update(created_at=NOW - datetime.timedelta(hours=1))
    free = hours(free_slots(first_contact, MONDAY, MONDAY, now=NOW))
    assert "11:00" in free and "12:00" in free and "13:00" not in free


def test_minimum_notice_and_maximum_days_ahead(first_contact, settings):
    now = at(MONDAY, 10, 30)
    assert hours(free_slots(first_contact, MONDAY, MONDAY, now=now))[0] == "12:30"
    settings.CONSULTING_MAX_DAYS_AHEAD = 6
    assert (
        free_slots(
            first_contact,
            MONDAY + datetime.timedelta(days=7),
            MONDAY + datetime.timedelta(days=7),
            now=now,
        )
        == []
    )


def test_inactive_consultants_offer_nothing(consultant, first_contact):
    Consultant.objects.filter(pk=consultant.pk).update(is_active=False)
    assert free_slots(first_contact, MONDAY, MONDAY, now=NOW) == []


def test_several_consultants_are_merged_in_time_order(consultant, legal_advice):
    other = Consultant.objects.create(
        user=create_user("prawnik@example.org"), display_name="Adam Adwokat"
    )
    AvailabilityRule.objects.create(
        consultant=other,
        weekday=Weekday.MONDAY,
        starts_at=datetime.time(15),
        ends_at=datetime.time(18),
    )
    legal_advice.consultants.add(other)
    slots = free_slots(legal_advice, MONDAY, MONDAY, now=NOW)
    assert [(hours([s])[0], s.consultant.display_name[0]) for s in slots][-5:] == [
        ("15:00", "A"),
        ("15:00", "D"),
        ("16:00", "A"),
        ("16:00", "D"),
        ("17:00", "A"),
    ]
    assert len(free_slots(legal_advice, MONDAY, MONDAY, consultant=other, now=NOW)) == 3


def test_query_count_is_flat_in_range_and_bookings(
    consultant, first_contact, django_assert_max_num_queries
):
    for week in range(6):
        day = MONDAY + datetime.timedelta(days=7 * week)
        AvailabilityException.objects.create(
            consultant=consultant,
            date=day,
            kind=Kind.UNAVAILABLE,
            starts_at=datetime.time(16),
            ends_at=datetime.time(17),
        )
        Appointment.objects.create(
            service=first_contact,
            consultant=consultant,
            start=at(day, 11),
            end=at(day, 11, 30),
            name="A",
            email="a@e.org",
            question="?",
        )
    with django_assert_max_num_queries(4):
        slots = free_slots(first_contact, MONDAY, MONDAY + datetime.timedelta(days=40), now=NOW)
    assert len(slots) == 6 * 9
