"""A coordinator opens the projects, a dashboard with its charts and the budget; axe on each."""

import pytest
from playwright.sync_api import expect

from tests.browser.support import assert_no_axe_violations, log_in
from tests.reports.conftest import (  # noqa: F401  (fixtures)
    brzezinka,
    budget_lines,
    culture,
    dataset,
    project,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


@pytest.mark.usefixtures("dataset", "budget_lines")
def test_coordinator_reads_the_dashboard_and_the_budget(live, page, users):
    log_in(page, live, users["coordinator"])
    page.goto("/en/panel/wskazniki/")
    expect(page.get_by_role("cell", name="3 of 40 (7%)")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="POMYSłowice 2011", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("POMYSłowice 2011")
    expect(page.get_by_role("img", name="By support type: persons")).to_be_visible()
    expect(page.locator("#progress-2")).to_contain_text("4 of 16 (25%)")
    assert_no_axe_violations(page)

    page.get_by_label("From:").fill("2025-05-01")
    page.get_by_label("To:").fill("2025-04-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#progress-1")).to_contain_text("3 of 40")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Budget", exact=True).click()
    expect(page.locator("#budget-amounts")).to_contain_text("39,435.00 zł")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Record an expense").click()
    page.get_by_label("Date").fill("2025-03-10")
    page.get_by_label("What was bought").fill("Plakaty o ośrodku")
    page.get_by_label("Amount (zł)").fill("-5")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Amount (zł)").fill("780")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("status")).to_contain_text("The expense has been recorded.")
    expect(page.locator("#expenses")).to_contain_text("Plakaty o ośrodku")
    assert_no_axe_violations(page)
