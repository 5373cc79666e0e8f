"""Organisation journeys in a real Chromium, with axe-core on every page they pass."""

import re

import pytest
from playwright.sync_api import expect

from pomyslowice.organizations.models import Membership, Organization
from tests.browser.support import assert_no_axe_violations, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_registration_moderation_and_directory(live, page, browser, users, area):
    log_in(page, live, users["resident"])
    page.goto("/en/organizacje/zglos/")
    assert_no_axe_violations(page)
    page.get_by_label("Name (required)").fill("Stowarzyszenie Źródlane Łąki")
    page.get_by_label("Kind (required)").select_option("stowarzyszenie")
    page.get_by_role("textbox", name="Description").fill("Sprzątamy brzegi Przemszy.")
    page.get_by_label("KRS number").fill("12")
    page.get_by_role("button", name="Send for approval").click()
    expect(page.locator("#id_krs_error")).to_contain_text("A KRS number has exactly 10 digits")
    assert_no_axe_violations(page)
    page.get_by_label("KRS number").fill("0000 765 432")
    page.get_by_label(area.name).check()
    page.get_by_role("button", name="Send for approval").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stowarzyszenie Źródlane Łąki")
    expect(page.get_by_text("awaits approval by the centre's staff")).to_be_visible()
    assert_no_axe_violations(page)
    org = Organization.objects.get(krs="0000765432")
    assert "Sprzątamy brzegi Przemszy." in org.description

    moderator = browser.new_context(base_url=live.url, locale="en-GB").new_page()
    log_in(moderator, live, users["coordinator"])
    moderator.goto("/en/organizacje/moderacja/")
    assert_no_axe_violations(moderator)
    # The button's name carries the organisation's name (visually hidden) to tell the buttons apart.
    approve = re.compile(r"Approve and publish\W+Stowarzyszenie Źródlane Łąki")
    moderator.get_by_role("button", name=approve).click()
    expect(moderator.get_by_text("Stowarzyszenie Źródlane Łąki is published.")).to_be_visible()
    assert Membership.objects.get(organization=org).status == Membership.Status.ACTIVE

    visitor = browser.new_context(base_url=live.url, locale="en-GB").new_page()
    visitor.goto("/en/")
    assert_no_axe_violations(visitor)
    visitor.get_by_label("Search organisations by name, city or KRS number").fill("zrodlane")
    visitor.get_by_role("button", name="Search").click()
    expect(visitor.get_by_text("1 organisation found")).to_be_visible()
    assert_no_axe_violations(visitor)
    visitor.get_by_role("link", name="Stowarzyszenie Źródlane Łąki").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Stowarzyszenie Źródlane Łąki")
    assert_no_axe_violations(visitor)


def test_claim_and_my_page(live, page, users, organization):
    log_in(page, live, users["volunteer"])
    page.goto(f"/en/organizacje/{organization.slug}/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="I represent this organisation").click()
    assert_no_axe_violations(page)
    page.get_by_label("Your role in the organisation").fill("Jestem skarbnikiem.")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request has been sent.")).to_be_visible()
    page.goto("/en/moje/")
    expect(page.get_by_text("Request to represent the organisation")).to_be_visible()
    assert_no_axe_violations(page)


def test_directory_filters_without_javascript(live, browser, organization, other_organization):
    context = browser.new_context(base_url=live.url, java_script_enabled=False)
    no_js = context.new_page()
    no_js.goto("/en/organizacje/")  # axe itself needs JavaScript; the other journeys run it here
    no_js.get_by_label("Kind").select_option("fundacja")
    no_js.get_by_role("button", name="Show organisations").click()
    expect(no_js.get_by_text("1 organisation found")).to_be_visible()
    expect(no_js.get_by_role("link", name="Fundacja Ławki Razem")).to_be_visible()
    context.close()


def test_registration_without_javascript(live, browser, users):
    context = browser.new_context(base_url=live.url, java_script_enabled=False)
    no_js = context.new_page()
    log_in(no_js, live, users["resident"])
    no_js.goto("/en/organizacje/zglos/")
    no_js.get_by_label("Name (required)").fill("Grupa Bez Skryptów")
    no_js.get_by_label("Kind (required)").select_option("grupa-nieformalna")
    no_js.get_by_label("Description").fill("<p>Zwykłe pole tekstowe</p><script>x()</script>")
    no_js.get_by_role("button", name="Send for approval").click()
    expect(no_js.get_by_role("heading", level=1)).to_have_text("Grupa Bez Skryptów")
    assert Organization.objects.get(name="Grupa Bez Skryptów").description == (
        "<p>Zwykłe pole tekstowe</p>"
    )
    context.close()
