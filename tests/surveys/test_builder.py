"""Building a questionnaire: the survey, its questions and options, only while it is a draft."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.surveys import services
from pomyslowice.surveys.models import Question, Survey

BASE = "/en/panel/ankiety"


def test_analyst_builds_a_survey_through_the_pages(client_for):
    client = client_for("analyst")
    response = client.post(
        f"{BASE}/nowa/",
        {"title": "Ankieta po szkoleniu", "introduction": "Krótko.", "is_anonymous": "on"},
    )
    survey = Survey.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{survey.pk}/")
    assert survey.is_anonymous and survey.status == Survey.Status.DRAFT

    client.post(
        f"{BASE}/{survey.pk}/pytania/nowe/",
        {
            "text": "Jak było?",
            "kind": "scale",
            "required": "on",
            "scale_max": "10",
            "scale_min_label": "źle",
            "scale_max_label": "świetnie",
        },
    )
    client.post(
        f"{BASE}/{survey.pk}/pytania/nowe/",
        {"text": "Temat?", "kind": "single", "required": "on", "choices": "Granty\n\nRODO\n"},
    )
    client.post(f"{BASE}/{survey.pk}/pytania/nowe/", {"text": "Uwagi?", "kind": "text"})

    scale, single, text = survey.questions.all()
    assert (scale.kind, scale.scale_max, scale.position) == ("scale", 10, 1)
    assert [c.text for c in single.choices.all()] == ["Granty", "RODO"]
    assert (text.kind, text.required, text.scale_max, text.position) == ("text", False, None, 3)
    page = client.get(f"{BASE}/{survey.pk}/")
    assert page.status_code == 200 and "Temat?" in page.content.decode()


def test_a_choice_question_needs_two_options(client_for, draft):
    response = client_for("analyst").post(
        f"{BASE}/{draft.pk}/pytania/nowe/",
        {"text": "Tak czy nie?", "kind": "single", "choices": "Tak"},
    )
    assert response.status_code == 200
    assert "at least two answer options" in response.content.decode()
    assert not draft.questions.filter(text="Tak czy nie?").exists()


def test_a_scale_question_needs_its_length(draft, analyst):
    with pytest.raises(ValidationError) as error:
        services.add_question(survey=draft, by=analyst, text="Skala?", kind="scale")
    assert "scale_max" in error.value.message_dict


def test_options_of_a_non_choice_question_are_dropped(draft, analyst):
    question = services.add_question(
        survey=draft, by=analyst, text="Uwagi", kind="text", choices=["a", "b"]
    )
    assert not question.choices.exists()


def test_duplicate_options_are_refused(draft, analyst):
    with pytest.raises(ValidationError):
        services.add_question(
            survey=draft, by=analyst, text="Dzień?", kind="single", choices=["Pon", "pon"]
        )


def test_editing_a_question_replaces_its_options(client_for, draft):
    question = draft.questions.get(kind="single")
    response = client_for("analyst").post(
        f"{BASE}/{draft.pk}/pytania/{question.pk}/",
        {"text": "Najlepszy temat?", "kind": "single", "required": "on", "choices": "A\nB\nC\nD"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "Najlepszy temat?"
    assert [c.text for c in question.choices.all()] == ["A", "B", "C", "D"]


def test_questions_move_and_are_removed(client_for, draft):
    client = client_for("analyst")
    first, second, *_rest = draft.questions.all()
    client.post(f"{BASE}/{draft.pk}/pytania/{second.pk}/przesun/", {"direction": "up"})
    assert list(draft.questions.values_list("pk", flat=True))[:2] == [second.pk, first.pk]
    client.post(f"{BASE}/{draft.pk}/pytania/{second.pk}/przesun/", {"direction": "up"})
    assert list(draft.questions.values_list("pk", flat=True))[:2] == [second.pk, first.pk]
    client.post(f"{BASE}/{draft.pk}/pytania/{first.pk}/usun/")
    assert not Question.objects.filter(pk=first.pk).exists()


def test_an_empty_survey_cannot_be_opened(analyst):
    survey = services.create_survey(by=analyst, title="Pusta")
    with translation.override("en"), pytest.raises(ValidationError, match="at least one question"):
        services.open_survey(survey=survey, by=analyst)


def test_closing_must_come_after_opening(client_for):
    response = client_for("analyst").post(
        f"{BASE}/nowa/",
        {"title": "Zła data", "opens_at": "2026-05-10T10:00", "closes_at": "2026-05-01T10:00"},
    )
    assert response.status_code == 200 and not Survey.objects.exists()


def test_nothing_changes_once_the_survey_is_open(client_for, open_survey):
    client = client_for("analyst")
    question = open_survey.questions.first()
    urls_and_data = [
        (f"{BASE}/{open_survey.pk}/edytuj/", {"title": "Nowy tytuł"}),
        (f"{BASE}/{open_survey.pk}/pytania/nowe/", {"text": "Nowe?", "kind": "text"}),
        (f"{BASE}/{open_survey.pk}/pytania/{question.pk}/", {"text": "Zmiana", "kind": "text"}),
        (f"{BASE}/{open_survey.pk}/pytania/{question.pk}/usun/", {}),
        (f"{BASE}/{open_survey.pk}/pytania/{question.pk}/przesun/", {"direction": "down"}),
    ]
    for url, data in urls_and_data:
        response = client.post(url, data, follow=True)
        assert "Only a draft survey can be changed" in response.content.decode(), url
    open_survey.refresh_from_db()
    question.refresh_from_db()
    assert open_survey.title == "Ocena szkoleń" and question.position == 1
    assert open_survey.questions.count() == 4


def test_opening_and_closing_are_logged(client_for, draft):
    client = client_for("analyst")
    client.post(f"{BASE}/{draft.pk}/otworz/")
    draft.refresh_from_db()
    assert draft.status == Survey.Status.OPEN
    client.post(f"{BASE}/{draft.pk}/zamknij/")
    draft.refresh_from_db()
    assert draft.status == Survey.Status.CLOSED
    verbs = set(AuditLogEntry.objects.values_list("verb", flat=True))
    assert {"surveys.survey.opened", "surveys.survey.closed"} <= verbs
    response = client.post(f"{BASE}/{draft.pk}/zamknij/", follow=True)
    assert "Only an open survey can be closed" in response.content.decode()
