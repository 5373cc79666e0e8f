"""The platform's main journey in its main language, Polish, with axe-core on every page:
home → directory → filter → profile → a representative registers an organisation →
a coordinator approves it → the public finds it."""

import re

import pytest
from playwright.sync_api import expect

from pomyslowice.organizations.models import Membership, Organization
from tests.conftest import PASSWORD, totp_code

from .support import assert_no_axe_violations

NEW_ORGANIZATION = "Stowarzyszenie Łąki nad Przemszą"


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def log_in_through_the_form(tab, email: str, *, staff: bool = False) -> None:
    tab.goto("/konto/login/")
    assert_no_axe_violations(tab)
    tab.get_by_label("Adres e-mail").fill(email)
    tab.get_by_label("Hasło").fill(PASSWORD)
    tab.get_by_role("button", name="Zaloguj", exact=True).click()
    if staff:  # staff accounts are enrolled in two-step verification
        tab.get_by_label("Kod").fill(totp_code())
        tab.get_by_role("button", name="Zaloguj", exact=True).click()
    expect(tab.get_by_role("button", name="Wyloguj się")).to_be_visible()


def test_visitor_finds_an_organisation_and_a_new_one_gets_registered_and_approved(
    live, page, browser, users, organization, other_organization, area
):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    assert_no_axe_violations(page)

    page.get_by_label("Szukaj organizacji po nazwie, miejscowości lub numerze KRS").fill("lawki")
    page.get_by_role("button", name="Szukaj", exact=True).click()
    expect(page.get_by_role("link", name=other_organization.name)).to_be_visible()
    expect(page.get_by_role("link", name=organization.name)).to_have_count(0)
    assert_no_axe_violations(page)

    page.get_by_label("Szukaj:").fill("")
    page.get_by_label("Rodzaj:").select_option(Organization.Kind.ASSOCIATION)
    page.get_by_role("button", name="Pokaż organizacje").click()
    expect(page.get_by_role("link", name=organization.name)).to_be_visible()
    expect(page.get_by_role("link", name=other_organization.name)).to_have_count(0)
    assert_no_axe_violations(page)

    page.get_by_role("link", name=organization.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(organization.name)
    assert organization.district.name in page.content()
    assert_no_axe_violations(page)

    log_in_through_the_form(page, users["representative"].email)
    page.goto("/organizacje/zglos/")
    assert_no_axe_violations(page)
    page.get_by_label("Nazwa (wymagane)").fill(NEW_ORGANIZATION)
    page.get_by_label("Rodzaj (wymagane)").select_option(Organization.Kind.ASSOCIATION)
    page.get_by_label(area.name).check()
    page.get_by_role("button", name="Wyślij do zatwierdzenia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NEW_ORGANIZATION)
    expect(page.get_by_role("status")).to_contain_text("czeka na zatwierdzenie")
    assert_no_axe_violations(page)
    registered = Organization.objects.get(name=NEW_ORGANIZATION)
    assert registered.status == Organization.Status.PENDING

    coordinator = browser.new_context(base_url=live.url, locale="pl-PL").new_page()
    log_in_through_the_form(coordinator, users["coordinator"].email, staff=True)
    coordinator.goto("/organizacje/moderacja/")
    assert_no_axe_violations(coordinator)
    approve = re.compile(rf"Zatwierdź i opublikuj\W+{NEW_ORGANIZATION}")
    coordinator.get_by_role("button", name=approve).click()
    expect(coordinator.get_by_role("status")).to_contain_text(NEW_ORGANIZATION)
    assert_no_axe_violations(coordinator)
    registered.refresh_from_db()
    assert registered.status == Organization.Status.PUBLISHED
    assert Membership.objects.get(organization=registered).user == users["representative"]

    visitor = browser.new_context(base_url=live.url, locale="pl-PL").new_page()
    visitor.goto("/organizacje/?q=laki+przemsza")
    visitor.get_by_role("link", name=NEW_ORGANIZATION).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(NEW_ORGANIZATION)
    assert_no_axe_violations(visitor)


@pytest.mark.parametrize(
    "path",
    [
        "/ludzie/",
        "/deklaracja-dostepnosci/",
        "/polityka-prywatnosci/",
        "/konto/signup/",
        "/konto/password/reset/",
        "/en/",
        "/en/organizacje/",
        "/strona-ktorej-nie-ma/",
    ],
)
def test_public_pages_have_no_accessibility_violations(live, page, path):
    page.goto(path)
    assert_no_axe_violations(page)
