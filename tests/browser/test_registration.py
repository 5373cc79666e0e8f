"""A guest registers for a training, confirms from the e-mail and cancels, in Polish."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pomyslowice.events.models import Registration
from tests.browser.support import assert_no_axe_violations
from tests.events.test_registration_services import make_training

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def link_from(message, live) -> str:
    match = re.search(r"https?://\S+?(/wydarzenia/zapisy/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_guest_registers_confirms_and_cancels(live, page, organization):
    training = make_training(
        "Szkolenie z księgowości", slug="szkolenie-ksiegowosc", capacity=1, organizer=organization
    )

    page.goto(f"/wydarzenia/{training.slug}/")
    assert_no_axe_violations(page)
    page.locator(f'a[href="/wydarzenia/{training.slug}/zapisz/"]').click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Szkolenie z księgowości")
    assert_no_axe_violations(page)
    page.locator("#id_name").fill("Grażyna Gość")
    page.locator("#id_email").fill("grazyna@example.org")
    page.locator("#id_needs").fill("Dostęp dla wózka")
    page.locator("form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(f"/wydarzenia/{training.slug}/$"))
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.UNCONFIRMED
    assert_no_axe_violations(page)

    assert mail.outbox[-1].to == ["grazyna@example.org"]
    page.goto(link_from(mail.outbox[-1], live))
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/wydarzenia/zapisy/[^/]+/$"))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert_no_axe_violations(page)

    manage = link_from(mail.outbox[-1], live)
    assert "potwierdz" not in manage
    page.goto(manage)
    page.locator("main form button.button-danger").click()
    expect(page.locator("main form button.button-danger")).to_have_count(0)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert_no_axe_violations(page)
