"""The export page: support records and indicators as CSV and XLSX, parsed back and checked."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pomyslowice.organizations.models import SupportRecord
from pomyslowice.reports.models import Project
from tests.conftest import PERSONAS

URL = reverse("reports:exports")
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
        counted_kinds=[Kind.TRAINING, Kind.CONSULTATION, Kind.ROOM],
    )


def record(day, kind, **fields) -> SupportRecord:
    fields.setdefault("summary", f"{kind} {day}")
    return SupportRecord.objects.create(date=day, kind=kind, **fields)


@pytest.fixture
def dataset(users, organization, other_organization, project):
    """Four counted records (three persons, Anna twice; two organisations), and three that never
    count for the project: a kind it does not count, one before it and one after it."""
    return {
        "training": record(
            datetime.date(2011, 3, 10),
            Kind.TRAINING,
            person=users["resident"],
            organization=organization,
            summary="Szkolenie: jak pisać wnioski; „cudzysłów”",
        ),
        "consultation": record(
            datetime.date(2011, 4, 5),
            Kind.CONSULTATION,
            person_name="Anna Żółkiewska",
            person_email="anna@example.org",
            organization=other_organization,
            summary="Konsultacja księgowa",
        ),
        "room": record(
            datetime.date(2011, 4, 20),
            Kind.ROOM,
            organization=organization,
            person_name="Marek Salowy",
        ),
        "again": record(datetime.date(2011, 6, 1), Kind.TRAINING, person_email="ANNA@example.org"),
        "mail": record(datetime.date(2011, 5, 2), Kind.MAIL, organization=organization),
        "before": record(datetime.date(2011, 2, 1), Kind.TRAINING, person_name="Ktoś Wcześniej"),
        "after": record(datetime.date(2012, 1, 2), Kind.TRAINING, person_name="Ktoś Później"),
    }


def body(response) -> bytes:
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content)
    return b"".join(response)


def csv_rows(response) -> list[list[str]]:
    content = body(response)
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def xlsx_sheets(response) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}


def download(client, file, **filters):
    return client.get(URL, {**filters, "pobierz": file})


# --- access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_export_page_and_files_for_every_persona(client_for, dataset, project, persona):
    client = client_for(persona)
    page = client.get(URL)
    csv_file = download(client, "support-csv", projekt=project.pk)
    if persona in ALLOWED:
        assert page.status_code == 200
        assert csv_file.status_code == 200
        assert csv_file["Content-Disposition"].startswith("attachment")
    elif persona == "anonymous":
        assert page.status_code == csv_file.status_code == 302
        assert page["Location"].startswith(reverse("account_login"))
    else:
        assert page.status_code == csv_file.status_code == 403


# --- support records ---------------------------------------------------------------------------


def test_support_records_csv_of_a_project(client_for, dataset, project):
    response = download(client_for("analyst"), "support-csv", projekt=project.pk)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        'filename="wsparcie-pomyslowice-2011-2011-03-01-2011-12-31.csv"'
        in response["Content-Disposition"]
    )
    rows = csv_rows(response)
    assert rows == [
        ["date", "kind", "organization", "person", "summary"],
        [
            "2011-03-10",
            str(Kind.TRAINING.label),
            "Stowarzyszenie Przyjaciół Piasku",
            "Janina Mieszko",
            "Szkolenie: jak pisać wnioski; „cudzysłów”",
        ],
        [
            "2011-04-05",
            str(Kind.CONSULTATION.label),
            "Fundacja Ławki Razem",
            "Anna Żółkiewska",
            "Konsultacja księgowa",
        ],
        [
            "2011-04-20",
            str(Kind.ROOM.label),
            "Stowarzyszenie Przyjaciół Piasku",
            "Marek Salowy",
            "room 2011-04-20",
        ],
        ["2011-06-01", str(Kind.TRAINING.label), "", "ANNA@example.org", "training 2011-06-01"],
    ]


def test_support_records_xlsx_of_a_period_with_filters(client_for, dataset, organization):
    response = download(
        client_for("coordinator"),
        "support-xlsx",
        od="2011-01-01",
        do="2011-12-31",
        organizacja=organization.pk,
    )
    assert response.status_code == 200
    assert 'filename="wsparcie-2011-01-01-2011-12-31.xlsx"' in response["Content-Disposition"]
    sheets = xlsx_sheets(response)
    assert list(sheets) == ["support"]
    rows = sheets["support"]
    assert rows[0] == ("date", "kind", "organization", "person", "summary")
    # Without a project every kind counts, the mail too; the other organisation's does not.
    assert [(row[0].date(), row[1]) for row in rows[1:]] == [
        (datetime.date(2011, 3, 10), str(Kind.TRAINING.label)),
        (datetime.date(2011, 4, 20), str(Kind.ROOM.label)),
        (datetime.date(2011, 5, 2), str(Kind.MAIL.label)),
    ]
    assert rows[1][3] == "Janina Mieszko"


def test_kind_filter(client_for, dataset, project):
    rows = csv_rows(
        download(client_for("analyst"), "support-csv", projekt=project.pk, rodzaj=Kind.TRAINING)
    )
    assert [row[0] for row in rows[1:]] == ["2011-03-10", "2011-06-01"]


def test_a_narrower_period_within_the_project(client_for, dataset, project):
    response = download(
        client_for("analyst"), "support-csv", projekt=project.pk, od="2011-04-01", do="2011-04-30"
    )
    assert [row[0] for row in csv_rows(response)[1:]] == ["2011-04-05", "2011-04-20"]


def test_staff_notes_never_reach_the_file(client_for, dataset, project):
    rows = csv_rows(download(client_for("analyst"), "support-csv", projekt=project.pk))
    assert rows[0] == ["date", "kind", "organization", "person", "summary"]
    assert all(len(row) == 5 for row in rows)


# --- indicators --------------------------------------------------------------------------------


def test_indicators_csv_of_a_project(client_for, dataset, project):
    response = download(client_for("analyst"), "indicators-csv", projekt=project.pk)
    assert response.status_code == 200
    rows = csv_rows(response)
    assert rows[0] == ["section", "key", "label", "persons", "organizations", "services"]
    by_section = {}
    for section, key, _label, persons, organizations, services in rows[1:]:
        by_section.setdefault(section, []).append((key, persons, organizations, services))
    # Anna twice (same e-mail, any case), Janina and Marek: three persons; two organisations.
    assert by_section["figures"] == [("all", "3", "2", "4"), ("target", "40", "16", "")]
    assert by_section["by_kind"] == [
        ("training", "2", "1", "2"),
        ("consultation", "1", "1", "1"),
        ("room", "1", "1", "1"),
    ]
    assert [row[0] for row in by_section["by_month"]] == ["2011-03", "2011-04", "2011-06"]
    assert {"by_area", "by_district"} <= set(by_section)


def test_indicators_xlsx_has_one_sheet_per_section(client_for, dataset, project):
    response = download(client_for("coordinator"), "indicators-xlsx", projekt=project.pk)
    sheets = xlsx_sheets(response)
    assert list(sheets) == ["figures", "by_kind", "by_month", "by_area", "by_district"]
    assert sheets["figures"][0] == ("key", "label", "persons", "organizations", "services")
    assert sheets["figures"][1][2:] == (3, 2, 4)
    assert sheets["by_month"][1:] == [
        ("2011-03", "2011-03", 1, 1, 1),
        ("2011-04", "2011-04", 2, 2, 2),
        ("2011-06", "2011-06", 1, 0, 1),
    ]


def test_page_shows_the_figures_without_downloading(client_for, dataset, project):
    response = client_for("analyst").get(URL, {"projekt": project.pk})
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert response.context["summary"].services == 4


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, field",
    [
        ({"od": "2011-05-01", "do": "2011-04-01", "pobierz": "support-csv"}, "do"),
        ({"projekt": "99999", "pobierz": "support-csv"}, "projekt"),
        ({"od": "2011-01-01", "do": "2011-02-01", "organizacja": "99999"}, "organizacja"),
        ({"od": "2011-01-01", "do": "2011-02-01", "rodzaj": "secret-notes"}, "rodzaj"),
        ({"od": "2011-01-01", "do": "2011-02-01", "pobierz": "everything.zip"}, "pobierz"),
        ({"od": "nonsense", "do": "2011-02-01", "pobierz": "indicators-csv"}, "od"),
        ({"pobierz": "support-xlsx"}, "__all__"),
        ({"od": "2011-01-01", "pobierz": "support-csv"}, "__all__"),
        ({"projekt": "not-a-number", "pobierz": "support-csv"}, "projekt"),
    ],
)
def test_bad_filters_are_form_errors_and_nothing_downloads(client_for, dataset, filters, field):
    response = client_for("analyst").get(URL, filters)
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert field in response.context["form"].errors


def test_a_period_outside_the_project_is_an_error(client_for, dataset, project):
    response = download(
        client_for("analyst"), "support-csv", projekt=project.pk, od="2013-01-01", do="2013-02-01"
    )
    assert response.status_code == 400
    assert "__all__" in response.context["form"].errors


# --- size --------------------------------------------------------------------------------------


def export_queries(client, file) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        content = body(download(client, file, od="2011-01-01", do="2011-12-31"))
    return len(queries), content


@pytest.mark.parametrize("file", ["support-csv", "support-xlsx", "indicators-csv"])
def test_query_count_does_not_grow_with_rows(client_for, users, organization, file):
    client = client_for("analyst")
    day = datetime.date(2011, 5, 1)
    record(day, Kind.ROOM, organization=organization, person=users["resident"])
    few, _content = export_queries(client, file)
    SupportRecord.objects.bulk_create(
        SupportRecord(
            date=day,
            kind=Kind.TRAINING,
            person_email=f"osoba{i}@example.org",
            organization=organization,
            summary=f"Szkolenie {i}",
        )
        for i in range(2500)  # more than one chunk of the database iterator
    )
    many, content = export_queries(client, file)
    assert many == few
    if file == "support-csv":
        assert content.decode("utf-8-sig").count("\r\n") == 2502
