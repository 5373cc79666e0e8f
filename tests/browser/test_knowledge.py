"""Knowledge base journeys in a real Chromium, with axe-core on every page they pass."""

import re

import pytest
from playwright.sync_api import expect

from pomyslowice.knowledge.models import Article
from tests.browser.support import assert_no_axe_violations, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_staff_publishes_good_practice_and_visitor_finds_it(live, page, browser, users, area):
    log_in(page, live, users["coordinator"])
    page.goto("/en/wiedza/nowy/")
    assert_no_axe_violations(page)
    page.get_by_label("Kind (required)").select_option("good-practice")
    page.get_by_label("Title (required)").fill("Ławki dla seniorów na Piasku")
    page.get_by_label("Lead").fill("Jak w trzy miesiące postawiliśmy dwanaście ławek.")
    page.get_by_role("textbox", name="Text").fill("Mieszkańcy sami wybrali miejsca.")
    page.get_by_label("Problem").fill("Seniorzy nie mieli gdzie odpocząć w drodze do przychodni.")
    page.get_by_label("Tags").fill("seniorzy, przestrzeń publiczna")
    page.get_by_label(area.name).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The draft is saved.")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("The article is published.")).to_be_visible()
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert "Mieszkańcy sami wybrali miejsca." in article.body

    visitor = browser.new_context(base_url=live.url, locale="pl-PL").new_page()
    visitor.goto("/en/wiedza/")
    assert_no_axe_violations(visitor)
    visitor.get_by_role("navigation", name="Kinds of articles").get_by_role(
        "link", name="Good practice"
    ).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Good practice")
    assert_no_axe_violations(visitor)
    visitor.get_by_role("link", name="Ławki dla seniorów na Piasku").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Ławki dla seniorów na Piasku")
    expect(visitor.get_by_text("Seniorzy nie mieli gdzie odpocząć")).to_be_visible()
    expect(visitor.get_by_role("link", name="seniorzy")).to_be_visible()
    assert_no_axe_violations(visitor)
    visitor.get_by_role("link", name=re.compile("^seniorzy$")).click()
    expect(visitor.get_by_role("link", name="Ławki dla seniorów na Piasku")).to_be_visible()
    assert_no_axe_violations(visitor)

    page.goto(f"/en/wiedza/{article.slug}/historia/")
    assert_no_axe_violations(page)
    page.goto(f"/en/wiedza/{article.slug}/historia/{article.revisions.get().pk}/")
    expect(page.get_by_role("heading", name="Title")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto("/en/wiedza/do-przegladu/")
    assert_no_axe_violations(page)
