"""Dates and numbers follow the page's language; every page offers all three languages."""

import datetime
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from pomyslowice.events.models import GrantCall
from tests.events.conftest import at, make_event

PREFIXES = {"pl": "", "en": "/en", "uk": "/uk"}


@pytest.fixture
def event(db):
    return make_event("Warsztaty grantowe", slug="warsztaty-grantowe", start=at(2027, 3, 5, 14, 0))


@pytest.mark.parametrize(
    "language, shown",
    [
        ("pl", "5 marca 2027 14:00"),
        ("en", "March 5, 2027, 2 p.m."),
        ("uk", "05 березня 2027 р. 14:00"),  # noqa: RUF001 - a Cyrillic letter
    ],
)
def test_the_event_date_is_written_the_locales_way(client, event, language, shown):
    html = client.get(f"{PREFIXES[language]}/wydarzenia/{event.slug}/").content.decode()
    assert f'<time datetime="2027-03-05T14:00:00+01:00">{shown}</time>' in html


@pytest.mark.parametrize(
    "language, shown",
    [("pl", "15\xa0000,50 zł"), ("en", "15,000.50 PLN"), ("uk", "15\xa0000,50 PLN")],
)
def test_amounts_use_the_locales_separators(client, db, language, shown):
    call = GrantCall.objects.create(
        title="Konkurs na inicjatywy lokalne",
        slug="konkurs-inicjatywy",
        kind=GrantCall.Kind.SMALL_GRANT,
        funder_name="Urząd Miasta Mysłowice",
        deadline=timezone.now() + datetime.timedelta(days=20),
        budget=Decimal("15000.50"),
    )
    response = client.get(f"{PREFIXES[language]}/konkursy/{call.slug}/")
    assert response.status_code == 200
    assert shown in response.content.decode()


def test_polish_short_dates_are_written_with_dots():
    with translation.override("pl"):
        assert date_format(datetime.date(2027, 3, 5), "SHORT_DATE_FORMAT") == "05.03.2027"


def switcher_languages(html: str) -> list[str]:
    form = re.search(r'<form class="language-switcher".*?</form>', html, re.S)
    assert form, "no language switcher"
    return re.findall(r'<option value="([a-z]+)"', form.group(0))


@pytest.mark.parametrize("language", PREFIXES)
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/wydarzenia/",
        "/organizacje/",
        "/wiedza/",
        "/konto/login/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/nie-ma-takiej-strony/",
    ],
)
def test_every_page_offers_all_three_languages(client, db, language, path):
    response = client.get(PREFIXES[language] + path)
    assert response.status_code in (200, 404)
    assert switcher_languages(response.content.decode()) == ["pl", "en", "uk"]


def test_the_switcher_is_there_for_a_logged_in_person(client_for):
    html = client_for("resident").get("/uk/konto/").content.decode()
    assert switcher_languages(html) == ["pl", "en", "uk"]


def test_the_server_error_page_links_the_home_page_in_every_language():
    html = render_to_string("500.html")
    for href, language in (("/", "pl"), ("/en/", "en"), ("/uk/", "uk")):
        assert f'<a href="{href}" lang="{language}" hreflang="{language}">' in html
