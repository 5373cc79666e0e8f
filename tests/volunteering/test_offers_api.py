"""GET /api/v1/opportunities and /api/v1/opportunities/{slug}: open volunteer offers only."""

import datetime

import pytest
from django.utils import timezone

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.volunteering import availability
from pomyslowice.volunteering.models import Offer

from .conftest import make_offer

pytestmark = pytest.mark.django_db

LIST = "/api/v1/opportunities"
TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=user, name='Test')[1]}"}


def slugs(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["slug"] for item in response.json()["items"]}


def test_lists_only_open_offers(client, offer, youth_offer, other_offer, organization):
    hidden = [
        make_offer(organization, "Szkic", status=Offer.Status.DRAFT),
        make_offer(organization, "W ocenie", status=Offer.Status.REVIEW),
        make_offer(organization, "Pełna", status=Offer.Status.FILLED),
        make_offer(organization, "Zamknięta", status=Offer.Status.CLOSED),
        make_offer(organization, "Wygasła", expires_on=TODAY() - datetime.timedelta(days=1)),
    ]
    data = client.get(LIST).json()
    assert data["count"] == 3
    assert {item["slug"] for item in data["items"]} == {
        offer.slug,
        youth_offer.slug,
        other_offer.slug,
    }
    for offer_hidden in hidden:
        response = client.get(f"{LIST}/{offer_hidden.slug}")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def test_item_has_english_field_names_and_all_facts(client, organization, skills, area, district):
    offer = make_offer(
        organization,
        "Zajęcia z dziećmi",
        description="<p>Opis <strong>ważny</strong></p><script>x</script>",
        tasks="Zabawy\n- Czytanie\n",
        skills=[skills["grafika"]],
        areas=[area],
        district=district,
        address="ul. Kolejowa 14",
        is_remote=True,
        schedule=Offer.Schedule.ONE_OFF,
        starts_on=TODAY() + datetime.timedelta(days=4),
        ends_on=TODAY() + datetime.timedelta(days=4),
        availability=availability.bit(5, 0) | availability.bit(6, 2),
        duration=Offer.Duration.SHORT,
        places=3,
        min_age=13,
        works_with_children=True,
        offers_training=True,
        covers_travel=False,
        offers_other="obiad",
        expires_on=TODAY() + datetime.timedelta(days=3),
        contact_phone="+48 600 000 000",
    )
    item = client.get(f"{LIST}/{offer.slug}").json()
    assert item["title"] == "Zajęcia z dziećmi"
    assert item["url"].endswith(f"/wolontariat/oferty/{offer.slug}/")
    assert item["host"] == {
        "id": organization.pk,
        "slug": organization.slug,
        "name": organization.name,
    }
    assert item["description"] == "<p>Opis <strong>ważny</strong></p>"
    assert item["tasks"] == ["Zabawy", "Czytanie"]
    assert item["skills"] == [{"slug": "grafika", "name": "Grafika"}]
    assert item["areas"] == [
        {"id": area.pk, "code": area.code, "name": area.name, "slug": area.slug}
    ]
    assert item["district"] == {"id": district.pk, "slug": "piasek", "name": "Piasek"}
    assert (item["address"], item["remote"]) == ("ul. Kolejowa 14", True)
    assert (item["schedule"], item["duration"]) == ("one-off", "short")
    assert item["starts_on"] == item["ends_on"] == offer.starts_on.isoformat()
    assert item["availability"] == [
        {"weekday": "saturday", "part": "morning"},
        {"weekday": "sunday", "part": "evening"},
    ]
    assert (item["places"], item["min_age"], item["minors_welcome"]) == (3, 13, True)
    assert item["works_with_children"] is True
    assert item["host_offers"] == {
        "training": True,
        "travel_costs": False,
        "certificate": True,
        "other": "obiad",
    }
    assert item["expires_on"] == offer.expires_on.isoformat()
    assert "contact_phone" not in item and "contact_person" not in item
    assert "status" not in item and "review_note" not in item


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"area": "rozwoj-wspolnot-lokalnych"}, {"offer", "youth"}),
        ({"skill": "obsluga-komputera"}, {"offer"}),
        ({"district": "piasek"}, {"offer", "youth"}),
        ({"remote": "true"}, {"remote"}),
        ({"remote": "false"}, {"offer", "youth", "other"}),
        ({"schedule": "one-off"}, {"youth"}),
        ({"schedule": "flexible"}, {"remote"}),
        ({"duration": "short"}, {"youth"}),
        ({"minors": "true"}, {"youth", "remote"}),
        ({"minors": "false"}, {"offer", "other"}),
        ({"age": "14"}, {"youth"}),
        ({"age": "16"}, {"youth", "remote"}),
        ({"host": "fundacja-lawki-razem"}, {"other", "remote"}),
        ({"q": "parku"}, {"youth"}),
        ({"q": "Fundacja"}, {"other", "remote"}),
        ({"area": "nie-ma"}, set()),
    ],
)
def test_filters(client, offer, youth_offer, other_offer, params, expected):
    remote = make_offer(
        other_offer.host,
        "Grafiki zdalnie",
        is_remote=True,
        min_age=16,
        schedule=Offer.Schedule.FLEXIBLE,
    )
    names = {
        offer.slug: "offer",
        youth_offer.slug: "youth",
        other_offer.slug: "other",
        remote.slug: "remote",
    }
    assert {names[slug] for slug in slugs(client.get(LIST, params))} == expected


@pytest.mark.parametrize(
    "params",
    [
        {"schedule": "sometimes"},
        {"duration": "forever"},
        {"age": "-1"},
        {"remote": "maybe"},
        {"limit": "101"},
        {"offset": "-1"},
    ],
)
def test_bad_parameters_are_a_400_with_detail(client, offer, params):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_paginated_newest_first(client, organization):
    now = timezone.now()
    for i in range(5):
        make_offer(organization, f"Oferta {i}", published_at=now - datetime.timedelta(days=i))
    data = client.get(LIST, {"limit": 2, "offset": 1}).json()
    assert data["count"] == 5
    assert [item["title"] for item in data["items"]] == ["Oferta 1", "Oferta 2"]


def test_minor_with_a_token_sees_only_offers_open_to_their_age(client, users, offer, youth_offer):
    minor = bearer(users["volunteer_minor"])
    assert slugs(client.get(LIST, **minor)) == {youth_offer.slug}
    assert client.get(f"{LIST}/{offer.slug}", **minor).status_code == 404
    assert client.get(f"{LIST}/{youth_offer.slug}", **minor).status_code == 200
    adult = bearer(users["representative"])
    assert slugs(client.get(LIST, **adult)) == {offer.slug, youth_offer.slug}


def test_a_bad_token_is_a_401_not_anonymous(client, offer):
    response = client.get(LIST, HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401


def test_unknown_slug_is_404(client):
    response = client.get(f"{LIST}/nie-ma-takiej")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_query_count_is_flat(
    client, organization, skills, area, district, django_assert_max_num_queries
):
    for i in range(40):
        make_offer(
            organization,
            f"Oferta {i:02d}",
            skills=list(skills.values()),
            areas=[area],
            district=district,
        )
    with django_assert_max_num_queries(6):
        response = client.get(LIST, {"limit": 40})
    assert len(response.json()["items"]) == 40
