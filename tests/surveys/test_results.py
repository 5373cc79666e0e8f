"""Results on a known dataset: the page, the CSV and XLSX exports, and the research article."""

import csv
import io

import pytest
from openpyxl import load_workbook

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.knowledge.models import Article
from pomyslowice.surveys import services
from pomyslowice.surveys.results import results_for
from tests.surveys.conftest import answer_values, build_survey, invite

BASE = "/en/panel/ankiety"

# Four people answer, a fifth is invited and does not: 80% response rate.
ANSWERS = [
    {"scale": 5, "single": "Granty", "multiple": ("Rano", "W soboty"), "text": "Więcej praktyki"},
    {"scale": 4, "single": "Granty", "multiple": ("Rano",), "text": "=HYPERLINK(1)"},
    {"scale": 4, "single": "RODO", "multiple": (), "text": ""},
    {"scale": 1, "single": "Księgowość", "multiple": ("Rano",), "text": "Ciasna sala"},
]


def answered_survey(analyst, *, anonymous=True):
    survey = build_survey(analyst, anonymous=anonymous)
    people = invite(survey, analyst, *[f"osoba{n}@example.org" for n in range(5)])
    for person, answers in zip(people, ANSWERS, strict=False):
        services.submit_response(invitation=person, values=answer_values(survey, **answers))
    return survey


@pytest.fixture
def answered(analyst):
    return answered_survey(analyst)


def by_kind(results):
    return {item.question.kind: item for item in results.questions}


def test_the_numbers(answered):
    results = results_for(answered)
    assert (results.invited, results.responses, results.response_rate) == (5, 4, 80.0)
    items = by_kind(results)
    scale = items["scale"]
    assert [(r.label, r.count, r.percent) for r in scale.rows] == [
        ("1", 1, 25.0),
        ("2", 0, 0.0),
        ("3", 0, 0.0),
        ("4", 2, 50.0),
        ("5", 1, 25.0),
    ]
    assert (scale.mean, scale.median, scale.answered) == (3.5, 4.0, 4)
    assert [(r.label, r.count, r.percent) for r in items["single"].rows] == [
        ("Granty", 2, 50.0),
        ("Księgowość", 1, 25.0),
        ("RODO", 1, 25.0),
    ]
    # Percent of the three who answered the optional multiple-choice question.
    assert items["multiple"].answered == 3
    assert [(r.label, r.count, r.percent) for r in items["multiple"].rows] == [
        ("Rano", 3, 100.0),
        ("Popołudniu", 0, 0.0),
        ("W soboty", 1, 33.3),
    ]
    texts = items["text"].texts
    assert [t.text for t in texts] == sorted(["Więcej praktyki", "=HYPERLINK(1)", "Ciasna sala"])
    assert all(t.respondent == "" for t in texts)


def test_a_named_survey_lists_text_answers_with_their_respondent(analyst):
    survey = answered_survey(analyst, anonymous=False)
    texts = by_kind(results_for(survey))["text"].texts
    assert ("osoba0@example.org", "Więcej praktyki") in {(t.respondent, t.text) for t in texts}


def test_the_results_page(client_for, answered):
    response = client_for("analyst").get(f"{BASE}/{answered.pk}/wyniki/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<dd id="rate">80.0%</dd>' in body
    assert body.count('role="img"') == 3 and body.count("<title id=") == 3
    assert body.count("<caption>") == 3
    assert "Mean: 3.5, median: 4.0" in body
    assert "osoba" not in body  # anonymous: no address anywhere


def test_results_page_queries_do_not_grow(client_for, analyst, django_assert_max_num_queries):
    survey = answered_survey(analyst)
    client = client_for("analyst")
    people = invite(survey, analyst, *[f"wiecej{n}@example.org" for n in range(30)])
    for person in people:
        services.submit_response(invitation=person, values=answer_values(survey))
    with django_assert_max_num_queries(13):
        assert client.get(f"{BASE}/{survey.pk}/wyniki/").status_code == 200


def test_csv_export_parsed_back(client_for, answered):
    response = client_for("analyst").get(f"{BASE}/{answered.pk}/wyniki.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "ocena-szkolen-wyniki.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Question", "Answer", "Count", "Percent", "Respondent"]
    assert ["Responses", "", "4", "80.0", ""] in rows
    assert ["Który temat był najlepszy?", "Granty", "2", "50.0", ""] in rows
    assert ["Jak oceniasz szkolenie?", "mean", "3.5", "", ""] in rows
    # A respondent's text never becomes a spreadsheet formula.
    assert ["Co poprawić?", "'=HYPERLINK(1)", "", "", ""] in rows


def test_xlsx_export_parsed_back(client_for, answered):
    response = client_for("analyst").get(f"{BASE}/{answered.pk}/wyniki.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Question", "Answer", "Count", "Percent", "Respondent"]
    assert ["Kiedy możesz przychodzić?", "W soboty", 1, 33.3, None] in rows
    assert ["Jak oceniasz szkolenie?", "median", 4, None, None] in rows


def test_publishing_creates_a_draft_research_article(client_for, answered, analyst, users):
    services.close_survey(survey=answered, by=analyst)
    response = client_for("coordinator").post(f"{BASE}/{answered.pk}/opublikuj/")

    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert (article.kind, article.status, article.author) == (
        Article.Kind.RESEARCH,
        Article.Status.DRAFT,
        users["coordinator"],
    )
    assert "Granty: 2 (50.0%)" in article.body and "<script" not in article.body
    assert "Ciasna sala" not in article.body  # written answers stay private
    assert "4 responses of 5" in article.sample
    answered.refresh_from_db()
    assert answered.article == article
    assert AuditLogEntry.objects.filter(verb="surveys.survey.published").exists()

    again = client_for("coordinator").post(f"{BASE}/{answered.pk}/opublikuj/", follow=True)
    assert "already been published" in again.content.decode()
    assert Article.objects.count() == 1


def test_an_open_survey_is_not_published(client_for, answered):
    response = client_for("coordinator").post(f"{BASE}/{answered.pk}/opublikuj/", follow=True)
    assert "once the survey is closed" in response.content.decode()
    assert not Article.objects.exists()
