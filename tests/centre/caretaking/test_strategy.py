import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from pomyslowice.centre import strategy_services as services
from pomyslowice.centre.models import StrategyAction, StrategyPlan, StrategyReview
from pomyslowice.centre.strategy_views import mine_strategy_context
from pomyslowice.organizations.models import Organization, SupportRecord
from tests.conftest import PERSONAS, make_organization

TODAY = timezone.localdate
EDITORS = {"representative", "coordinator", "ngo_caretaker"}
PLAN_DATA = {
    "strengths": "Silne",
    "weaknesses": "Słabe",
    "opportunities": "Szanse",
    "threats": "Zagrożenia",
    "goals": "Cele",
    "partners": [],
    "partnership_notes": "",
    "next_review": None,
}


def _url(organization, rest=""):
    return f"/en/osrodek/strategie/{organization.slug}/{rest}"


def _form(plan, **changes):
    data = {
        **{name: getattr(plan, name) for name in services.TEXT_FIELDS},
        "next_review": "",
        "based_on_version": plan.version,
    }
    data.update(changes)
    return data


PAGES = ["", "edytuj/", "wersje/", "wersje/1/", "druk/", "pdf/"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_plan_pages_for_every_persona(client_for, plan, persona, page):
    response = client_for(persona).get(_url(plan.organization, page))
    assert response.status_code == (200 if persona in EDITORS else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_other_organisations_plan_is_404_for_representatives(
    client_for, users, other_organization, persona
):
    services.save_plan(
        plan_or_org=other_organization,
        by=users["coordinator"],
        based_on_version=0,
        data=PLAN_DATA,
    )
    response = client_for(persona).get(_url(other_organization))
    allowed = {"representative_other_org", "coordinator", "ngo_caretaker"}
    assert response.status_code == (200 if persona in allowed else 404)


def test_start_a_plan_through_the_form(client_for, organization):
    client = client_for("representative")
    page = client.get(_url(organization))
    assert b"Start the strategy plan" in page.content
    response = client.post(
        _url(organization, "edytuj/"),
        {
            "strengths": "Wolontariusze",
            "goals": "Świetlica",
            "partners": [],
            "based_on_version": "0",
        },
    )
    assert response.status_code == 302
    plan = StrategyPlan.objects.get(organization=organization)
    assert (plan.version, plan.goals) == (1, "Świetlica")
    assert plan.versions.get().content["strengths"] == "Wolontariusze"


def test_partners_must_be_published_and_not_itself(client_for, plan, other_organization):
    pending = make_organization("Grupa w przygotowaniu", status=Organization.Status.PENDING)
    client = client_for("representative")
    for partner in (plan.organization, pending):
        response = client.post(
            _url(plan.organization, "edytuj/"), _form(plan, partners=[partner.pk])
        )
        assert response.status_code == 400
        assert response.context["form"].errors["partners"]
    response = client.post(
        _url(plan.organization, "edytuj/"), _form(plan, partners=[other_organization.pk])
    )
    assert response.status_code == 302
    assert list(StrategyPlan.objects.get().partners.all()) == [other_organization]
    with pytest.raises(ValidationError):
        services.save_plan(
            plan_or_org=plan,
            by=None,
            based_on_version=2,
            data={**PLAN_DATA, "partners": [plan.organization]},
        )


def test_stale_edit_is_refused_and_shows_current_content(client_for, plan, users):
    stale = _form(plan, goals="Moje cele")
    services.save_plan(
        plan_or_org=plan,
        by=users["coordinator"],
        based_on_version=plan.version,
        data={**PLAN_DATA, "goals": "Cele współautora"},
    )
    response = client_for("representative").post(_url(plan.organization, "edytuj/"), stale)
    assert response.status_code == 409
    content = response.content.decode()
    assert "Someone else changed the plan" in content
    assert "Cele współautora" in content  # the current content
    assert "Moje cele" in content  # and the person's own input, not lost
    plan.refresh_from_db()
    assert (plan.goals, plan.version) == ("Cele współautora", 2)
    assert response.context["form"]["based_on_version"].value() == 2


def test_stale_version_in_service(plan, users):
    with pytest.raises(services.StalePlan):
        services.save_plan(
            plan_or_org=plan, by=users["representative"], based_on_version=0, data=PLAN_DATA
        )
    with pytest.raises(services.StalePlan):
        services.save_plan(
            plan_or_org=plan.organization,
            by=users["representative"],
            based_on_version=0,
            data=PLAN_DATA,
        )
    assert StrategyPlan.objects.get().version == 1


def test_versions_kept_and_shown(client_for, plan, users):
    services.save_plan(
        plan_or_org=plan,
        by=users["representative"],
        based_on_version=1,
        data={**PLAN_DATA, "goals": "Drugie cele"},
    )
    services.add_action(plan=plan, by=users["representative"], description="Zebranie", owner="Ola")
    assert list(plan.versions.values_list("number", flat=True)) == [3, 2, 1]
    assert plan.versions.get(number=3).content["actions"][0]["description"] == "Zebranie"
    client = client_for("ngo_caretaker")
    listing = client.get(_url(plan.organization, "wersje/")).content.decode()
    assert "Version 3" in listing and "Version 1" in listing
    old = client.get(_url(plan.organization, "wersje/1/")).content.decode()
    assert "Świetlica dla dzieci" in old and "Drugie cele" not in old
    assert client.get(_url(plan.organization, "wersje/9/")).status_code == 404


def test_actions_add_edit_remove(client_for, plan):
    client = client_for("representative")
    response = client.post(
        _url(plan.organization, "dzialania/dodaj/"),
        {"description": "Spotkanie z radą dzielnicy", "owner": "Zarząd", "status": "planned"},
    )
    assert response.status_code == 302
    action = StrategyAction.objects.get()
    response = client.post(
        _url(plan.organization, f"dzialania/{action.pk}/"),
        {
            "description": "Spotkanie z radą dzielnicy",
            "owner": "Prezes",
            "status": "done",
            "based_on_version": "2",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.owner, action.status) == ("Prezes", "done")
    client.post(_url(plan.organization, f"dzialania/{action.pk}/usun/"))
    assert not StrategyAction.objects.exists()
    assert StrategyPlan.objects.get().version == 4


def test_action_bad_input_and_stale_edit(client_for, plan, users):
    client = client_for("representative")
    response = client.post(
        _url(plan.organization, "dzialania/dodaj/"), {"description": "", "owner": "", "status": "x"}
    )
    assert response.status_code == 400
    assert not StrategyAction.objects.exists()
    action = services.add_action(plan=plan, by=users["coordinator"], description="A", owner="B")
    response = client.post(
        _url(plan.organization, f"dzialania/{action.pk}/"),
        {"description": "Zmiana", "owner": "B", "status": "planned", "based_on_version": "1"},
    )
    assert response.status_code == 400
    assert "Someone else changed the plan" in response.content.decode()
    action.refresh_from_db()
    assert action.description == "A"


def test_forged_action_of_another_plan_is_404(client_for, plan, users, other_organization):
    other_plan = services.save_plan(
        plan_or_org=other_organization, by=users["coordinator"], based_on_version=0, data=PLAN_DATA
    )
    action = services.add_action(
        plan=other_plan, by=users["coordinator"], description="A", owner="B"
    )
    client = client_for("representative")
    assert client.get(_url(plan.organization, f"dzialania/{action.pk}/")).status_code == 404
    assert client.post(_url(plan.organization, f"dzialania/{action.pk}/usun/")).status_code == 404
    assert StrategyAction.objects.filter(pk=action.pk).exists()


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - EDITORS))
def test_others_cannot_change_plans(client_for, plan, persona):
    client = client_for(persona)
    client.post(_url(plan.organization, "edytuj/"), _form(plan, goals="Włamanie"))
    client.post(
        _url(plan.organization, "dzialania/dodaj/"),
        {"description": "X", "owner": "Y", "status": "planned"},
    )
    client.post(_url(plan.organization, "przeglady/dodaj/"), {"date": TODAY().isoformat()})
    plan.refresh_from_db()
    assert (plan.goals, plan.version) == ("Świetlica dla dzieci", 1)
    assert not StrategyAction.objects.exists() and not StrategyReview.objects.exists()


def test_held_review_is_support_received(client_for, plan):
    client = client_for("ngo_caretaker")
    response = client.post(
        _url(plan.organization, "przeglady/dodaj/"),
        {"date": TODAY().isoformat(), "held": "on", "summary": "Przegląd półroczny\nszczegóły"},
    )
    assert response.status_code == 302
    review = StrategyReview.objects.get()
    record = SupportRecord.objects.get(kind=SupportRecord.Kind.STRATEGY)
    assert (record.organization, record.summary, record.source_id) == (
        plan.organization,
        "Przegląd półroczny",
        str(review.pk),
    )
    client.post(
        _url(plan.organization, f"przeglady/{review.pk}/"),
        {"date": TODAY().isoformat(), "summary": "Jednak nie"},
    )
    assert not SupportRecord.objects.exists()
    client.post(
        _url(plan.organization, f"przeglady/{review.pk}/"),
        {"date": TODAY().isoformat(), "held": "on"},
    )
    client.post(_url(plan.organization, f"przeglady/{review.pk}/usun/"))
    assert not StrategyReview.objects.exists() and not SupportRecord.objects.exists()


def test_review_held_in_the_future_is_refused(client_for, plan):
    response = client_for("representative").post(
        _url(plan.organization, "przeglady/dodaj/"),
        {"date": (TODAY() + datetime.timedelta(days=5)).isoformat(), "held": "on"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["date"]
    assert not StrategyReview.objects.exists()
    response = client_for("representative").post(
        _url(plan.organization, "przeglady/dodaj/"),
        {"date": (TODAY() + datetime.timedelta(days=5)).isoformat()},
    )
    assert response.status_code == 302  # a planned review may be in the future
    assert not SupportRecord.objects.exists()


def test_emails_between_co_authors(plan, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.save_plan(
            plan_or_org=plan, by=users["representative"], based_on_version=1, data=PLAN_DATA
        )
    assert [m.to for m in mail.outbox] == [[users["ngo_caretaker"].email]]
    assert plan.organization.name in mail.outbox[0].subject
    assert "/osrodek/strategie/" in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_action(plan=plan, by=users["ngo_caretaker"], description="A", owner="B")
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]


def test_pdf_is_a_pdf_with_the_organisation(client_for, plan, users):
    services.add_action(plan=plan, by=users["ngo_caretaker"], description="Łąka", owner="Żaneta")
    response = client_for("representative").get(_url(plan.organization, "pdf/"))
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert plan.organization.name in text
    assert "Łąka" in text


def test_print_page_shows_the_plan(client_for, plan):
    content = client_for("representative").get(_url(plan.organization, "druk/")).content.decode()
    assert "Wypalenie liderów" in content and "centre/strategy.css" in content


def test_no_plan_pages_404_until_started(client_for, organization):
    client = client_for("representative")
    assert client.get(_url(organization)).status_code == 200
    for page in ("wersje/", "druk/", "pdf/"):
        assert client.get(_url(organization, page)).status_code == 404


def test_mine_context(plan, users, django_assert_num_queries):
    services.add_action(plan=plan, by=users["representative"], description="A", owner="B")
    services.add_action(
        plan=plan, by=users["representative"], description="C", owner="D", status="done"
    )
    with django_assert_num_queries(1):
        items = mine_strategy_context(users["representative"])["strategy_plans"]
    assert [(item["organization"], item["plan"], item["open_actions"]) for item in items] == [
        (plan.organization, plan, 1)
    ]
    assert mine_strategy_context(users["resident"])["strategy_plans"] == []


def test_detail_query_count_is_flat(client_for, plan, users, django_assert_max_num_queries):
    client = client_for("representative")

    def add(count):
        for i in range(count):
            services.add_action(plan=plan, by=users["coordinator"], description=f"D{i}", owner="O")
            services.record_review(plan=plan, by=users["coordinator"], date=TODAY(), held=True)

    add(2)
    client.get(_url(plan.organization))
    with django_assert_max_num_queries(20) as few:
        client.get(_url(plan.organization))
    add(20)
    for page in ("", "druk/", "wersje/"):
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(_url(plan.organization, page)).status_code == 200


def test_polish_pages_render(client_for, plan, contact):
    client = client_for("ngo_caretaker")
    slug = plan.organization.slug
    for url in (
        "/osrodek/opieka/",
        f"/osrodek/opieka/{slug}/",
        f"/osrodek/strategie/{slug}/",
        f"/osrodek/strategie/{slug}/edytuj/",
        f"/osrodek/strategie/{slug}/druk/",
    ):
        assert client.get(url).status_code == 200, url
    pdf = client.get(f"/osrodek/strategie/{slug}/pdf/").content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Wypalenie liderów" in text


def test_mine_section_renders(plan, users, organization):
    from django.template.loader import render_to_string
    from django.utils import translation

    services.add_action(plan=plan, by=users["representative"], description="A", owner="B")
    with translation.override("en"):
        html = render_to_string(
            "centre/includes/mine_strategy.html", mine_strategy_context(users["representative"])
        )
    assert f"/en/osrodek/strategie/{organization.slug}/" in html
    assert "1 open action" in html
    assert (
        render_to_string(
            "centre/includes/mine_strategy.html", mine_strategy_context(users["resident"])
        ).strip()
        == ""
    )
