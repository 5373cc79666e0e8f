"""The home page shows what is coming in the calendar and which grant deadlines are near."""

import datetime

from django.utils import timezone

from pomyslowice.events.models import Event

from .conftest import make_event
from .test_grants_pages import make_grant_call


def test_home_lists_upcoming_events_and_the_nearest_deadlines(client, db):
    soon = make_event("Spotkanie przy Przemszy")
    make_event("Wczorajsze spotkanie", start=timezone.now() - datetime.timedelta(days=1))
    make_event("Niezatwierdzone", status=Event.Status.SUBMITTED)
    nearest = make_grant_call(
        "Mały grant na lato", deadline=timezone.now() + datetime.timedelta(days=3)
    )
    make_grant_call("Zamknięty konkurs", deadline=timezone.now() - datetime.timedelta(days=1))

    text = client.get("/en/").text

    assert soon.title in text and 'href="/en/wydarzenia/"' in text
    assert "Wczorajsze spotkanie" not in text and "Niezatwierdzone" not in text
    assert nearest.title in text and "Closes in 3 days" in text
    assert "Zamknięty konkurs" not in text


def test_home_query_count_does_not_grow(client, db, django_assert_max_num_queries):
    for number in range(20):
        make_event(f"Wydarzenie {number}", slug=f"wydarzenie-{number}")
        make_grant_call(f"Konkurs {number}")
    with django_assert_max_num_queries(10):
        assert client.get("/").status_code == 200


def test_home_shows_the_next_date_of_a_series_that_began_earlier(client, db):
    make_event(
        "Cotygodniowy klub seniora",
        start=timezone.now() - datetime.timedelta(days=15),
        recurrence_rule="FREQ=WEEKLY;COUNT=10",
    )

    text = client.get("/en/").text

    assert "Cotygodniowy klub seniora" in text
    assert "?data=" in text
