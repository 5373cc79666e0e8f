"""The funder's report: the page, the narrative staff write, and the PDF and ODT read back."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from odf import teletype
from odf.opendocument import load
from pypdf import PdfReader

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events.models import Event, Registration
from pomyslowice.events.registration_services import mark_attendance
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.reports.funder_report import format_amount
from pomyslowice.reports.models import BudgetLine, Expense, FunderReport, Project
from tests.conftest import PERSONAS

ALLOWED = {"coordinator", "analyst"}
Kind = SupportRecord.Kind


@pytest.fixture
def project(db):
    return Project.objects.create(
        name="POMYSłowice 2011",
        slug="pomyslowice-2011",
        funder="Fundusz Inicjatyw Obywatelskich",
        start=datetime.date(2011, 3, 1),
        end=datetime.date(2011, 12, 31),
        target_persons=40,
        target_organizations=16,
        counted_kinds=[Kind.TRAINING, Kind.CONSULTATION],
        grant_amount=Decimal("39435"),
        own_contribution=Decimal("4490"),
    )


def training(title: str, day: datetime.date) -> Event:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return Event.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-")[:100],
        category=Event.Category.TRAINING,
        status=Event.Status.PUBLISHED,
        start=start,
        end=start + datetime.timedelta(hours=3),
    )


def registration(event: Event, name: str, email: str, organization=None) -> Registration:
    return Registration.objects.create(
        event=event,
        name=name,
        email=email,
        organization=organization,
        status=Registration.Status.CONFIRMED,
    )


@pytest.fixture
def dataset(users, project, organization, other_organization):
    """Two trainings in the project (three confirmed at the first, two of them present; one
    present at the second), one after it; consultations; budget lines with expenses."""
    coordinator = users["coordinator"]
    first = training("Księgowość w NGO", datetime.date(2011, 4, 12))
    second = training("Pozyskiwanie funduszy", datetime.date(2011, 9, 20))
    later = training("Szkolenie z przyszłości", datetime.date(2012, 2, 1))
    present = [
        registration(first, "Ewa Nowak", "ewa@example.org", organization),
        registration(first, "Jan Kowalski", "jan@example.org", other_organization),
        registration(second, "Ewa Nowak", "ewa@example.org", organization),
        registration(later, "Ewa Nowak", "ewa@example.org", organization),
    ]
    registration(first, "Nieobecna Osoba", "nie@example.org")
    for attended in present:
        mark_attendance(registration=attended, attended=True, by=coordinator)
    SupportRecord.objects.create(
        date=datetime.date(2011, 5, 5),
        kind=Kind.CONSULTATION,
        person_name="Zofia Źdźbło",
        organization=other_organization,
        summary="Konsultacja statutu",
    )
    salaries = BudgetLine.objects.create(
        project=project,
        position=1,
        name="Wynagrodzenie doradcy",
        planned_grant=Decimal("30000"),
        planned_own=Decimal("2000"),
    )
    materials = BudgetLine.objects.create(
        project=project,
        position=2,
        name="Materiały szkoleniowe",
        planned_grant=Decimal("9435"),
        planned_own=Decimal("2490"),
    )
    for line, day, amount, source in [
        (salaries, datetime.date(2011, 4, 30), "2500.00", Expense.Source.GRANT),
        (salaries, datetime.date(2011, 10, 31), "2500.00", Expense.Source.GRANT),
        (materials, datetime.date(2011, 4, 1), "1234.56", Expense.Source.OWN),
    ]:
        Expense.objects.create(
            line=line, date=day, description="x", amount=Decimal(amount), funded_from=source
        )
    return {"first": first, "second": second}


def page_url(project, **period) -> str:
    url = reverse("reports:funder-report", args=[project.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in period.items()) if period else "")


def file_url(project, kind, **period) -> str:
    url = reverse("reports:funder-report-file", args=[project.slug, kind])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in period.items()) if period else "")


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def odt_text(response) -> str:
    document = load(io.BytesIO(response.content))
    return teletype.extractText(document.text)


NARRATIVE = {
    "summary": "Rok pełen szkoleń dla organizacji z Piasku.",
    "activities": "Szkolenia i konsultacje.",
    "results": "Wzrosła liczba wniosków grantowych.",
    "difficulties": "Remont sali w lipcu.",
    "next_steps": "Więcej dyżurów w Brzezince.",
}


# --- access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", ["page", "pdf", "odt"])
def test_every_persona_against_every_address(client_for, project, persona, url):
    address = page_url(project) if url == "page" else file_url(project, url)
    response = client_for(persona).get(address)
    if persona in ALLOWED:
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - ALLOWED))
def test_nobody_else_can_write_the_narrative(client_for, project, persona):
    response = client_for(persona).post(page_url(project), NARRATIVE)
    assert response.status_code in (302, 403)
    assert not FunderReport.objects.exists()


def test_unknown_project_and_file_type_are_404(client_for, project):
    client = client_for("analyst")
    assert client.get(reverse("reports:funder-report", args=["nie-ma"])).status_code == 404
    assert client.get(file_url(project, "docx")).status_code == 404


# --- the narrative -----------------------------------------------------------------------------


def test_staff_write_the_narrative_once_per_period(client_for, users, project):
    client = client_for("coordinator")
    url = page_url(project, od="2011-03-01", do="2011-06-30")
    response = client.post(url, NARRATIVE)
    assert response.status_code == 302
    report = FunderReport.objects.get()
    assert (report.period_start, report.period_end) == (
        datetime.date(2011, 3, 1),
        datetime.date(2011, 6, 30),
    )
    assert report.summary == NARRATIVE["summary"]
    assert report.updated_by == users["coordinator"]

    client_for("analyst").post(url, {**NARRATIVE, "summary": "Poprawione podsumowanie."})
    report = FunderReport.objects.get()
    assert report.summary == "Poprawione podsumowanie."
    assert report.updated_by == users["analyst"]
    verbs = list(AuditLogEntry.objects.order_by("pk").values_list("verb", flat=True))
    assert verbs[-2:] == ["reports.funder_report.created", "reports.funder_report.updated"]

    client.post(page_url(project), NARRATIVE)  # the whole project is another period
    assert FunderReport.objects.count() == 2


def test_the_page_shows_the_saved_narrative_for_its_period(client_for, project):
    client = client_for("coordinator")
    client.post(page_url(project), NARRATIVE)
    response = client.get(page_url(project))
    assert response.context["form"].initial["summary"] == NARRATIVE["summary"]
    other = client.get(page_url(project, od="2011-04-01"))
    assert other.context["form"].initial == {}


# --- the content -------------------------------------------------------------------------------


def test_page_figures_trainings_and_budget(
    client_for, dataset, project, django_assert_max_num_queries
):
    client = client_for("analyst")
    with django_assert_max_num_queries(14):
        response = client.get(page_url(project))
    content = response.context["content"]
    # Ewa, Jan and Zofia; two organisations; four services (3 attendances + 1 consultation).
    assert (content.figures.persons, content.figures.organizations, content.figures.services) == (
        3,
        2,
        4,
    )
    assert [(t.title, t.registered, t.attended) for t in content.trainings] == [
        ("Księgowość w NGO", 3, 2),
        ("Pozyskiwanie funduszy", 1, 1),
    ]
    assert content.budget_cells == [
        [
            "Wynagrodzenie doradcy",
            "30 000,00 zł",
            "2 000,00 zł",
            "32 000,00 zł",
            "5 000,00 zł",
            "27 000,00 zł",
        ],
        [
            "Materiały szkoleniowe",
            "9 435,00 zł",
            "2 490,00 zł",
            "11 925,00 zł",
            "1 234,56 zł",
            "10 690,44 zł",
        ],
        [
            str(content.budget_total.name),
            "39 435,00 zł",
            "4 490,00 zł",
            "43 925,00 zł",
            "6 234,56 zł",
            "37 690,44 zł",
        ],
    ]


def test_a_narrower_period_counts_only_its_support_and_spending(client_for, dataset, project):
    response = client_for("analyst").get(page_url(project, od="2011-04-01", do="2011-06-30"))
    content = response.context["content"]
    assert content.figures.services == 3
    assert [t.title for t in content.trainings] == ["Księgowość w NGO"]
    assert content.budget[0].spent == Decimal("2500.00")


def test_pdf_holds_figures_trainings_budget_and_narrative(client_for, dataset, project):
    client = client_for("coordinator")
    client.post(page_url(project), NARRATIVE)
    response = client_for("analyst").get(file_url(project, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="raport-pomyslowice-2011-2011-03-01-2011-12-31.pdf"'
        in response["Content-Disposition"]
    )
    text = pdf_text(response)
    for expected in [
        "POMYSłowice 2011",
        "Fundusz Inicjatyw Obywatelskich",
        "Księgowość w NGO",
        "Pozyskiwanie funduszy",
        "Wynagrodzenie doradcy",
        "Materiały szkoleniowe",
        "39 435,00 zł",
        "43 925,00 zł",
        "37 690,44 zł",
        *NARRATIVE.values(),
    ]:
        assert expected in text, expected
    assert "Szkolenie z przyszłości" not in text
    assert "40" in text and "16" in text


def test_odt_holds_figures_trainings_budget_and_narrative(client_for, dataset, project):
    client_for("analyst").post(page_url(project), NARRATIVE)
    response = client_for("coordinator").get(file_url(project, "odt"))
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    text = odt_text(response)
    for expected in [
        "POMYSłowice 2011",
        "Fundusz Inicjatyw Obywatelskich",
        "Księgowość w NGO",
        "Wynagrodzenie doradcy",
        "11 925,00 zł",
        "10 690,44 zł",
        *NARRATIVE.values(),
    ]:
        assert expected in text, expected
    assert "Szkolenie z przyszłości" not in text


def test_files_of_a_project_without_data_still_render(client_for, project):
    client = client_for("analyst")
    assert pdf_text(client.get(file_url(project, "pdf")))
    assert "POMYSłowice 2011" in odt_text(client.get(file_url(project, "odt")))


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "period",
    [
        {"od": "2011-06-01", "do": "2011-05-01"},
        {"od": "2013-01-01"},
        {"do": "2010-01-01"},
        {"od": "nie-data"},
    ],
)
def test_bad_periods_are_form_errors(client_for, project, period):
    client = client_for("coordinator")
    page = client.get(page_url(project, **period))
    assert page.status_code == 400
    assert page.context["period_form"].errors
    pdf = client.get(file_url(project, "pdf", **period))
    assert pdf.status_code == 400
    assert "Content-Disposition" not in pdf
    client.post(page_url(project, **period), NARRATIVE)
    assert not FunderReport.objects.exists()


def test_narrative_fields_may_stay_empty(client_for, project):
    response = client_for("coordinator").post(page_url(project), {**NARRATIVE, "summary": ""})
    assert response.status_code == 302
    assert FunderReport.objects.get().summary == ""


def test_polish_amounts():
    assert format_amount(Decimal("39435")) == "39 435,00 zł"
    assert format_amount(Decimal("1234567.891")) == "1 234 567,89 zł"
    assert format_amount(Decimal("-5.5")) == "-5,50 zł"
    assert format_amount(Decimal("0")) == "0,00 zł"
