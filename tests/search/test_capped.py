"""Many matches: counting stops at the cap, and candidates come tier by tier (title first)."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.search import analysis, query
from pomyslowice.search.models import SearchDocument
from pomyslowice.search.query import COUNT_CAP, search

from .conftest import ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(db):
    """COUNT_CAP + 1 organisations about seniors, and one event."""
    terms = analysis.terms("Klub seniora")
    SearchDocument.objects.bulk_create(
        SearchDocument(
            kind="organization",
            object_id=str(number),
            title=f"Klub seniora {number}",
            url=f"/test/{number}/",
            title_terms=terms,
        )
        for number in range(COUNT_CAP + 1)
    )
    SearchDocument.objects.create(
        kind="event", object_id="1", title="Bal seniora", url="/e/1/", title_terms=terms
    )


def test_count_stops_at_the_cap(many):
    found = search("seniorzy")
    assert (found.count, found.count_is_capped) == (COUNT_CAP, True)
    assert found.counts_are_lower_bounds
    assert sum(found.counts_by_kind.values()) > COUNT_CAP
    assert len(found.items) == 20
    event = search("seniorzy", kinds=["event"])
    assert (event.count, event.count_is_capped, ids(event)) == (1, False, ["1"])


def test_pages_end_at_the_cap(many):
    assert len(search("seniorzy", offset=COUNT_CAP - 5, limit=20).items) == 5
    assert search("seniorzy", offset=COUNT_CAP).items == []


def test_page_says_over_the_cap(client, many):
    text = client.get("/en/szukaj/", {"q": "seniorzy"}).text
    assert "Over 1,000 results" in text
    assert "All (over 1,000)" in text
    assert "(1001)" not in text and "(1)</a>" not in text
    assert "page 1 of 50" in text
    last = client.get("/en/szukaj/", {"q": "seniorzy", "strona": "51"}).text
    assert "page 50 of 50" in last


def test_api_says_the_count_is_an_estimate(client, many):
    body = client.get("/api/v1/search", {"q": "seniorzy"}).json()
    assert (body["count"], body["count_is_estimate"]) == (COUNT_CAP, True)
    assert sum(body["counts_by_kind"].values()) > COUNT_CAP
    event = client.get("/api/v1/search", {"q": "seniorzy", "kind": "event"}).json()
    assert (event["count"], event["count_is_estimate"]) == (1, False)
    assert client.get("/api/v1/search", {"q": "bal"}).json()["count_is_estimate"] is False
    assert client.get("/api/v1/search", {"q": "seniorzy", "offset": 5000}).json()["items"] == []


@pytest.fixture
def tiers(index_text, monkeypatch):
    """Fewer candidates than matches, so only the first tiers are read."""
    monkeypatch.setattr(query, "CANDIDATES", 2)
    now = timezone.now()
    index_text(1, "Seniorzy i dzieci", kind="event", date=now - datetime.timedelta(days=700))
    index_text(2, "Seniorzy", "dzieci", kind="event", date=now - datetime.timedelta(days=600))
    index_text(3, "Dzieci", "seniorzy", kind="event", date=now + datetime.timedelta(days=2))
    index_text(4, "Spotkanie", "seniorzy i dzieci", kind="event", date=now)


def test_below_the_cap_counts_are_exact(index_text):
    index_text(1, "Seniorzy")
    index_text(2, "Bal seniorów", kind="event")
    found = search("seniorzy", kinds=["event"])
    assert (found.count, found.count_is_capped, found.counts_are_lower_bounds) == (1, False, False)
    assert found.counts_by_kind == {"organization": 1, "event": 1}


def test_title_tiers_come_before_newer_body_matches(tiers):
    assert ids(search("seniorzy dzieci", limit=2)) == ["1", "3"]
    assert ids(search("seniorzy dzieci", limit=4)) == ["1", "3", "2", "4"]
    assert ids(search("seniorzy", limit=2)) == ["2", "1"]
    assert search("seniorzy").count == 4


def test_unknown_kinds_find_nothing(many):
    found = search("seniorzy", kinds=["nope"])
    assert (found.count, found.items) == (0, [])
