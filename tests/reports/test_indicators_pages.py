"""The projects list and the live dashboard: who sees them, what they show, bad periods."""

import datetime
import re

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from pomyslowice.reports import charts, indicators
from tests.conftest import PERSONAS
from tests.reports.conftest import Kind, make_project, record

VIEWERS = {"coordinator", "analyst"}


def expected_code(persona: str) -> int:
    if persona == "anonymous":
        return 302
    return 200 if persona in VIEWERS else 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_projects_list_access(client_for, project, persona):
    response = client_for(persona).get(reverse("reports:projects"))
    assert response.status_code == expected_code(persona)
    if persona == "anonymous":
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("persona", PERSONAS)
def test_dashboard_access(client_for, project, persona):
    response = client_for(persona).get(reverse("reports:project", args=[project.slug]))
    assert response.status_code == expected_code(persona)


def test_unknown_project_is_404(client_for):
    assert client_for("coordinator").get("/panel/wskazniki/nie-ma/").status_code == 404


def test_list_shows_progress_as_text(client_for, project, dataset):
    response = client_for("analyst").get("/en/panel/wskazniki/")
    content = response.content.decode()
    assert project.name in content
    assert "3 of 40 (7%)" in content and "4 of 16 (25%)" in content


def test_dashboard_shows_figures_charts_and_tables(client_for, project, dataset):
    response = client_for("coordinator").get(f"/en/panel/wskazniki/{project.slug}/")
    content = response.content.decode()
    assert response.context["totals"] == indicators.Figures(3, 4, 7)
    assert "3 of 40 (7%)" in content and "4 of 16 (25%)" in content
    keys = [section["key"] for section in response.context["sections"]]
    assert keys == ["kind", "month", "area", "district"]
    # Two charts (persons, organisations) per breakdown, each an image with a name.
    assert content.count('role="img"') == 8
    for key in keys:
        assert f'id="chart-{key}-persons-title"' in content
    month_table = re.search(r'id="breakdown-month".*?</section>', content, re.S).group(0)
    assert '<th scope="row">2025-04</th>' in month_table
    assert re.search(r"2025-04</th>\s*<td>2</td>\s*<td>3</td>\s*<td>3</td>", month_table)


def test_dashboard_narrower_period(client_for, project, dataset):
    response = client_for("coordinator").get(
        f"/panel/wskazniki/{project.slug}/?od=2025-04-01&do=2025-04-30"
    )
    assert response.status_code == 200
    assert response.context["totals"] == indicators.Figures(2, 3, 3)
    assert (response.context["start"], response.context["end"]) == (
        datetime.date(2025, 4, 1),
        datetime.date(2025, 4, 30),
    )


@pytest.mark.parametrize(
    "query",
    [
        "od=2025-05-01&do=2025-04-01",  # reversed
        "od=2024-06-01",  # before the project
        "do=2026-03-01",  # after it
        "od=nie-data",
        "od=2025-02-30",
    ],
)
def test_bad_period_shows_an_error_and_the_whole_period(client_for, project, dataset, query):
    response = client_for("coordinator").get(f"/en/panel/wskazniki/{project.slug}/?{query}")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    assert (response.context["start"], response.context["end"]) == (project.start, project.end)
    assert response.context["totals"] == indicators.Figures(3, 4, 7)


def test_an_empty_project_renders(client_for, project):
    response = client_for("coordinator").get(f"/en/panel/wskazniki/{project.slug}/")
    assert response.status_code == 200
    assert "No support recorded in this period." in response.content.decode()


def test_dashboard_query_count_does_not_grow(
    client_for,
    project,
    make_organizations,
    django_assert_max_num_queries,
):
    client = client_for("coordinator")
    url = f"/panel/wskazniki/{project.slug}/"
    organizations = make_organizations(60)
    for index, organization in enumerate(organizations):
        for kind in (Kind.TRAINING, Kind.CONSULTATION):
            record(
                kind,
                datetime.date(2025, 1 + index % 12, 1 + index % 28),
                person_name=f"Osoba {index}",
                organization=organization,
            )
    # Counted live (no kept figures yet): the 5 counting queries and the look-up of kept ones.
    with django_assert_max_num_queries(13):
        assert client.get(url).status_code == 200


def test_list_query_count_does_not_grow_with_records(
    client_for, project, dataset, django_assert_max_num_queries
):
    client = client_for("analyst")
    make_project(slug="drugi", name="Drugi projekt")
    # One count per project shown: at most a page of them, whatever the number of records.
    with django_assert_max_num_queries(10):
        assert client.get("/panel/wskazniki/").status_code == 200


def test_bar_chart_is_accessible_svg(project, dataset):
    rows = indicators.by_kind(indicators.counted_records(project))
    svg = str(charts.bar_chart(rows, value="persons", title="Osoby <wg rodzaju>", chart_id="c1"))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Osoby &lt;wg rodzaju&gt;</title>' in svg
    assert svg.count("<rect") == len(rows)
    # The description repeats the numbers in words for those who cannot see the bars.
    assert all(f"{row.label}: {row.persons}" in svg for row in rows)


def test_bar_chart_without_data(project):
    svg = str(charts.bar_chart([], value="persons", title="Pusto"))
    assert "<rect" not in svg and "<title" in svg
