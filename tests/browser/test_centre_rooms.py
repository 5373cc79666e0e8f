"""A representative requests a room, a coordinator approves it, the representative sees it."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from pomyslowice.centre.models import BookingStatus, Room, RoomBooking
from pomyslowice.centre.room_services import ensure_default_opening_hours
from tests.browser.support import assert_no_axe_violations, log_in
from tests.centre.conftest import next_weekday

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


@pytest.fixture
def room(transactional_db):
    room = Room.objects.create(
        name="Sala szkoleniowa",
        slug="sala-szkoleniowa",
        capacity=30,
        layouts=[Room.Layout.CLASSROOM],
        step_free_access=True,
    )
    ensure_default_opening_hours(room=room)
    return room


def test_representative_requests_room_and_coordinator_approves(
    live, page, browser, users, room, organization
):
    tuesday = next_weekday(1, after=datetime.date.today() + datetime.timedelta(days=7))
    log_in(page, live, users["representative"])
    page.goto("/osrodek/sale/")
    assert_no_axe_violations(page)
    page.locator(f'main h3 a[href="/osrodek/sale/{room.slug}/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(room.name)
    assert_no_axe_violations(page)
    page.goto(f"/osrodek/sale/{room.slug}/?dzien={tuesday.isoformat()}")
    assert_no_axe_violations(page)

    page.locator(f'a[href="/osrodek/sale/{room.slug}/rezerwuj/"]').first.click()
    assert_no_axe_violations(page)
    page.locator("#id_organization").select_option(str(organization.pk))
    page.locator("#id_date").fill(tuesday.isoformat())
    page.locator("#id_starts_at").fill("17:00")
    page.locator("#id_ends_at").fill("19:00")
    page.locator("#id_purpose").fill("Spotkanie członków stowarzyszenia")
    page.locator("#id_expected_people").fill("15")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/osrodek/sale/rezerwacje/\d+/$"))
    booking = RoomBooking.objects.get()
    assert booking.status == BookingStatus.PENDING
    assert_no_axe_violations(page)

    staff = browser.new_context(base_url=live.url, locale="pl-PL").new_page()
    log_in(staff, live, users["coordinator"])
    staff.goto("/osrodek/sale/rezerwacje/do-zatwierdzenia/")
    expect(staff.locator("main article")).to_have_count(1)
    assert_no_axe_violations(staff)
    staff.locator(f'form[action$="/rezerwacje/{booking.pk}/zatwierdz/"] button').click()
    expect(staff.locator("main article")).to_have_count(0)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED
    staff.context.close()

    page.goto("/osrodek/sale/rezerwacje/")
    row = page.locator("main table tbody tr", has_text="Spotkanie członków stowarzyszenia")
    expect(row).to_contain_text(str(booking.get_status_display()))
    assert_no_axe_violations(page)
