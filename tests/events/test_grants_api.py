"""GET /api/v1/grant-calls: published calls only, filters, errors and flat query counts."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.events.models import GrantCall, GrantCallAttachment
from tests.conftest import PERSONAS

from .test_grants_pages import make_grant_call

LIST = "/api/v1/grant-calls"
NOW = datetime.datetime(2025, 3, 10, 12, 0, tzinfo=datetime.UTC)
KEYS = {
    "id",
    "slug",
    "title",
    "kind",
    "kind_label",
    "funder",
    "funder_organization",
    "description",
    "areas",
    "eligibility",
    "budget",
    "min_amount",
    "max_amount",
    "own_contribution",
    "announced_on",
    "deadline",
    "results_on",
    "application_url",
    "url",
    "attachments",
    "state",
}


def titles(response) -> list[str]:
    return [item["title"] for item in response.json()["items"]]


@pytest.fixture
def board(db, area, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    other_area = AreaOfBenefit.objects.create(
        code="T1", name="obszar testowy", slug="obszar-testowy", position=9990, source="test"
    )
    make_grant_call("Za trzy dni", deadline=NOW + datetime.timedelta(days=3), areas=[area])
    make_grant_call(
        "Za miesiąc",
        deadline=NOW + datetime.timedelta(days=30),
        areas=[other_area],
        kind=GrantCall.Kind.SMALL_GRANT,
    )
    make_grant_call("Zamknięty", deadline=NOW - datetime.timedelta(days=2), areas=[area])
    make_grant_call("Ukryty", deadline=NOW + datetime.timedelta(days=3), is_published=False)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_sees_published_calls_only(client_for, board, persona):
    response = client_for(persona).get(LIST)
    assert response.status_code == 200
    assert response.json()["count"] == 3
    assert titles(response) == ["Zamknięty", "Za trzy dni", "Za miesiąc"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("state=open", ["Za trzy dni", "Za miesiąc"]),
        ("state=closing", ["Za trzy dni"]),
        ("state=closed", ["Zamknięty"]),
        ("area=obszar-testowy", ["Za miesiąc"]),
        ("kind=small-grant", ["Za miesiąc"]),
        ("area=nie-ma-takiego", []),
    ],
)
def test_filters(client, board, query, expected):
    assert titles(client.get(f"{LIST}?{query}")) == expected


@pytest.mark.parametrize("query", ["state=jutro", "kind=grant", "limit=0", "limit=1000"])
def test_bad_parameters_are_400(client, board, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_fields(client, area, organization, settings):
    settings.SITE_URL = "https://pomyslowice.example.org"
    call = make_grant_call(
        "Granty 2030",
        areas=[area],
        funder_organization=organization,
        description="<p>Opis</p><script>x()</script>",
        budget=Decimal("100000"),
        min_amount=Decimal("1000.50"),
        deadline=timezone.now() + datetime.timedelta(days=30),
    )
    attachment = GrantCallAttachment(grant_call=call, title="Regulamin")
    attachment.file.save("regulamin.pdf", ContentFile(b"%PDF-1.4"), save=True)
    item = client.get(LIST).json()["items"][0]
    assert set(item) == KEYS
    assert item["funder"] == organization.name
    assert item["funder_organization"] == {
        "id": organization.pk,
        "slug": organization.slug,
        "name": organization.name,
    }
    assert item["description"] == "<p>Opis</p>"
    assert item["areas"] == [
        {"id": area.pk, "code": area.code, "name": area.name, "slug": area.slug}
    ]
    assert Decimal(item["min_amount"]) == Decimal("1000.50")
    assert item["max_amount"] is None
    assert item["application_url"] is None
    assert item["url"] == f"https://pomyslowice.example.org{call.get_absolute_url()}"
    assert item["attachments"] == [
        {"title": "Regulamin", "url": f"https://pomyslowice.example.org{attachment.file.url}"}
    ]
    assert item["state"] == "open"
    assert (item["kind"], item["kind_label"]) == (call.kind, str(GrantCall.Kind(call.kind).label))


def test_funder_without_directory_entry(client, db):
    make_grant_call("Program fundacji", funder_name="Fundacja Przykładowa")
    item = client.get(LIST).json()["items"][0]
    assert (item["funder"], item["funder_organization"]) == ("Fundacja Przykładowa", None)


@pytest.mark.parametrize("count", [10, 100])
def test_query_count_is_flat(client, area, organization, count, django_assert_max_num_queries):
    for number in range(count):
        make_grant_call(f"Konkurs {number:03d}", areas=[area], funder_organization=organization)
    with django_assert_max_num_queries(6):
        response = client.get(f"{LIST}?limit=100")
    assert len(response.json()["items"]) == count
