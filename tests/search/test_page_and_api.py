"""/szukaj/ and GET /api/v1/search: public, every persona alike, never a 500, queries flat."""

import datetime
import re

import pytest
from django.utils import timezone

from pomyslowice.events.models import Event
from pomyslowice.organizations.models import Organization, Person, PersonConsent
from pomyslowice.search.index import rebuild
from tests.conftest import PERSONAS, make_organization
from tests.events.conftest import make_event

from .test_query import HOSTILE

pytestmark = pytest.mark.django_db

PAGE = "/en/szukaj/"
API = "/api/v1/search"


@pytest.fixture
def indexed(organization, other_organization):
    make_organization("Fundacja Dzieci Mysłowic", description="Pomagamy dzieciom i seniorom.")
    make_organization("Tajne Stowarzyszenie Dzieci", status=Organization.Status.PENDING)
    make_event("Warsztaty dla dzieci", slug="warsztaty-dzieci")
    make_event("Szkic warsztatów dla dzieci", slug="szkic", status=Event.Status.DRAFT)
    hidden = Person.objects.create(full_name="Ukryta Dzieci", slug="ukryta", email="u@example.org")
    hidden.consents.create(field=PersonConsent.Field.BIO, given_via="test")
    shown = Person.objects.create(full_name="Jawna Dzieci", slug="jawna", email="j@example.org")
    shown.consents.create(field=PersonConsent.Field.NAME, given_via="test")
    rebuild()


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_sees_only_public_objects(client_for, indexed, persona):
    response = client_for(persona).get(PAGE, {"q": "dzieciach"})
    assert response.status_code == 200
    text = response.text
    assert "Fundacja Dzieci Mysłowic" in text
    assert "Warsztaty dla dzieci" in text
    assert "Jawna Dzieci" in text
    for secret in ("Tajne Stowarzyszenie", "Szkic warsztatów", "Ukryta"):
        assert secret not in text
    assert "3 results found" in text
    assert "<mark>" in text


def test_filter_by_kind_marks_the_active_filter(client, indexed):
    text = client.get(PAGE, {"q": "dzieci", "rodzaj": "event"}).text
    assert "1 result found" in text
    assert re.search(r'<a href="\?q=dzieci&amp;rodzaj=event" aria-current="page">', text)
    assert "Fundacja Dzieci Mysłowic" not in text
    assert 'role="search"' in text and '<label for="search-q">' in text


def test_unknown_kind_on_the_page_means_all(client, indexed):
    assert "3 results found" in client.get(PAGE, {"q": "dzieci", "rodzaj": "<script>"}).text


def test_did_you_mean_link(client, indexed):
    text = client.get(PAGE, {"q": "fundajca"}).text
    assert "Did you mean" in text
    assert 'href="?q=fundacja"' in text


def test_pagination(client, organization):
    for number in range(25):
        make_organization(f"Klub seniora nr {number}")
    rebuild()
    first = client.get(PAGE, {"q": "seniorzy"}).text
    assert "25 results found" in first and 'rel="next"' in first
    second = client.get(PAGE, {"q": "seniorzy", "strona": "2"}).text
    assert second.count("<h3>") == 5
    assert client.get(PAGE, {"q": "seniorzy", "strona": "999999999999"}).status_code == 200


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_fail(client, indexed, q):
    assert client.get(PAGE, {"q": q}).status_code == 200
    response = client.get(API, {"q": q})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 0 and isinstance(body["items"], list)


def test_empty_query_explains(client, indexed):
    assert "Type what you are looking for." in client.get(PAGE).text
    body = client.get(API, headers={"accept-language": "en"}).json()
    assert body == {
        "count": 0,
        "count_is_estimate": False,
        "items": [],
        "counts_by_kind": {},
        "suggestion": None,
        "message": "Type what you are looking for.",
    }


def test_api_results(client, indexed):
    body = client.get(API, {"q": "myslowic fundacji"}).json()
    assert body["count"] >= 1
    item = body["items"][0]
    assert item["kind"] == "organization"
    assert item["title"] == "Fundacja Dzieci Mysłowic"
    assert item["url"].startswith("http") and item["url"].endswith(
        "/organizacje/fundacja-dzieci-myslowic/"
    )
    assert "<mark>" not in item["snippet"]


def test_api_filters_and_paginates(client, indexed):
    body = client.get(API, {"q": "dzieci", "kind": "event"}).json()
    assert [i["title"] for i in body["items"]] == ["Warsztaty dla dzieci"]
    assert body["items"][0]["date"]
    assert len(client.get(API, {"q": "dzieci", "limit": 1}).json()["items"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x", "kind": "nope"},
        {"q": "x", "limit": 0},
        {"q": "x", "limit": 1000},
        {"q": "x", "offset": -1},
    ],
)
def test_api_bad_parameters_are_400(client, indexed, params):
    response = client.get(API, params)
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


def test_api_is_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/search" in schema["paths"]


@pytest.mark.parametrize("size", [3, 30])
def test_query_count_is_flat(client, organization, django_assert_max_num_queries, size):
    now = timezone.now()
    for number in range(size):
        make_organization(f"Stowarzyszenie sportowe {number}")
        make_event(
            f"Mecz {number}",
            slug=f"mecz-{number}",
            start=now + datetime.timedelta(days=number + 1),
            description="sport",
        )
    rebuild()
    with django_assert_max_num_queries(12):
        assert client.get(PAGE, {"q": "sportowy"}).status_code == 200
    # PostgreSQL's transaction and index hint, two counts (titles first), the vocabulary, two
    # tiers and the page's bodies: the same for any number of documents.
    with django_assert_max_num_queries(10):
        assert client.get(API, {"q": "sport"}).status_code == 200
