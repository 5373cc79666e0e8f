"""The privacy policy, an information clause and the consents page in a real Chromium, checked
by axe-core."""

import pytest
from playwright.sync_api import expect

from pomyslowice.privacy.consents import record_consent

from .support import assert_no_axe_violations, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_policy_page_is_accessible_and_lists_the_purposes(live, page):
    page.goto("/en/")
    page.get_by_role("link", name="Privacy policy").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy policy")
    table = page.get_by_role("table", name="Purposes of processing at a glance")
    expect(table.get_by_role("rowheader", name="Grant call alerts")).to_be_visible()
    assert_no_axe_violations(page)


def test_the_clause_opens_under_the_sign_up_form(live, page):
    page.goto("/en/konto/signup/")
    summary = page.get_by_text("How we process your data (information under Art. 13 GDPR)")

    summary.click()

    expect(page.get_by_text("Art. 6(1)(b) GDPR: the service you asked for")).to_be_visible()
    assert_no_axe_violations(page)


def test_withdrawing_a_consent(live, page, users):
    resident = users["resident"]
    record = record_consent(purpose="grant_call_alerts", user=resident, text="Powiadomienia.")
    log_in(page, live, resident)

    page.goto("/en/konto/zgody/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Withdraw consent").click()
    assert_no_axe_violations(page)
    page.get_by_label("I understand what withdrawing this consent changes.").check()
    page.get_by_role("button", name="Withdraw consent").click()

    expect(page.get_by_text("Your consent has been withdrawn.")).to_be_visible()
    assert_no_axe_violations(page)
    record.refresh_from_db()
    assert not record.is_active
