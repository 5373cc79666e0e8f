"""The project budget: plan vs spending, budget lines, expenses and their private documents."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.reports import budget_services, demo
from pomyslowice.reports.models import BudgetLine, Expense, Project
from tests.conftest import PERSONAS
from tests.reports.conftest import make_project

# Both read the budget and plan its lines (reports.view_expense, change_project); only the
# coordinator records what was spent (reports.add_expense).
MANAGERS = {"coordinator", "analyst"}
BOOKKEEPERS = {"coordinator"}
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def expected_code(persona: str, ok: int = 200, allowed=MANAGERS) -> int:
    if persona == "anonymous":
        return 302
    return ok if persona in allowed else 403


def add_expense(line, amount="100.00", funded_from="grant", day=datetime.date(2025, 3, 1), **extra):
    return Expense.objects.create(
        line=line,
        date=day,
        description="Zakup",
        amount=Decimal(amount),
        funded_from=funded_from,
        **extra,
    )


def expense_form(budget_line, **overrides) -> dict:
    data = {
        "line": str(budget_line.pk),
        "date": "2025-03-10",
        "description": "Plakaty o ośrodku",
        "amount": "780.00",
        "funded_from": "grant",
        "document_number": "FV/77/03",
    }
    data.update(overrides)
    return data


@pytest.fixture
def expense_with_document(budget_lines, users):
    return budget_services.record_expense(
        project=budget_lines[0].project,
        line=budget_lines[0],
        data={
            "date": datetime.date(2025, 2, 1),
            "description": "Wynagrodzenie",
            "amount": Decimal("1000"),
            "funded_from": "grant",
            "document_number": "LP/02",
            "document": SimpleUploadedFile("lista.pdf", PDF_BYTES, "application/pdf"),
        },
        by=users["coordinator"],
    )


# --- who sees what -----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_budget_pages_access(client_for, budget_lines, persona):
    client = client_for(persona)
    slug, line = budget_lines[0].project.slug, budget_lines[0]
    for url in (
        reverse("reports:budget", args=[slug]),
        reverse("reports:budget-line", args=[slug, line.pk]),
        reverse("reports:budget-line-add", args=[slug]),
        reverse("reports:budget-line-edit", args=[slug, line.pk]),
    ):
        assert client.get(url).status_code == expected_code(persona), url
    expense_page = client.get(reverse("reports:expense-add", args=[slug]))
    assert expense_page.status_code == expected_code(persona, allowed=BOOKKEEPERS)


@pytest.mark.parametrize("persona", PERSONAS)
def test_document_download_needs_the_budget_right(client_for, expense_with_document, persona):
    project = expense_with_document.line.project
    url = reverse("reports:expense-document", args=[project.slug, expense_with_document.pk])
    response = client_for(persona).get(url)
    assert response.status_code == expected_code(persona)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "attachment" in response["Content-Disposition"]


def test_documents_are_stored_privately(expense_with_document):
    path = Path(expense_with_document.document.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert path.name.startswith("wydatek-pomyslowice-2011") and path.suffix == ".pdf"


def test_document_of_another_project_is_404(client_for, expense_with_document):
    other = make_project(slug="inny", name="Inny")
    url = reverse("reports:expense-document", args=[other.slug, expense_with_document.pk])
    assert client_for("coordinator").get(url).status_code == 404


def test_expense_without_document_has_nothing_to_download(client_for, budget_lines):
    expense = add_expense(budget_lines[0])
    url = reverse("reports:expense-document", args=["pomyslowice-2011", expense.pk])
    assert client_for("coordinator").get(url).status_code == 404


def test_unknown_line_and_project_are_404(client_for, budget_lines):
    client = client_for("coordinator")
    other = make_project(slug="inny", name="Inny")
    assert client.get("/panel/budzet/nie-ma/").status_code == 404
    assert (
        client.get(f"/panel/budzet/{other.slug}/pozycje/{budget_lines[0].pk}/").status_code == 404
    )


# --- plan vs spending ---------------------------------------------------------------------------


def test_summary_per_line_and_in_total(budget_lines):
    coordination, promotion = budget_lines
    add_expense(coordination, "5000")
    add_expense(coordination, "900", funded_from="own")
    add_expense(promotion, "2500")
    add_expense(promotion, "400", funded_from="own")

    summary = budget_services.budget_summary(coordination.project)

    first, second = summary.lines
    assert (first.spent_grant, first.spent_own, first.spent_total) == (5000, 900, 5900)
    assert (first.remaining, first.over_plan) == (Decimal("7900"), False)
    assert (second.planned_total, second.spent_total, second.remaining) == (2700, 2900, -200)
    assert second.over_plan
    assert (summary.total.planned_total, summary.total.spent_total) == (16500, 8800)
    assert summary.unplanned == Decimal("43925") - 16500


def test_budget_page_in_polish_format_with_over_plan_flagged(client_for, budget_lines):
    add_expense(budget_lines[1], "2900")
    response = client_for("coordinator").get("/panel/budzet/pomyslowice-2011/")
    content = response.content.decode()
    assert "39\xa0435,00 zł" in content and "4\xa0490,00 zł" in content
    assert "43\xa0925,00 zł" in content
    table = re.search(r'<table id="budget-lines">.*?</table>', content, re.S).group(0)
    assert table.count('class="over-plan"') == 1
    over = re.search(r'<tr class="over-plan">.*?</tr>', table, re.S).group(0)
    assert "Promocja projektu" in over and "badge-error" in over and "-200,00" in over
    totals = re.search(r"<tfoot>.*?</tfoot>", table, re.S).group(0)
    assert "16\xa0500,00" in totals and "2\xa0900,00" in totals and "13\xa0600,00" in totals


def test_budget_page_query_count_does_not_grow(
    client_for, budget_lines, django_assert_max_num_queries
):
    client = client_for("coordinator")
    for line in budget_lines:
        for _ in range(30):
            add_expense(line, "10")
        BudgetLine.objects.create(project=line.project, name=f"{line.name} – dodatkowa", position=9)
    with django_assert_max_num_queries(8):
        assert client.get("/panel/budzet/pomyslowice-2011/").status_code == 200


def test_line_page_lists_its_expenses(client_for, budget_lines, django_assert_max_num_queries):
    client = client_for("analyst")
    for number in range(40):
        add_expense(budget_lines[0], "10", document_number=f"FV/{number}", recorded_by=None)
    add_expense(budget_lines[1], "99", document_number="INNA")
    with django_assert_max_num_queries(9):
        response = client.get(f"/panel/budzet/pomyslowice-2011/pozycje/{budget_lines[0].pk}/")
    content = response.content.decode()
    assert content.count("FV/") == 40 and "INNA" not in content


# --- budget lines -----------------------------------------------------------------------------


def test_add_and_edit_a_line(client_for, budget_lines, users):
    client = client_for("coordinator")
    response = client.post(
        "/panel/budzet/pomyslowice-2011/pozycje/nowa/",
        {
            "name": "Obsługa księgowa",
            "position": "3",
            "planned_grant": "1800",
            "planned_own": "1200",
        },
    )
    assert response.status_code == 302
    line = BudgetLine.objects.get(name="Obsługa księgowa")
    assert line.planned_total == Decimal("3000")
    client.post(
        f"/panel/budzet/pomyslowice-2011/pozycje/{line.pk}/edytuj/",
        {
            "name": "Obsługa księgowa",
            "position": "3",
            "planned_grant": "2000",
            "planned_own": "1000",
        },
    )
    line.refresh_from_db()
    assert (line.planned_grant, line.planned_own) == (2000, 1000)
    verbs = list(
        AuditLogEntry.objects.filter(verb__startswith="reports.budgetline").values_list(
            "verb", flat=True
        )
    )
    assert sorted(verbs) == ["reports.budgetline.changed", "reports.budgetline.created"]


@pytest.mark.parametrize(
    "data, field",
    [
        ({"name": "Promocja projektu", "planned_grant": "1", "planned_own": "0"}, "name"),  # taken
        ({"name": "Nowa", "planned_grant": "-1", "planned_own": "0"}, "planned_grant"),
        ({"name": "", "planned_grant": "1", "planned_own": "0"}, "name"),
        ({"name": "Nowa", "planned_grant": "dużo", "planned_own": "0"}, "planned_grant"),
    ],
)
def test_bad_line_changes_nothing(client_for, budget_lines, data, field):
    response = client_for("coordinator").post(
        "/en/panel/budzet/pomyslowice-2011/pozycje/nowa/", {"position": "1", **data}
    )
    assert response.status_code == 200 and field in response.context["form"].errors
    assert BudgetLine.objects.count() == 2


# --- expenses ---------------------------------------------------------------------------------


def test_record_an_expense_with_a_document(client_for, budget_lines, users):
    line = budget_lines[1]
    document = SimpleUploadedFile("skan faktury.PNG", PNG_BYTES, "image/png")
    response = client_for("coordinator").post(
        "/panel/budzet/pomyslowice-2011/wydatki/nowy/", {**expense_form(line), "document": document}
    )
    assert response["Location"] == f"/panel/budzet/pomyslowice-2011/pozycje/{line.pk}/"
    expense = Expense.objects.get()
    assert (expense.line, expense.amount, expense.recorded_by) == (
        line,
        Decimal("780"),
        users["coordinator"],
    )
    assert expense.document.name.endswith(".png")
    entry = AuditLogEntry.objects.get(verb="reports.expense.recorded")
    assert entry.data == {"line": line.pk, "amount": "780.00", "funded_from": "grant"}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"amount": "-10"}, "amount"),
        ({"amount": "0"}, "amount"),
        ({"amount": "abc"}, "amount"),
        ({"date": "2024-12-31"}, "date"),  # before the project
        ({"date": "2026-01-01"}, "date"),  # after it
        ({"description": ""}, "description"),
        ({"funded_from": "lottery"}, "funded_from"),
        ({"line": "999999"}, "line"),
    ],
)
def test_bad_expense_changes_nothing(client_for, budget_lines, overrides, field):
    response = client_for("coordinator").post(
        "/en/panel/budzet/pomyslowice-2011/wydatki/nowy/",
        expense_form(budget_lines[0], **overrides),
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    assert not Expense.objects.exists()
    assert not AuditLogEntry.objects.filter(verb__startswith="reports.expense").exists()


def test_line_of_another_project_is_refused(client_for, budget_lines):
    other = make_project(slug="inny", name="Inny")
    foreign = BudgetLine.objects.create(project=other, name="Obca pozycja")
    response = client_for("coordinator").post(
        "/panel/budzet/pomyslowice-2011/wydatki/nowy/", expense_form(foreign)
    )
    assert response.status_code == 200 and "line" in response.context["form"].errors
    assert not Expense.objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("faktura.pdf", b"MZ\x90\x00\x03\x00\x00\x00program"),  # a renamed .exe
        ("faktura.docx", b"just text, not a document"),
        ("faktura.pdf", b""),
    ],
)
def test_a_document_that_is_not_pdf_jpeg_or_png_is_refused(
    client_for, budget_lines, name, content, tmp_path
):
    upload = SimpleUploadedFile(name, content, "application/pdf")
    response = client_for("coordinator").post(
        "/en/panel/budzet/pomyslowice-2011/wydatki/nowy/",
        {**expense_form(budget_lines[0]), "document": upload},
    )
    assert response.status_code == 200 and "document" in response.context["form"].errors
    assert not Expense.objects.exists()
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    assert not private.exists() or not any(path.is_file() for path in private.rglob("*"))


def test_a_real_docx_is_refused_too(budget_lines, users):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    upload = SimpleUploadedFile("umowa.docx", buffer.getvalue())
    with pytest.raises(budget_services.ValidationError) as error:
        budget_services.record_expense(
            project=budget_lines[0].project,
            line=budget_lines[0],
            data={
                "date": datetime.date(2025, 2, 1),
                "description": "Umowa",
                "amount": Decimal("10"),
                "document": upload,
            },
            by=users["coordinator"],
        )
    assert "document" in error.value.error_dict
    assert not Expense.objects.exists()


def test_services_refuse_people_without_the_right(budget_lines, users):
    with pytest.raises(budget_services.ValidationError):
        budget_services.record_expense(
            project=budget_lines[0].project,
            line=budget_lines[0],
            data={"date": datetime.date(2025, 2, 1), "description": "X", "amount": Decimal("1")},
            by=users["ngo_caretaker"],
        )
    with pytest.raises(budget_services.ValidationError):
        budget_services.create_budget_line(
            project=budget_lines[0].project, data={"name": "X"}, by=users["volunteer_caretaker"]
        )
    assert not Expense.objects.exists() and BudgetLine.objects.count() == 2


def test_forged_query_values_are_harmless(client_for, budget_lines):
    client = client_for("coordinator")
    assert client.get("/panel/budzet/pomyslowice-2011/wydatki/nowy/?pozycja=abc").status_code == 200
    line = budget_lines[0]
    url = f"/panel/budzet/pomyslowice-2011/pozycje/{line.pk}/?page=-3"
    assert client.get(url).status_code == 200


# --- demo --------------------------------------------------------------------------------------


def test_demo_budget_adds_up_and_runs_twice(users):
    for _run in range(2):
        counts = demo.seed(users=users)
    project = Project.objects.get(slug=demo.SLUG)
    summary = budget_services.budget_summary(project)
    assert (project.grant_amount, project.own_contribution) == (Decimal("39435"), Decimal("4490"))
    assert (summary.total.planned_grant, summary.total.planned_own) == (39435, 4490)
    assert summary.total.planned_total == project.total_budget == Decimal("43925")
    assert counts == {"projects": 1, "budget_lines": 6, "expenses": 12}
    assert Expense.objects.count() == 12 and not any(row.over_plan for row in summary.lines)
    assert project.start <= timezone.localdate() <= project.end
    assert set(project.counted_kinds) == set(SupportRecord.Kind.values)
