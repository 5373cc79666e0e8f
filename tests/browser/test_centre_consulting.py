"""A guest books a first-contact consultation, confirms it from the e-mail and sees it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pomyslowice.centre.models import Appointment, Consultant, ConsultingService
from tests.browser.support import assert_no_axe_violations, log_in
from tests.centre.conftest import consultant, first_contact  # noqa: F401 (fixtures)
from tests.centre.consulting.conftest import at, book, make_past, working_monday

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("first_contact")]


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_guest_books_and_confirms_a_consultation(live, page):
    service = ConsultingService.objects.get()
    monday = working_monday()

    page.goto("/osrodek/doradztwo/")
    assert_no_axe_violations(page)
    page.locator(f'a[href="/osrodek/doradztwo/{service.slug}/"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Porada pierwszego kontaktu")
    page.goto(f"/osrodek/doradztwo/{service.slug}/?tydzien={monday.isoformat()}")
    assert_no_axe_violations(page)
    page.locator("main button[name=slot]").first.click()
    expect(page).to_have_url(re.compile(r"/rezerwuj/"))
    assert_no_axe_violations(page)
    page.locator("#id_name").fill("Grażyna Gość")
    page.locator("#id_email").fill("grazyna@example.org")
    page.locator("#id_question").fill("Jak założyć fundację?")
    page.locator("main form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(f"/osrodek/doradztwo/{service.slug}/"))
    assert_no_axe_violations(page)
    appointment = Appointment.objects.get()
    assert appointment.status == Appointment.Status.UNCONFIRMED
    assert appointment.start == at(monday, 11)

    link = re.search(r"https?://[^/]+(/\S*potwierdz/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(link)
    assert_no_axe_violations(page)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/osrodek/doradztwo/wizyta/[^/]+/$"))
    expect(page.locator("main")).to_contain_text("Grażyna Gość")
    assert_no_axe_violations(page)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    assert mail.outbox[-2].attachments[0][0].endswith(".ics")


def test_consultant_pages_are_accessible(live, page, users):
    service = ConsultingService.objects.get()
    adviser = Consultant.objects.get()
    monday = working_monday()
    upcoming = book(service, adviser, at(monday, 11), user=users["resident"])
    past = make_past(book(service, adviser, at(monday, 12), user=users["resident"]))
    log_in(page, live, adviser.user)

    page.goto("/osrodek/doradztwo/wizyty/")
    expect(page.locator("main table").first).to_contain_text("Gość Testowy")
    assert_no_axe_violations(page)
    page.goto(f"/osrodek/doradztwo/wizyty/{upcoming.pk}/")
    assert_no_axe_violations(page)
    page.goto(f"/osrodek/doradztwo/wizyty/{past.pk}/wynik/")
    assert_no_axe_violations(page)
    page.locator("input[name=held][value='1']").check()
    page.locator("#id_topics").fill("Statut")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(f"/wizyty/{past.pk}/$"))
    assert_no_axe_violations(page)
    page.goto("/osrodek/doradztwo/dostepnosc/")
    assert_no_axe_violations(page)
    page.locator("#id_date").fill(monday.isoformat())
    page.locator("#id_kind").select_option("unavailable")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("main table")).to_contain_text(monday.strftime("%d.%m.%Y").lstrip("0"))
    assert_no_axe_violations(page)
    page.goto(f"/osrodek/doradztwo/wizyty/{upcoming.pk}/przeloz/?tydzien={monday.isoformat()}")
    assert_no_axe_violations(page)
