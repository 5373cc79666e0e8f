"""The demo, page by page, in each language of the site: every page renders, in that language."""

import re

import pytest
from django.core.management import call_command

from pomyslowice.accounts.models import User
from pomyslowice.events.models import Event
from pomyslowice.knowledge.models import Article
from pomyslowice.organizations import demo_data
from pomyslowice.organizations.models import Organization
from pomyslowice.reports.demo import SLUG as DEMO_PROJECT

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/organizacje/",
    "/wydarzenia/",
    "/wydarzenia/miesiac/2026/11/",
    "/konkursy/",
    "/wiedza/",
    "/wolontariat/",
    "/osrodek/sale/",
    "/osrodek/doradztwo/",
    "/szukaj/?q=fundacja",
    "/dane/",
    "/deklaracja-dostepnosci/",
    "/polityka-prywatnosci/",
]
STAFF_PAGES = ["/panel/", f"/panel/wskazniki/{DEMO_PROJECT}/", "/panel/ankiety/"]


@pytest.mark.parametrize("prefix, language", [("", "pl"), ("/en", "en"), ("/uk", "uk")])
def test_every_demo_page_renders_in_the_language_of_its_address(client, prefix, language):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pages = [
        *PUBLIC_PAGES,
        Organization.objects.published().first().get_absolute_url(),
        Event.objects.published().first().get_absolute_url(),
        Article.objects.published().first().get_absolute_url(),
    ]
    for page in pages:
        _assert_in_language(client, f"{prefix}{_unprefixed(page)}", language)
    client.force_login(User.objects.get(email=demo_data.PERSONAS["coordinator"]["email"]))
    for page in STAFF_PAGES:
        _assert_in_language(client, f"{prefix}{page}", language)


def _unprefixed(path: str) -> str:
    return re.sub(r"^/(en|uk)/", "/", path)


def _assert_in_language(client, url: str, language: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, url
    assert f'<html lang="{language}"' in response.content.decode(), url
