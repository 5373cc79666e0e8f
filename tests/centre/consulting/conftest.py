"""Consulting fixtures: a Monday the `consultant` works (never a public holiday) and bookings."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.centre import consulting_services as services
from pomyslowice.centre.calendar import local_datetime, public_holiday
from pomyslowice.centre.models import Appointment, Weekday
from tests.centre.conftest import next_weekday


def working_monday(after: datetime.date | None = None) -> datetime.date:
    day = next_weekday(Weekday.MONDAY, after=after)
    while public_holiday(day):
        day = next_weekday(Weekday.MONDAY, after=day)
    return day


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return local_datetime(day, datetime.time(hour, minute))


@pytest.fixture
def monday(db):
    return working_monday()


def book(service, consultant, start, *, user=None, **fields) -> Appointment:
    arguments = {
        "name": "Gość Testowy",
        "email": "gosc@example.org",
        "question": "Jak założyć stowarzyszenie?",
        "organization_name": "Stowarzyszenie Przykładowe" if service.organization_required else "",
        **fields,
    }
    return services.book_appointment(
        service=service, consultant=consultant, start=start, user=user, **arguments
    )


def make_past(appointment: Appointment, *, days: int = 1) -> Appointment:
    """Move an appointment into the past (bypassing the booking rules, as time passing would)."""
    shift = appointment.start - timezone.now() + datetime.timedelta(days=days)
    Appointment.objects.filter(pk=appointment.pk).update(
        start=appointment.start - shift, end=appointment.end - shift
    )
    appointment.refresh_from_db()
    return appointment
