"""Events of the calendar, built directly (services are tested on their own)."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.events.models import Event

EDITORS = {"coordinator", "ngo_caretaker"}  # staff with events.change_event / moderate_event


def at(*args) -> datetime.datetime:
    """An aware moment in Warsaw time."""
    return timezone.make_aware(datetime.datetime(*args))


def make_event(title: str, *, start=None, hours: float = 2, **fields) -> Event:
    start = start or timezone.now() + datetime.timedelta(days=7)
    fields.setdefault("status", Event.Status.PUBLISHED)
    fields.setdefault("address", "ul. Powstańców 1, Mysłowice")
    if fields["status"] in Event.PUBLIC_STATUSES:
        fields.setdefault("published_at", timezone.now())
    slug = fields.pop("slug", None) or title.lower().replace(" ", "-")
    return Event.objects.create(
        title=title,
        slug=slug,
        start=start,
        end=fields.pop("end", None) or start + datetime.timedelta(hours=hours),
        **fields,
    )


@pytest.fixture
def event(organization, area, district):
    event = make_event(
        "Piknik sasiedzki",
        category=Event.Category.MEETING,
        organizer=organization,
        district=district,
        place_name="Park Zamkowy",
        description="<p>Grill i gry dla dzieci.</p>",
    )
    event.areas.add(area)
    return event


@pytest.fixture
def submitted_event(users, organization):
    return make_event(
        "Warsztaty z grantow",
        category=Event.Category.WORKSHOP,
        organizer=organization,
        status=Event.Status.SUBMITTED,
        submitted_by=users["representative"],
    )


def event_form_data(organization, **overrides) -> dict:
    data = {
        "title": "Sprzątanie brzegów Przemszy",
        "category": Event.Category.EVENT,
        "description": "<p>Zbieramy śmieci.</p>",
        "organizer": organization.pk,
        "start": "2030-05-10T10:00",
        "end": "2030-05-10T13:00",
        "place_name": "Przystań",
        "address": "ul. Bulwarowa 1, Mysłowice",
        "is_free": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
