import datetime

import pytest

from pomyslowice.centre import room_services as services
from pomyslowice.centre.calendar import local_datetime
from tests.centre.conftest import next_weekday


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return local_datetime(day, datetime.time(hour, minute))


@pytest.fixture
def tuesday():
    return next_weekday(1, after=datetime.date.today() + datetime.timedelta(days=7))


@pytest.fixture
def mailing(django_capture_on_commit_callbacks):
    """`with mailing():` sends the e-mails queued for after the commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def make_booking(room, users, organization, mailing):
    def make(day, start_hour=10, end_hour=12, *, target=None, approve=False, by=None, **extra):
        extra.setdefault("organization", organization)
        extra.setdefault("purpose", "Spotkanie zarządu")
        with mailing():
            return services.request_booking(
                room=target or room,
                start=at(day, start_hour),
                end=at(day, end_hour),
                expected_people=10,
                requested_by=by or users["representative"],
                approve=approve,
                **extra,
            )

    return make


@pytest.fixture
def booking(make_booking, tuesday):
    return make_booking(tuesday)
