"""Calendar journeys in a real Chromium, with axe-core on every page they pass."""

import re

import pytest
from playwright.sync_api import expect

from pomyslowice.events.models import Event
from tests.browser.support import assert_no_axe_violations, log_in
from tests.events.conftest import at, make_event

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_calendar_filter_event_page_and_month(live, page, organization):
    make_event(
        "Szkolenie z RODO",
        category=Event.Category.TRAINING,
        organizer=organization,
        start=at(2030, 5, 10, 10),
    )
    make_event("Piknik rodzinny", category=Event.Category.MEETING, start=at(2030, 5, 11, 12))
    page.goto("/wydarzenia/")
    assert_no_axe_violations(page)
    page.get_by_label("Rodzaj").select_option("szkolenie")
    page.get_by_role("button", name=re.compile("wydarzenia|events", re.I)).click()
    expect(page.get_by_role("link", name="Szkolenie z RODO")).to_be_visible()
    expect(page.get_by_role("link", name="Piknik rodzinny")).to_have_count(0)
    page.get_by_role("link", name="Szkolenie z RODO").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Szkolenie z RODO")
    expect(page.locator('a[href="/wydarzenia/szkolenie-z-rodo.ics"]')).to_be_visible()
    assert_no_axe_violations(page)
    page.goto("/wydarzenia/miesiac/2030/05/")
    expect(page.get_by_role("table")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Szkolenie z RODO"))).to_be_visible()
    assert_no_axe_violations(page)


def test_representative_submits_and_coordinator_approves(live, page, browser, users, organization):
    log_in(page, live, users["representative"])
    page.goto("/en/wydarzenia/zglos/")
    assert_no_axe_violations(page)
    page.get_by_label("Title (required)").fill("Sprzątanie Przemszy")
    page.locator("#id_start").fill("2030-05-10T10:00")
    page.locator("#id_end").fill("2030-05-10T09:00")
    page.get_by_label("Address").fill("ul. Bulwarowa 1")
    page.get_by_role("button", name="Submit the event").click()
    expect(page.locator("#id_end_error")).to_contain_text("The event cannot end before it starts.")
    assert_no_axe_violations(page)
    page.locator("#id_end").fill("2030-05-10T13:00")
    page.get_by_role("button", name="Submit the event").click()
    expect(page.get_by_text("awaits approval by the centre's staff")).to_be_visible()
    assert_no_axe_violations(page)

    moderator = browser.new_context(base_url=live.url, locale="en-GB").new_page()
    log_in(moderator, live, users["coordinator"])
    moderator.goto("/en/wydarzenia/moderacja/")
    assert_no_axe_violations(moderator)
    moderator.get_by_role("button", name=re.compile(r"Approve and publish\W+Sprzątanie")).click()
    expect(moderator.get_by_text("Sprzątanie Przemszy is published.")).to_be_visible()
    assert Event.objects.get(title="Sprzątanie Przemszy").status == Event.Status.PUBLISHED
    moderator.context.close()
