"""A participant survey in a real Chromium, checked by axe-core on every page: the analyst builds
a small survey and sends it, a respondent answers through the e-mailed link, the analyst reads
the results."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pomyslowice.accounts.roles import Role
from pomyslowice.surveys.models import Response, Survey
from tests.browser.support import assert_no_axe_violations, log_in
from tests.conftest import create_user

pytestmark = pytest.mark.browser

TITLE = "Ocena warsztatów z RODO"


@pytest.fixture
def analyst(transactional_db):
    return create_user("analityk@example.org", role=Role.ANALYST)


def build(page) -> None:
    page.goto("/en/panel/ankiety/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="New survey").click()
    assert_no_axe_violations(page)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Introduction").fill("Trzy minuty, anonimowo.")
    page.get_by_role("button", name="Save the survey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Add a question").click()
    assert_no_axe_violations(page)
    page.get_by_label("Question:", exact=True).fill("Jak oceniasz warsztaty?")
    page.get_by_label("Kind").select_option("scale")
    page.get_by_label("Scale:", exact=True).select_option("5")
    page.get_by_label("Label of 1").fill("słabo")
    page.get_by_label("Label of the highest value").fill("świetnie")
    page.get_by_role("button", name="Save the question").click()

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Question:", exact=True).fill("Czy przyjdziesz znowu?")
    page.get_by_label("Kind").select_option("single")
    page.get_by_label("Answer options").fill("Tak\nNie\nNie wiem")
    page.get_by_role("button", name="Save the question").click()
    expect(page.locator("#questions > li")).to_have_count(2)
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Open the survey").click()
    expect(page.locator("#survey-status")).to_have_text("Open")


def send(page) -> None:
    page.get_by_role("link", name="Send the survey").click()
    assert_no_axe_violations(page)
    page.get_by_label("a list of e-mail addresses").check()
    page.get_by_label("E-mail addresses:", exact=True).fill("uczestniczka@example.org")
    page.get_by_role("button", name="Send the survey").click()
    expect(page.get_by_role("status")).to_contain_text("sent to 1 address")


def answer(page, link: str) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send the answers").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("4", exact=True).check()
    page.get_by_label("Tak", exact=True).check()
    page.get_by_role("button", name="Send the answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert_no_axe_violations(page)


def test_analyst_builds_sends_and_reads_a_survey(page, live_server, analyst, browser):
    log_in(page, live_server, analyst)
    build(page)
    send(page)

    link = re.search(r"http://\S+/ankiety/[\w-]+/", mail.outbox[-1].body).group(0)
    link = link.replace(link.split("/ankiety/")[0], live_server.url)
    respondent = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    answer(respondent, link.replace("/ankiety/", "/en/ankiety/", 1))
    respondent.context.close()

    survey = Survey.objects.get(title=TITLE)
    assert Response.objects.get(survey=survey).invitation is None
    page.goto(f"/en/panel/ankiety/{survey.pk}/wyniki/")
    expect(page.locator("#rate")).to_have_text("100.0%")
    expect(page.get_by_role("img", name=re.compile("Jak oceniasz warsztaty"))).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Czy przyjdziesz znowu"))).to_contain_text(
        "100.0%"
    )
    assert_no_axe_violations(page)
