"""Searching in a real Chromium: from the home page, filtering by kind, opening a result."""

import pytest
from playwright.sync_api import expect

from pomyslowice.search.index import rebuild
from tests.browser.support import assert_no_axe_violations
from tests.conftest import make_organization
from tests.events.conftest import make_event

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_search_filter_and_open_a_result(live, page):
    make_organization("Fundacja Szczęśliwe Dzieci", description="Zajęcia dla dzieci z Mysłowic.")
    make_event("Warsztaty plastyczne dla dzieci", slug="warsztaty-plastyczne")
    rebuild()

    page.goto("/en/")
    page.get_by_label("Search the whole site").fill("dzieciom")
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.get_by_text("2 results found")).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Events (1)").click()
    expect(page.get_by_text("1 result found")).to_be_visible()
    expect(page.get_by_role("link", name="Events (1)")).to_have_attribute("aria-current", "page")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Warsztaty plastyczne dla dzieci").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Warsztaty plastyczne dla dzieci")
    assert_no_axe_violations(page)

    page.goto("/en/szukaj/?q=" + "%22*()%3ANEAR" * 10)
    expect(page.get_by_role("status")).to_be_visible()
    assert_no_axe_violations(page)
