"""The directory's journeys in a real Chromium, with axe-core on every page they pass."""

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from pomyslowice.organizations.models import Person

from ..people.conftest import link_from, make_person
from .support import assert_no_axe_violations, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()  # the contact form's rate limit counts per address, across tests
    yield live_server
    cache.clear()


def test_leader_added_by_staff_consents_and_is_contacted(live, page, browser, users, area):
    log_in(page, live, users["coordinator"])
    page.goto("/en/ludzie/dodaj/")
    assert_no_axe_violations(page)
    make_person("Zajęty Adres", email="zajety@example.org")
    page.get_by_label("Full name").fill("Regina Przeglądarkowa")
    page.get_by_label("E-mail address").fill("zajety@example.org")
    page.get_by_role("button", name="Save the draft and send the link").click()
    expect(page.locator("#id_email_error")).to_contain_text("already in the directory or invited")
    assert_no_axe_violations(page)
    page.get_by_label("E-mail address").fill("regina@example.org")
    page.get_by_label("Skills").fill("warsztaty rękodzieła")
    page.get_by_role("button", name="Save the draft and send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leaders awaiting consent")
    expect(page.get_by_role("cell", name="Regina Przeglądarkowa", exact=True)).to_be_visible()
    assert_no_axe_violations(page)

    invitee = browser.new_context(base_url=live.url, locale="en-GB").new_page()
    invitee.goto("/en" + link_from(mail.outbox[-1]))
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Your profile in the directory")
    assert_no_axe_violations(invitee)
    consent = invitee.get_by_role("group", name="What may be public")
    consent.get_by_label("My name").check()
    consent.get_by_label("My skills").check()
    consent.get_by_label("A contact form").check()
    invitee.get_by_role("button", name="Save my choices").click()
    expect(invitee.get_by_role("status")).to_contain_text("Your choices have been saved")
    assert_no_axe_violations(invitee)

    invitee.goto("/en/ludzie/?q=rekodziela")
    assert_no_axe_violations(invitee)
    invitee.get_by_role("link", name="Regina Przeglądarkowa").click()
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Regina Przeglądarkowa")
    assert_no_axe_violations(invitee)
    invitee.get_by_role("link", name="Write to Regina Przeglądarkowa").click()
    assert_no_axe_violations(invitee)
    invitee.get_by_label("Your name").fill("Tadeusz Pytający")
    invitee.get_by_label("Your e-mail address").fill("tadeusz@example.org")
    invitee.get_by_label("Message").fill("Czy poprowadzi Pani warsztaty w szkole?")
    invitee.get_by_role("button", name="Send the message").click()
    expect(invitee.get_by_role("status")).to_contain_text("Your message has been sent.")
    assert mail.outbox[-1].to == ["regina@example.org"]
    assert "regina@example.org" not in invitee.content()


def test_own_profile_and_consent_pages(live, page, users):
    log_in(page, live, users["resident"])
    page.goto("/en/ludzie/moj-profil/")
    assert_no_axe_violations(page)
    page.get_by_label("Full name").fill("Janina Mieszko")
    page.get_by_label("Photo:", exact=True).set_input_files(
        files=[{"name": "x.png", "mimeType": "image/png", "buffer": b"not an image"}]
    )
    page.get_by_role("group", name="What may be public").get_by_label("My name").check()
    page.get_by_role("button", name="Save my profile").click()
    expect(page.locator("#id_photo_error")).to_contain_text("Upload a valid image")
    assert_no_axe_violations(page)
    page.get_by_role("group", name="What may be public").get_by_label("My name").check()
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")
    assert_no_axe_violations(page)
    assert Person.objects.get(user=users["resident"]).slug == "janina-mieszko"

    page.goto("/en/ludzie/zgoda/zepsuty-link/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Get a new link").click()
    assert_no_axe_violations(page)
