"""A survey's results as numbers: the same figures feed the page, the exports and the article.

Percentages are of the people who answered that question (for multiple choice they may add up to
more than 100). Text answers of an anonymous survey come sorted, never beside their respondent.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from .models import Answer, Question, Survey

CHART_BAR_MAX = 300


@dataclass
class Row:
    label: str
    count: int
    percent: float

    @property
    def bar_width(self) -> int:
        return round(CHART_BAR_MAX * self.percent / 100)


@dataclass
class TextAnswer:
    text: str
    respondent: str = ""


@dataclass
class QuestionResult:
    question: Question
    answered: int
    rows: list[Row] = field(default_factory=list)
    mean: float | None = None
    median: float | None = None
    texts: list[TextAnswer] = field(default_factory=list)

    @property
    def chart_height(self) -> int:
        return 30 * len(self.rows) + 10


@dataclass
class SurveyResults:
    survey: Survey
    invited: int
    responses: int
    questions: list[QuestionResult]

    @property
    def response_rate(self) -> float | None:
        return round(100 * self.responses / self.invited, 1) if self.invited else None


def _percent(count: int, whole: int) -> float:
    return round(100 * count / whole, 1) if whole else 0.0


def _scale_result(question, answered, counts: Counter) -> QuestionResult:
    values = sorted(counts.elements())
    return QuestionResult(
        question=question,
        answered=answered,
        rows=[
            Row(str(value), counts[value], _percent(counts[value], answered))
            for value in range(1, question.scale_max + 1)
        ],
        mean=round(statistics.fmean(values), 2) if values else None,
        median=statistics.median(values) if values else None,
    )


def _texts(survey: Survey) -> dict[int, list[TextAnswer]]:
    answers = Answer.objects.filter(response__survey=survey, question__kind=Question.Kind.TEXT)
    texts = defaultdict(list)
    if survey.is_anonymous:
        for question_id, text in answers.values_list("question_id", "text").order_by("text"):
            texts[question_id].append(TextAnswer(text))
    else:
        rows = answers.values_list("question_id", "text", "response__invitation__email")
        for question_id, text, email in rows.order_by("response__invitation__email", "text"):
            texts[question_id].append(TextAnswer(text, email or ""))
    return texts


def results_for(survey: Survey) -> SurveyResults:
    answers = Answer.objects.filter(response__survey=survey)
    answered = dict(answers.values_list("question_id").annotate(n=Count("response", distinct=True)))
    by_choice = dict(answers.exclude(choice=None).values_list("choice_id").annotate(n=Count("id")))
    by_number = defaultdict(Counter)
    for question_id, number, n in (
        answers.exclude(number=None).values_list("question_id", "number").annotate(n=Count("id"))
    ):
        by_number[question_id][number] = n
    texts = _texts(survey)
    questions = []
    for question in survey.questions.prefetch_related("choices"):
        total = answered.get(question.pk, 0)
        if question.kind == Question.Kind.SCALE:
            questions.append(_scale_result(question, total, by_number[question.pk]))
            continue
        result = QuestionResult(question=question, answered=total, texts=texts[question.pk])
        result.rows = [
            Row(c.text, by_choice.get(c.pk, 0), _percent(by_choice.get(c.pk, 0), total))
            for c in question.choices.all()
        ]
        questions.append(result)
    return SurveyResults(
        survey=survey,
        invited=survey.invitations.count(),
        responses=survey.responses.count(),
        questions=questions,
    )
