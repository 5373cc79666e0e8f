"""Dates and wall-clock times at the centre: Polish public holidays and local time.

Opening hours, availability and slots are local wall-clock times ("Mondays 11:00–17:00");
they become aware datetimes only here, so the DST change is handled in one place.
"""

import datetime
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings


@cache
def _polish_holidays(year: int) -> dict[datetime.date, str]:
    return dict(holidays.Poland(years=year, language="pl"))


def public_holiday(day: datetime.date) -> str | None:
    """The name of the Polish public holiday on `day` (days free from work), or None."""
    return _polish_holidays(day.year).get(day)


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """`time` on `day` in the centre's time zone. A time skipped by the spring DST change
    (02:00–03:00) becomes the same wall-clock time an hour later; a repeated autumn hour
    means its first occurrence."""
    zone = ZoneInfo(settings.TIME_ZONE)
    naive = datetime.datetime.combine(day, time)
    aware = naive.replace(tzinfo=zone, fold=0)
    # A non-existent local time does not survive a round trip through UTC.
    return aware.astimezone(datetime.UTC).astimezone(zone)


def local_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE)).date()
