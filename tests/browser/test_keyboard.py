"""The main journeys with the keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.3, 3.3.1): no clicks, only
Tab, Shift+Tab, Enter, Space, arrows and typing, with the focus checked at each step."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from pomyslowice.centre.models import RoomBooking
from pomyslowice.events.models import Registration
from pomyslowice.volunteering.models import Application
from tests.centre.conftest import next_weekday, room  # noqa: F401  (a fixture)
from tests.events.test_registration_services import make_training
from tests.volunteering.conftest import make_offer, make_profile, years_ago

from .support import log_in

# More Tab presses than any page here has stops before the one wanted.
MAX_TABS = 120


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, key="Tab") -> None:
    """Press Tab (or Shift+Tab) until `locator` has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if is_focused(locator):
            return
    raise AssertionError(f"{key} never reached {locator} on {page.url}")


def type_into(page, locator, text: str) -> None:
    tab_to(page, locator)
    page.keyboard.type(text)


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


@pytest.mark.parametrize(
    "path", ["/", "/wydarzenia/", "/organizacje/", "/konto/login/", "/osrodek/sale/"]
)
def test_skip_link_is_the_first_tab_stop_and_moves_the_focus_to_main(live, page, path):
    page.goto(path)

    page.keyboard.press("Tab")

    skip = page.locator("a.skip-link")
    assert is_focused(skip)
    expect(skip).to_be_visible()  # shown when focused, not only to screen readers
    expect(skip).to_have_attribute("href", "#main")
    page.keyboard.press("Enter")
    assert focused_id(page) == "main"
    # The next Tab goes on into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_guest_registers_for_a_training_with_the_keyboard(live, page, organization):
    training = make_training(organizer=organization, capacity=5)
    page.goto(f"/en/wydarzenia/{training.slug}/")

    register = page.locator("main").get_by_role("link", name="Register", exact=True)
    tab_to(page, register)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(training.title)

    # Sent empty first: the error summary takes the focus and links to the fields.
    submit = page.locator("main form[method=post] button[type=submit]").last
    tab_to(page, submit)
    page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    tab_to(page, summary.get_by_role("link").first)
    page.keyboard.press("Enter")
    assert focused_id(page) == "id_name"

    page.keyboard.type("Gość Klawiaturowy")
    type_into(page, page.locator("#id_email"), "klawiatura@example.org")
    tab_to(page, submit)
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_be_visible()
    registration = Registration.objects.get(event=training)
    assert registration.email == "klawiatura@example.org"
    assert registration.name == "Gość Klawiaturowy"


def test_representative_requests_a_room_with_the_keyboard(
    live,
    page,
    users,
    organization,
    room,  # noqa: F811
):
    day = next_weekday(1, after=datetime.date.today() + datetime.timedelta(days=7))
    log_in(page, live, users["representative"])
    page.goto("/en/osrodek/sale/")

    tab_to(page, page.locator("main").get_by_role("link", name=room.name).first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(room.name)
    tab_to(page, page.get_by_role("link", name="Request this room"))
    page.keyboard.press("Enter")

    date = page.locator("#id_date")
    tab_to(page, date)
    # Headless Chromium orders the date's segments the US way (month first), whatever the locale.
    page.keyboard.type(day.strftime("%m%d%Y"))
    expect(date).to_have_value(day.isoformat())
    # "AM"/"PM" fill the half-day segment of a 12-hour field; a 24-hour one ignores them.
    type_into(page, page.locator("#id_starts_at"), "1000AM")
    expect(page.locator("#id_starts_at")).to_have_value("10:00")
    type_into(page, page.locator("#id_ends_at"), "1200PM")
    expect(page.locator("#id_ends_at")).to_have_value("12:00")
    organization_select = page.locator("#id_organization")
    tab_to(page, organization_select)
    page.keyboard.press("ArrowDown")
    expect(organization_select).to_have_value(str(organization.pk))
    type_into(page, page.locator("#id_purpose"), "Zebranie zarządu")
    type_into(page, page.locator("#id_expected_people"), "8")
    # Back with Shift+Tab to check the order runs both ways.
    tab_to(page, organization_select, key="Shift+Tab")
    tab_to(page, page.get_by_role("button", name="Send the request"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/osrodek/sale/rezerwacje/\d+/$"))
    booking = RoomBooking.objects.get()
    assert booking.room == room and booking.organization == organization
    assert booking.requested_by == users["representative"]
    assert booking.purpose == "Zebranie zarządu" and booking.expected_people == 8


def test_volunteer_applies_for_an_offer_with_the_keyboard(live, page, users, organization):
    users["volunteer"].birth_date = years_ago(25)
    users["volunteer"].save(update_fields=["birth_date"])
    make_profile(users["volunteer"])
    offer = make_offer(organization, "Pomoc w bibliotece świetlicy", min_age=18)
    log_in(page, live, users["volunteer"])
    page.goto("/en/wolontariat/")

    tab_to(page, page.locator("main").get_by_role("link", name=offer.title).first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(offer.title)
    tab_to(page, page.get_by_role("link", name="Apply for this offer"))
    page.keyboard.press("Enter")

    type_into(page, page.locator("#id_message"), "Lubię porządkować książki.")
    tab_to(page, page.get_by_role("button", name="Send the application"))
    page.keyboard.press("Space")

    expect(page.get_by_role("status")).to_be_visible()
    application = Application.objects.get()
    assert application.offer == offer and application.volunteer == users["volunteer"]
    assert application.message == "Lubię porządkować książki."
