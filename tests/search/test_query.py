"""Ranking, snippets, did-you-mean, hostile input, and results identical on both databases."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.search.query import search

from .conftest import ids

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "   ",
    "x" * 5000,
    "słowo " * 1000,
    "w i z na",
    "!!! ??? ... ---",
    '" * ( ) : NEAR AND',
    "NEAR(dzieci senior, 2)",
    "dzieci AND OR NOT -senior",
    "title_terms:dzieci",
    "'; DROP TABLE search_searchdocument; --",
    "1' OR '1'='1",
    "\\ % _ ^ $",
    "😀🎉 dzieci 👍",
    "Привет мир дети",
    "Mysłowice Москва",
    "\x00\x01 dzieci",
    "a" * 41 + " dzieci",
]


@pytest.fixture
def corpus(index_text):
    now = timezone.now()
    index_text(1, "Szkolenie dla seniorów", "Zajęcia komputerowe.")
    index_text(2, "Klub dyskusyjny", "Spotkania dla seniorów co tydzień.")
    index_text(3, "Dzieci i seniorzy razem", "Warsztaty międzypokoleniowe dla dzieci.")
    index_text(
        4,
        "Stare warsztaty",
        "Warsztaty dla dzieci",
        kind="event",
        date=now - datetime.timedelta(days=400),
    )
    index_text(
        5,
        "Nowe warsztaty",
        "Warsztaty dla dzieci",
        kind="event",
        date=now + datetime.timedelta(days=5),
    )
    index_text(
        6,
        "Warsztaty w zeszłym miesiącu",
        "Warsztaty dla dzieci",
        kind="event",
        date=now - datetime.timedelta(days=30),
    )
    index_text(
        7,
        "Granty dla seniorów",
        "Dotacje na projekty",
        kind="grant-call",
        date=now + datetime.timedelta(days=10),
    )
    index_text(8, "Mysłowice – miasto", "Historia miasta <b>Mysłowice</b> & okolic.")


def test_title_above_body(corpus):
    assert ids(search("seniorów", kinds=["organization"])) == ["1", "3", "2"]


def test_recent_events_first(corpus):
    assert ids(search("warsztaty dzieci", kinds=["event"])) == ["5", "6", "4"]


def test_exact_phrase_ranks_first(corpus):
    assert ids(search("dzieci i seniorzy"))[0] == "3"


def test_same_result_ids_on_either_database(corpus):
    """An explicit list that must hold on SQLite and on PostgreSQL alike."""
    found = search("dla")
    assert found.problem is None
    assert ids(search("dzieci")) == ["3", "5", "6", "4"]
    assert ids(search("senior")) == ["7", "1", "3", "2"]
    assert search("senior").counts_by_kind == {"organization": 3, "grant-call": 1}
    assert ids(search("senior", kinds=["grant-call"])) == ["7"]
    assert ids(search("senior", limit=2, offset=1)) == ["1", "3"]


def test_snippet_is_escaped_and_marks_matches(corpus):
    item = search("myslowice").items[0]
    assert "<mark>Mysłowice</mark>" in item.snippet
    assert "&lt;b&gt;" in item.snippet
    assert "<b>" not in item.snippet


def test_did_you_mean(corpus):
    found = search("semiorzy")
    assert found.count == 0
    assert found.suggestion is not None
    assert search(found.suggestion).count > 0
    assert search("seniorzy").suggestion is None


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_query_gives_results_or_a_message(corpus, q):
    found = search(q)
    assert found.problem is not None or found.count >= 0
    assert len(found.items) <= 20


def test_problems_are_explained(corpus):
    assert search("").problem
    assert search("!!! ...").problem
    assert search("😀").problem
    assert search("w i").problem is None  # only stop-words: searched for anyway


def test_documents_leave_results_when_their_time_is_over(index_text):
    now = timezone.now()
    index_text(1, "Oferta aktualna", visible_until=now + datetime.timedelta(hours=1))
    index_text(2, "Oferta wygasła", visible_until=now - datetime.timedelta(seconds=1))
    assert ids(search("oferta")) == ["1"]
    assert search("oferta").counts_by_kind == {"organization": 1}


def test_documents_for_older_people_are_hidden_from_younger_ones(index_text, users):
    index_text(1, "Oferta dla dorosłych", min_age=18)
    index_text(2, "Oferta od 13 lat", min_age=13)
    index_text(3, "Oferta dla każdego")
    sixteen = users["volunteer_minor"]
    assert sorted(ids(search("oferta", user=sixteen))) == ["2", "3"]
    assert search("oferta", user=sixteen).count == 2
    for anyone in (None, users["resident"], users["anonymous"]):
        assert sorted(ids(search("oferta", user=anyone))) == ["1", "2", "3"]
    users["resident"].birth_date = sixteen.birth_date.replace(year=sixteen.birth_date.year - 10)
    assert sorted(ids(search("oferta", user=users["resident"]))) == ["1", "2", "3"]


def test_the_search_page_and_api_hide_adult_documents_from_a_minor(
    index_text, client_for, users, client
):
    index_text(1, "Oferta dla dorosłych", min_age=18)
    assert (
        "Oferta dla dorosłych"
        not in client_for("volunteer_minor").get("/szukaj/", {"q": "oferta"}).text
    )
    assert "Oferta dla dorosłych" in client.get("/szukaj/", {"q": "oferta"}).text
    token = create_api_token(user=users["volunteer_minor"], name="Test")[1]
    minor_api = client.get("/api/v1/search", {"q": "oferta"}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert minor_api.json()["count"] == 0
    assert client.get("/api/v1/search", {"q": "oferta"}).json()["count"] == 1
