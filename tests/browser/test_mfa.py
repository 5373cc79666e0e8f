"""Two-step verification in a real browser, in Polish, with axe-core on every page: a staff member
logs in with password and code; a new staff member sets up the app on the way in."""

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from pomyslowice.accounts.roles import Role
from tests.conftest import PASSWORD, totp_code

from .support import assert_no_axe_violations


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def enter_password(page, email: str) -> None:
    page.goto("/konto/login/")
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj", exact=True).click()


def test_staff_log_in_with_password_and_code(live, page, users):
    enter_password(page, users["coordinator"].email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Autoryzacja dwuskładnikowa")
    assert_no_axe_violations(page)

    page.get_by_label("Kod").fill("000000" if totp_code() != "000000" else "111111")
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Autoryzacja dwuskładnikowa")
    assert_no_axe_violations(page)  # the error message too

    page.get_by_label("Kod").fill(totp_code())
    page.get_by_role("button", name="Zaloguj", exact=True).click()
    expect(page.get_by_role("button", name="Wyloguj się")).to_be_visible()
    page.goto("/panel/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.url.endswith("/panel/")


def test_new_staff_member_sets_up_the_app_on_the_way_in(live, page, unenrolled_staff):
    user = unenrolled_staff(Role.NGO_CARETAKER)
    page.goto("/en/konto/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto("/en/panel/")
    # Sent to the set-up, which asks for the password again first.
    expect(page.get_by_role("status")).to_contain_text("protected by two-step verification")
    assert_no_axe_violations(page)
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step verification")
    qr = page.get_by_role("img", name="QR code to scan with the authenticator app")
    expect(qr).to_be_visible()
    # The QR code is a data: image: it must load, not be blocked by the policy.
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
    assert_no_axe_violations(page)

    secret = page.get_by_label("Secret key").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on two-step verification").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Set up two-step verification")
    assert_no_axe_violations(page)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    page.goto("/en/panel/")
    assert page.url.endswith("/en/panel/")
