"""Creating and editing projects: who may, what is checked, what is logged."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.reports.models import Project
from pomyslowice.reports.project_services import create_project, update_project
from tests.conftest import PERSONAS

MANAGERS = {"coordinator", "analyst"}


def project_form(**overrides) -> dict:
    data = {
        "name": "Lokalne inicjatywy 2025",
        "slug": "lokalne-inicjatywy-2025",
        "funder": "Urząd Miasta Mysłowice",
        "start": "2025-03-01",
        "end": "2025-11-30",
        "target_persons": "30",
        "target_organizations": "10",
        "counted_kinds": ["training", "consultation"],
        "grant_amount": "20000",
        "own_contribution": "1500",
        "description": "Wsparcie inicjatyw lokalnych.",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_page_access(client_for, persona):
    response = client_for(persona).get(reverse("reports:project-create"))
    if persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if persona in MANAGERS else 403)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_managers_create(client_for, persona):
    response = client_for(persona).post(reverse("reports:project-create"), project_form())
    created = Project.objects.filter(slug="lokalne-inicjatywy-2025").exists()
    assert created == (persona in MANAGERS)
    if persona in MANAGERS:
        assert response["Location"] == "/panel/wskazniki/lokalne-inicjatywy-2025/"
    else:
        assert response.status_code == (302 if persona == "anonymous" else 403)


def test_created_project_has_every_field_and_an_audit_entry(client_for, users):
    client_for("coordinator").post(reverse("reports:project-create"), project_form())
    project = Project.objects.get()
    assert (project.start, project.end) == (datetime.date(2025, 3, 1), datetime.date(2025, 11, 30))
    assert project.counted_kinds == ["training", "consultation"]
    assert project.total_budget == Decimal("21500")
    entry = AuditLogEntry.objects.get(verb="reports.project.created")
    assert entry.actor == users["coordinator"] and entry.target_id == str(project.pk)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_managers_edit(client_for, project, persona):
    response = client_for(persona).post(
        reverse("reports:project-edit", args=[project.slug]),
        project_form(slug=project.slug, name="Zmieniony"),
    )
    project.refresh_from_db()
    assert (project.name == "Zmieniony") == (persona in MANAGERS)
    if persona not in MANAGERS:
        assert response.status_code == (302 if persona == "anonymous" else 403)


def test_edit_logs_what_changed(client_for, project):
    client_for("analyst").post(
        reverse("reports:project-edit", args=[project.slug]),
        project_form(slug=project.slug, target_persons="45"),
    )
    entry = AuditLogEntry.objects.get(verb="reports.project.changed")
    assert entry.data["target_persons"] == 45
    assert entry.data["start"] == "2025-03-01"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"end": "2025-01-01"}, "end"),  # before the start
        ({"counted_kinds": []}, "counted_kinds"),
        ({"counted_kinds": ["lottery"]}, "counted_kinds"),
        ({"grant_amount": "-5"}, "grant_amount"),
        ({"target_persons": "-1"}, "target_persons"),
        ({"slug": "nowy"}, "slug"),  # the address of the form itself
        ({"slug": "pomyslowice-2011"}, "slug"),  # taken
        ({"start": "2025-02-30"}, "start"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_input_changes_nothing(client_for, project, overrides, field):
    response = client_for("coordinator").post(
        "/en/panel/wskazniki/nowy/", project_form(**overrides)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    assert Project.objects.count() == 1
    assert not AuditLogEntry.objects.filter(verb__startswith="reports.project").exists()


def test_error_message_names_the_problem(client_for, project):
    english = client_for("coordinator").post(
        "/en/panel/wskazniki/nowy/", project_form(end="2025-01-01")
    )
    assert "The project cannot end before it starts." in english.content.decode()


def test_services_refuse_people_without_the_right(users, project):
    data = {
        "name": "X",
        "slug": "x",
        "funder": "Y",
        "start": datetime.date(2025, 1, 1),
        "end": datetime.date(2025, 2, 1),
        "target_persons": 1,
        "target_organizations": 1,
        "counted_kinds": ["mail"],
    }
    with pytest.raises(ValidationError):
        create_project(data=data, by=users["ngo_caretaker"])
    with pytest.raises(ValidationError):
        update_project(project=project, data={"name": "Z"}, by=users["resident"])
    project.refresh_from_db()
    assert Project.objects.count() == 1 and project.name == "POMYSłowice 2011"


def test_the_form_shows_the_kinds_as_checkboxes(client_for, project):
    response = client_for("coordinator").get(f"/en/panel/wskazniki/{project.slug}/edytuj/")
    content = response.content.decode()
    assert content.count('type="checkbox" name="counted_kinds"') == 8
    assert 'value="training" id="id_counted_kinds_0" checked' in content


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/project/",
        "/admin/reports/project/add/",
        "/admin/reports/expense/",
        "/admin/reports/funderreport/",
    ],
)
def test_admin_pages(admin_client, budget_lines, url):
    assert admin_client.get(url).status_code == 200


def test_admin_project_page_shows_its_budget_lines(admin_client, budget_lines):
    project = budget_lines[0].project
    content = admin_client.get(f"/admin/reports/project/{project.pk}/change/").content.decode()
    assert "Koordynacja projektu" in content and "Promocja projektu" in content
