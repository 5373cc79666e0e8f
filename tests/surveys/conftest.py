"""Surveys for the tests: built through the services, as the analyst would."""

import pytest

from pomyslowice.surveys import services
from pomyslowice.surveys.models import Question, Survey

QUESTIONS = [
    {
        "text": "Jak oceniasz szkolenie?",
        "kind": Question.Kind.SCALE,
        "scale_max": 5,
        "scale_min_label": "źle",
        "scale_max_label": "dobrze",
    },
    {
        "text": "Który temat był najlepszy?",
        "kind": Question.Kind.SINGLE,
        "choices": ["Granty", "Księgowość", "RODO"],
    },
    {
        "text": "Kiedy możesz przychodzić?",
        "kind": Question.Kind.MULTIPLE,
        "required": False,
        "choices": ["Rano", "Popołudniu", "W soboty"],
    },
    {"text": "Co poprawić?", "kind": Question.Kind.TEXT, "required": False},
]


def build_survey(by, *, anonymous=True, title="Ocena szkoleń", open_it=True) -> Survey:
    survey = services.create_survey(
        by=by, title=title, introduction="Prosimy o opinię.", is_anonymous=anonymous
    )
    for question in QUESTIONS:
        services.add_question(survey=survey, by=by, **{"required": True, **question})
    if open_it:
        survey = services.open_survey(survey=survey, by=by)
    return survey


def invite(survey: Survey, by, *emails: str):
    services.invite(survey=survey, emails=list(emails), by=by, audience="pasted")
    return [survey.invitations.get(email=email) for email in emails]


def questions_of(survey: Survey) -> dict[str, Question]:
    """The survey's questions by kind (one of each in QUESTIONS)."""
    return {question.kind: question for question in survey.questions.all()}


def answer_values(survey: Survey, *, scale=4, single="Granty", multiple=("Rano",), text="Dobrze"):
    questions = questions_of(survey)

    def choice(question, label):
        return question.choices.get(text=label).pk

    return {
        questions["scale"].pk: scale,
        questions["single"].pk: choice(questions["single"], single),
        questions["multiple"].pk: [choice(questions["multiple"], label) for label in multiple],
        questions["text"].pk: text,
    }


@pytest.fixture
def analyst(users):
    return users["analyst"]


@pytest.fixture
def draft(analyst):
    return build_survey(analyst, open_it=False)


@pytest.fixture
def open_survey(analyst):
    return build_survey(analyst)


@pytest.fixture
def named_survey(analyst):
    return build_survey(analyst, anonymous=False, title="Potrzeby organizacji")
