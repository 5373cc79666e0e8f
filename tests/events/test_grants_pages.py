"""The grant call board's pages: every persona on every page, filters, the form, the feed."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.text import fold
from pomyslowice.events.models import GrantCall, GrantCallAttachment, GrantCallSubscription
from tests.conftest import PERSONAS

EDITORS = {"coordinator", "ngo_caretaker"}
REPRESENTATIVES = {"representative", "representative_other_org"}
LOGIN = reverse("account_login")
NOW = datetime.datetime(2025, 3, 10, 12, 0, tzinfo=datetime.UTC)


def make_grant_call(title: str, *, deadline=None, areas=(), **fields) -> GrantCall:
    """A published call; tests pass only what they are about."""
    fields.setdefault("kind", GrantCall.Kind.OPEN_COMPETITION)
    fields.setdefault("funder_name", "Urząd Miasta Mysłowice")
    call = GrantCall.objects.create(
        title=title,
        slug=slugify(fold(title)),
        deadline=deadline or timezone.now() + datetime.timedelta(days=30),
        **fields,
    )
    call.areas.set(areas)
    return call


def form_data(area, **overrides) -> dict:
    data = {
        "title": "Konkurs na działania sąsiedzkie",
        "kind": GrantCall.Kind.SMALL_GRANT,
        "funder_name": "Urząd Miasta Mysłowice",
        "description": "<p>Wspieramy <strong>małe</strong> inicjatywy.</p>",
        "areas": [area.pk],
        "eligibility": "Organizacje pozarządowe z Mysłowic.",
        "budget": "100000",
        "min_amount": "1000",
        "max_amount": "10000",
        "own_contribution": "10% wkładu własnego",
        "announced_on": "2030-01-10",
        "deadline": "2030-02-10T16:00",
        "results_on": "2030-03-01",
        "application_url": "https://generator.example.org/konkurs",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def expected(persona: str, allowed: set) -> int:
    if persona == "anonymous":
        return 302
    return 200 if persona in allowed else 403


def assert_status(response, status: int) -> None:
    assert response.status_code == status
    if status == 302 and response.wsgi_request.user.is_anonymous:
        assert LOGIN in response.url


@pytest.fixture
def grant_call(area, organization):
    return make_grant_call(
        "Małe granty 2025",
        areas=[area],
        funder_organization=organization,
        budget=Decimal("250000"),
        min_amount=Decimal("5000"),
        max_amount=Decimal("12500.50"),
        application_url="https://witkac.example.org/nabor",
        description="<p>Opis konkursu</p><script>alert(1)</script>",
    )


# --- access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_pages(client_for, grant_call, persona):
    client = client_for(persona)
    for url in ("/konkursy/", grant_call.get_absolute_url(), "/konkursy/kanal.atom"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", PERSONAS)
def test_hidden_call_is_seen_only_by_editors(client_for, grant_call, persona):
    grant_call.is_published = False
    grant_call.save()
    response = client_for(persona).get(grant_call.get_absolute_url())
    assert response.status_code == (200 if persona in EDITORS else 404)
    listed = client_for(persona).get("/konkursy/")
    assert grant_call.title not in listed.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_add_page(client_for, persona):
    assert_status(client_for(persona).get("/konkursy/dodaj/"), expected(persona, EDITORS))


@pytest.mark.parametrize("persona", PERSONAS)
def test_add_post(client_for, area, persona):
    response = client_for(persona).post("/konkursy/dodaj/", form_data(area))
    created = GrantCall.objects.filter(title="Konkurs na działania sąsiedzkie").first()
    if persona in EDITORS:
        assert response.status_code == 302
        assert response.url == created.get_absolute_url()
    else:
        assert_status(response, expected(persona, set()))
        assert created is None


@pytest.mark.parametrize("persona", PERSONAS)
def test_edit_page_and_post(client_for, grant_call, area, persona):
    url = f"/konkursy/{grant_call.slug}/edytuj/"
    assert_status(client_for(persona).get(url), expected(persona, EDITORS))
    response = client_for(persona).post(url, form_data(area, title="Nowy tytuł"))
    grant_call.refresh_from_db()
    if persona in EDITORS:
        assert response.status_code == 302
        assert grant_call.title == "Nowy tytuł"
        assert grant_call.slug == "male-granty-2025"  # the address stays
    else:
        assert_status(response, expected(persona, set()))
        assert grant_call.title == "Małe granty 2025"


@pytest.mark.parametrize("persona", PERSONAS)
def test_subscribe_page(client_for, persona):
    response = client_for(persona).get("/en/konkursy/powiadomienia/")
    assert_status(response, 302 if persona == "anonymous" else 200)
    if persona in REPRESENTATIVES:
        assert "Turn on alerts for" in response.content.decode()
    elif persona != "anonymous":
        assert "You do not represent any organisation yet." in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_subscribe_post(client_for, users, organization, persona):
    response = client_for(persona).post(
        "/konkursy/powiadomienia/", {"organization": organization.slug, "alerts": "on"}
    )
    assert_status(response, 302)
    subscribed = GrantCallSubscription.objects.filter(organization=organization).exists()
    assert subscribed == (persona == "representative")


def test_subscription_is_turned_off(client_for, users, organization):
    client = client_for("representative")
    client.post("/konkursy/powiadomienia/", {"organization": organization.slug, "alerts": "on"})
    page = client.get("/en/konkursy/powiadomienia/").content.decode()
    assert "Alerts are on." in page
    client.post("/konkursy/powiadomienia/", {"organization": organization.slug, "alerts": "off"})
    assert not GrantCallSubscription.objects.exists()


def test_unknown_call_is_404(client_for):
    assert client_for("coordinator").get("/konkursy/nie-ma-takiego/").status_code == 404
    assert client_for("coordinator").get("/konkursy/nie-ma-takiego/edytuj/").status_code == 404


# --- list --------------------------------------------------------------------------------------


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def board(db, frozen_now, area):
    other_area = AreaOfBenefit.objects.create(
        code="T1", name="obszar testowy", slug="obszar-testowy", position=9990, source="test"
    )
    return {
        "closing": make_grant_call(
            "Zamyka się jutro", deadline=NOW + datetime.timedelta(days=1), areas=[area]
        ),
        "open": make_grant_call(
            "Otwarty długo",
            deadline=NOW + datetime.timedelta(days=40),
            areas=[other_area],
            kind=GrantCall.Kind.PRIVATE_PROGRAMME,
        ),
        "closed_recently": make_grant_call(
            "Zamknięty wczoraj", deadline=NOW - datetime.timedelta(days=1), areas=[area]
        ),
        "closed_long_ago": make_grant_call(
            "Zamknięty dawno", deadline=NOW - datetime.timedelta(days=100)
        ),
    }


def titles(response) -> list[str]:
    return [call.title for call in response.context["page"].object_list]


@pytest.mark.parametrize(
    "query, expected_titles",
    [
        ("", ["Zamyka się jutro", "Otwarty długo", "Zamknięty wczoraj", "Zamknięty dawno"]),
        ("?stan=otwarte", ["Zamyka się jutro", "Otwarty długo"]),
        ("?stan=wkrotce", ["Zamyka się jutro"]),
        ("?stan=zamkniete", ["Zamknięty wczoraj", "Zamknięty dawno"]),
        ("?obszar=obszar-testowy", ["Otwarty długo"]),
        ("?rodzaj=open-competition&stan=zamkniete", ["Zamknięty wczoraj", "Zamknięty dawno"]),
        ("?rodzaj=private-programme", ["Otwarty długo"]),
    ],
)
def test_list_filters(client, board, query, expected_titles):
    assert titles(client.get(f"/konkursy/{query}")) == expected_titles


def test_invalid_filters_are_ignored_and_named(client, board):
    response = client.get("/en/konkursy/?stan=jutro&obszar=nie-ma&rodzaj=%00&page=x")
    assert response.status_code == 200
    assert len(titles(response)) == 4
    page = response.content.decode()
    assert "These filters were ignored because their value is not valid:" in page
    assert "State, Area of activity, Kind." in page


def test_list_shows_funder_amounts_deadline_and_badges(client, frozen_now, area, organization):
    make_grant_call(
        "Granty dla seniorów",
        deadline=datetime.datetime(2025, 3, 15, 15, 0, tzinfo=datetime.UTC),  # 16:00 in Warsaw
        funder_organization=organization,
        min_amount=Decimal("1500"),
        max_amount=Decimal("20000.50"),
    )
    make_grant_call("Po terminie", deadline=NOW - datetime.timedelta(hours=1))
    english = client.get("/en/konkursy/").content.decode()
    assert organization.name in english
    assert "from 1,500 to 20,000.50 PLN" in english
    assert "15 March 2025, 16:00" in english
    assert "Closes in 5 days" in english
    assert "Closed" in english
    polish = client.get("/konkursy/").content.decode()
    assert "1\xa0500" in polish or "1 500" in polish
    assert "20\xa0000,50" in polish or "20 000,50" in polish


def test_list_is_paginated_by_20_in_few_queries(client, area, django_assert_max_num_queries):
    for number in range(25):
        make_grant_call(f"Konkurs {number:02d}", areas=[area])
    with django_assert_max_num_queries(8):
        response = client.get("/konkursy/")
    assert len(titles(response)) == 20
    assert len(titles(client.get("/konkursy/?page=2"))) == 5


# --- detail and feed ---------------------------------------------------------------------------


def test_detail_shows_everything(client, grant_call, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = GrantCallAttachment(grant_call=grant_call, title="Regulamin konkursu")
    attachment.file.save("regulamin.pdf", ContentFile(b"%PDF-1.4"), save=True)
    page = client.get(f"/en{grant_call.get_absolute_url()}").content.decode()
    assert "<h1>Małe granty 2025</h1>" in page
    assert f'href="{grant_call.funder_organization.get_absolute_url()}"' in page
    assert "250,000 PLN" in page
    assert "from 5,000 to 12,500.50 PLN" in page
    assert f'href="{attachment.file.url}">Regulamin konkursu</a>' in page
    assert 'href="https://witkac.example.org/nabor" rel="noopener external"' in page
    assert "(external site)" in page
    assert "<p>Opis konkursu</p>" in page
    assert "alert(1)" not in page


def test_feed_lists_newest_published_calls(client, grant_call):
    hidden = make_grant_call("Ukryty konkurs", is_published=False)
    response = client.get("/konkursy/kanal.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "<title>Małe granty 2025</title>" in feed
    assert grant_call.get_absolute_url() in feed
    assert hidden.title not in feed
    assert "<script>" not in feed


# --- the form ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"min_amount": "20000"},
            "min_amount",
            "The minimum grant cannot be higher than the maximum grant.",
        ),
        (
            {"deadline": "2030-01-09T12:00"},
            "deadline",
            "The deadline cannot be before the call was announced.",
        ),
        ({"budget": "-1"}, "budget", "Ensure this value is greater than or equal to 0."),
        ({"funder_name": ""}, "funder_name", "Name the funder or choose it from the directory."),
        ({"deadline": "jutro"}, "deadline", "Enter a valid date/time."),
    ],
)
def test_invalid_form_saves_nothing(client_for, area, overrides, field, message):
    response = client_for("coordinator").post("/en/konkursy/dodaj/", form_data(area, **overrides))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not GrantCall.objects.exists()


def test_script_in_description_is_removed(client_for, area):
    description = '<p>Opis</p><script>alert("x")</script><a href="javascript:alert(1)">link</a>'
    client_for("coordinator").post("/konkursy/dodaj/", form_data(area, description=description))
    saved = GrantCall.objects.get()
    assert "<script" not in saved.description
    assert "javascript:" not in saved.description
    assert "<p>Opis</p>" in saved.description


def test_form_saves_every_field(client_for, users, area):
    client_for("ngo_caretaker").post("/konkursy/dodaj/", form_data(area))
    call = GrantCall.objects.get()
    assert call.slug == "konkurs-na-dzialania-sasiedzkie"
    assert call.kind == GrantCall.Kind.SMALL_GRANT
    assert list(call.areas.all()) == [area]
    assert (call.min_amount, call.max_amount, call.budget) == (1000, 10000, 100000)
    assert timezone.localtime(call.deadline).strftime("%Y-%m-%d %H:%M") == "2030-02-10 16:00"
    assert call.created_by == users["ngo_caretaker"]
    assert call.is_published


def test_admin_pages_open(client_for, grant_call):
    client = client_for("coordinator")
    for url in ("/admin/events/grantcall/", "/admin/events/grantcall/add/"):
        assert client.get(url).status_code == 200, url
    change = client.get(f"/admin/events/grantcall/{grant_call.pk}/change/")
    assert "Regulamin" not in change.content.decode()  # no attachments yet
    assert change.status_code == 200
