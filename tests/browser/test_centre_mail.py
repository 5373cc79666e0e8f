"""An NGO caretaker logs a registered letter, the representative is told by e-mail, the
caretaker records the pickup, and the representative sees it among the organisation's mail."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pomyslowice.centre.models import MailItem
from pomyslowice.organizations.models import SupportRecord
from tests.browser.support import assert_no_axe_violations, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_caretaker_logs_a_letter_and_records_its_pickup(live, page, users, organization):
    organization.uses_centre_address = True
    organization.save(update_fields=["uses_centre_address"])
    log_in(page, live, users["ngo_caretaker"])

    page.goto("/en/osrodek/poczta/dodaj/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log incoming mail")
    assert_no_axe_violations(page)
    page.get_by_label("Organisation").select_option(label=organization.name)
    page.get_by_label("Sender").fill("Sąd Rejonowy Katowice-Wschód")
    page.get_by_label("Type").select_option(MailItem.Kind.OFFICIAL_LETTER)
    page.get_by_label("Registered mail").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/en/osrodek/poczta/\d+/$"))
    assert_no_axe_violations(page)
    item = MailItem.objects.get()
    assert item.registered and item.status == MailItem.Status.WAITING
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]
    assert "Sąd Rejonowy Katowice-Wschód" in mail.outbox[0].body

    page.get_by_label("Name of the person picking up, as signed").fill("Piotr Reprezentant")
    page.get_by_label("Their account (optional)").select_option(str(users["representative"].pk))
    page.get_by_role("button", name="Record the pickup").click()
    expect(page.get_by_role("status")).to_contain_text("The pickup has been recorded.")
    assert_no_axe_violations(page)
    item.refresh_from_db()
    assert item.status == MailItem.Status.PICKED_UP
    assert SupportRecord.objects.filter(kind="mail", organization=organization).count() == 1

    for path in (
        "/en/osrodek/poczta/",
        "/en/osrodek/poczta/organizacje/",
        "/en/osrodek/poczta/nieodebrane/",
    ):
        page.goto(path)
        assert_no_axe_violations(page)

    page.context.clear_cookies()
    log_in(page, live, users["representative"])
    page.goto("/en/osrodek/poczta/moje/")
    expect(page.get_by_role("table", name="Mail history")).to_contain_text(
        "Sąd Rejonowy Katowice-Wschód"
    )
    expect(page.get_by_role("table", name="Mail history")).to_contain_text("Picked up")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Sąd Rejonowy")).first.click()
    expect(page.get_by_text("Piotr Reprezentant")).to_be_visible()
    assert_no_axe_violations(page)
