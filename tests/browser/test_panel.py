"""The staff panel's start screen for each staff role in a real Chromium, checked by axe-core."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from pomyslowice.accounts.roles import ROLE_LABELS
from pomyslowice.centre.models import RoomBooking
from pomyslowice.organizations.models import Organization
from tests.browser.support import assert_no_axe_violations, log_in
from tests.conftest import STAFF_PERSONAS, make_organization
from tests.reports.test_panel import make_booking, make_hours, make_room, make_volunteer_offer
from tests.volunteering.engagement_helpers import make_engagement

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


@pytest.fixture
def work(users, organization):
    """Something to act on in every section."""
    make_organization("Koło Gospodyń z Larysza", status=Organization.Status.PENDING)
    Organization.objects.filter(pk=organization.pk).update(caretaker=users["ngo_caretaker"])
    offer = make_volunteer_offer(organization)
    make_hours(make_engagement(offer, users["volunteer"]))
    return make_booking(make_room())


@pytest.mark.parametrize("persona, role", STAFF_PERSONAS.items())
def test_start_screen_of_each_staff_role(page, live, users, work, persona, role):
    log_in(page, live, users[persona])
    page.goto("/en/panel/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff panel")
    with translation.override("en"):
        heading = f"As {ROLE_LABELS[role]}"
    expect(page.get_by_role("heading", level=2)).to_have_text(heading)
    assert_no_axe_violations(page)


def test_technical_admin_sees_a_short_screen_of_admin_tools(page, live, users, work):
    log_in(page, live, users["technical_admin"])
    page.goto("/en/panel/")
    expect(page.locator(".panel-item")).to_have_count(1)
    page.get_by_role("link", name="Users and their roles").click()
    expect(page).to_have_url(f"{live.url}/en/admin/accounts/user/")


def test_coordinator_approves_a_room_request_in_place(page, live, users, work):
    log_in(page, live, users["coordinator"])
    page.goto("/en/panel/")
    # A mark that a page load would wipe out: htmx swaps the row without one.
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(f"#booking-{work.pk}")).to_contain_text("The booking is approved")
    assert page.evaluate("window.stillTheSamePage === true")
    assert_no_axe_violations(page)
    work.refresh_from_db()
    assert work.status == RoomBooking.Status.APPROVED


def test_coordinator_approves_a_room_request_without_javascript(browser, live, users, work):
    context = browser.new_context(base_url=live.url, java_script_enabled=False)
    tab = context.new_page()
    log_in(tab, live, users["coordinator"])
    tab.goto("/en/panel/")
    tab.get_by_role("button", name="Approve").click()
    expect(tab.get_by_role("status")).to_contain_text("The booking is approved")
    context.close()
    work.refresh_from_db()
    assert work.status == RoomBooking.Status.APPROVED
