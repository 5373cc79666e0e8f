"""The NGO caretaker records a phone call and finds it on the organisation's timeline; the
representative edits the organisation's strategy plan and adds an action."""

import pytest
from playwright.sync_api import expect

from pomyslowice.centre import strategy_services
from pomyslowice.centre.models import CaretakerContact, StrategyAction, StrategyPlan
from pomyslowice.organizations.models import Organization, SupportRecord
from tests.browser.support import assert_no_axe_violations, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_caretaker_records_a_phone_contact(live, page, users, organization):
    Organization.objects.filter(pk=organization.pk).update(caretaker=users["ngo_caretaker"])
    log_in(page, live, users["ngo_caretaker"])

    page.goto("/en/osrodek/opieka/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=organization.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(organization.name)
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Record a contact").click()
    assert_no_axe_violations(page)
    page.get_by_label("Type").select_option("phone")
    page.get_by_label("Duration (minutes)").fill("25")
    page.get_by_label("Topic").fill("Sprawozdanie z dotacji miejskiej")
    page.get_by_label("Who we spoke to").fill("Anna Nowak")
    page.get_by_label("Notes (staff only)").fill("Potrzebują pomocy z zestawieniem faktur.")
    page.get_by_role("button", name="Save the contact").click()

    expect(page.get_by_role("status")).to_contain_text("The contact has been recorded")
    timeline = page.get_by_role("list").filter(has_text="Sprawozdanie z dotacji miejskiej")
    expect(timeline).to_contain_text("Phone call")
    expect(timeline).to_contain_text("Potrzebują pomocy z zestawieniem faktur.")
    assert_no_axe_violations(page)
    contact = CaretakerContact.objects.get()
    assert SupportRecord.objects.get(kind="caretaker-contact").source_id == str(contact.pk)


def test_representative_edits_the_strategy_plan(live, page, users, organization):
    strategy_services.save_plan(
        plan_or_org=organization,
        by=users["ngo_caretaker"],
        based_on_version=0,
        data={"goals": "Świetlica dla dzieci", "partners": []},
    )
    log_in(page, live, users["representative"])

    page.goto(f"/en/osrodek/strategie/{organization.slug}/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Edit the plan").click()
    assert_no_axe_violations(page)
    page.get_by_label("Strengths").fill("Zaangażowani wolontariusze z dzielnicy")
    page.get_by_label("Threats").fill("Wypalenie liderów")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("status")).to_contain_text("The strategy plan has been saved")
    assert_no_axe_violations(page)

    new_action = page.get_by_role("group", name="Add an action")
    new_action.get_by_label("Action").fill("Nabór wolontariuszy do świetlicy")
    new_action.get_by_label("Who is responsible").fill("Zarząd")
    new_action.get_by_label("Deadline").fill("2031-06-30")
    page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_role("table", name="Actions")).to_contain_text(
        "Nabór wolontariuszy do świetlicy"
    )
    assert_no_axe_violations(page)

    plan = StrategyPlan.objects.get()
    assert plan.strengths == "Zaangażowani wolontariusze z dzielnicy"
    assert plan.version == 3
    assert StrategyAction.objects.get().owner == "Zarząd"
    page.get_by_role("link", name="Versions").click()
    assert_no_axe_violations(page)
    page.goto(f"/en/osrodek/strategie/{organization.slug}/druk/")
    expect(page.get_by_role("table", name="Actions")).to_contain_text("Zarząd")
    assert_no_axe_violations(page)
