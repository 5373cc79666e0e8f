"""The account pages in a real Chromium, checked by axe-core: sign-up to deletion."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pomyslowice.accounts.models import User

from ..conftest import PASSWORD, totp_code
from .support import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def log_in(page, email: str, *, staff: bool = False) -> None:
    page.goto("/en/konto/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    if staff:  # staff accounts are enrolled in two-step verification
        page.get_by_label("Code").fill(totp_code())
        page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")


def test_sign_up_confirm_and_log_in(live, page):
    page.goto("/en/konto/signup/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Sign Up").click()  # empty: errors must be accessible too
    assert_no_axe_violations(page)
    page.get_by_label("Email").fill("nowa@example.org")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("I have read the information on how my data are processed").check()
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    assert_no_axe_violations(page)

    link = re.search(r"http://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirm").click()
    log_in(page, "nowa@example.org")
    assert_no_axe_violations(page)


def test_account_pages(live, page, users):
    log_in(page, users["resident"].email)
    assert_no_axe_violations(page)

    page.goto("/en/konto/tokeny/")
    assert_no_axe_violations(page)
    page.get_by_label("Token name").fill("Kalendarz")
    page.get_by_role("button", name="Create token").click()
    expect(page.locator(".token-secret")).to_contain_text("pmw_")
    assert_no_axe_violations(page)

    for path in ["/en/konto/email/", "/en/konto/password/change/", "/en/konto/logout/"]:
        page.goto(path)
        assert_no_axe_violations(page)

    page.goto("/en/konto/usun/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Delete my account permanently").click()
    assert_no_axe_violations(page)  # with the errors shown
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account permanently").click()
    expect(page.get_by_role("status")).to_contain_text("Your account has been deleted")
    assert not User.objects.filter(email=users["resident"].email).exists()


def test_staff_delete_page_and_password_reset(live, page, users):
    page.goto("/en/konto/password/reset/")
    assert_no_axe_violations(page)
    log_in(page, users["coordinator"].email, staff=True)
    page.goto("/en/konto/usun/")
    expect(page.get_by_role("status")).to_contain_text("technical administrator")
    assert_no_axe_violations(page)
