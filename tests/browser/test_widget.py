"""The calendar widget and its code page in a real Chromium, checked by axe-core."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from pomyslowice.events.models import Event
from tests.browser.support import assert_no_axe_violations
from tests.events.conftest import make_event

pytestmark = pytest.mark.browser


@pytest.fixture
def events(transactional_db, live_server, organization, other_organization):
    make_event("Piknik sasiedzki", organizer=organization, place_name="Park Zamkowy")
    make_event("Szkolenie z RODO", organizer=other_organization, category=Event.Category.TRAINING)


def test_partner_picks_an_organisation_and_gets_a_framable_widget(page, events, organization):
    page.goto("/wydarzenia/widget/kod/")
    assert_no_axe_violations(page)

    page.locator("#id_organizacja").select_option(organization.slug)
    page.locator("form.filters button[type=submit]").click()

    snippet = page.locator("#widget-code")
    widget_url = f"{settings.SITE_URL}/wydarzenia/widget/?organizacja={organization.slug}&limit=5"
    expect(snippet).to_have_value(re.compile(rf'^<iframe src="{re.escape(widget_url)}" title="'))
    preview = page.frame_locator("#widget-preview")
    expect(preview.locator(".title")).to_have_text([re.compile(r"^Piknik sasiedzki")])
    assert_no_axe_violations(page)


def test_widget_page_is_accessible(page, events):
    page.goto("/wydarzenia/widget/")

    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("ol.events > li")).to_have_count(2)
    assert_no_axe_violations(page)
