"""Demo surveys: a closed anonymous evaluation of the centre's trainings with its answers, and an
open survey of organisations' needs. Idempotent: a survey with the same title is left alone.
Invitations are created without e-mails, for made-up addresses of example.org."""

import random
import secrets

from django.db import transaction

from . import services
from .models import Invitation, Question, Survey

TRAINING_SURVEY = "Ocena szkoleń ośrodka 2026"
NEEDS_SURVEY = "Potrzeby organizacji na rok 2027"

TRAINING_QUESTIONS = [
    {
        "text": "Jak oceniasz szkolenia, w których wziąłeś(-ęłaś) udział?",
        "kind": Question.Kind.SCALE,
        "scale_max": 5,
        "scale_min_label": "bardzo źle",
        "scale_max_label": "bardzo dobrze",
    },
    {
        "text": "Który temat szkolenia był dla Ciebie najbardziej przydatny?",
        "kind": Question.Kind.SINGLE,
        "choices": [
            "Pisanie wniosków grantowych",
            "Księgowość i sprawozdawczość NGO",
            "Ochrona danych osobowych (RODO)",
            "Promocja w mediach społecznościowych",
        ],
    },
    {
        "text": "Co ułatwiłoby Ci udział w kolejnych szkoleniach?",
        "kind": Question.Kind.MULTIPLE,
        "required": False,
        "choices": [
            "Zajęcia popołudniowe",
            "Szkolenia w soboty",
            "Możliwość udziału online",
            "Opieka nad dziećmi w czasie zajęć",
        ],
    },
    {
        "text": "Jak prawdopodobne jest, że polecisz nasze szkolenia innym organizacjom?",
        "kind": Question.Kind.SCALE,
        "scale_max": 10,
        "scale_min_label": "wcale",
        "scale_max_label": "na pewno",
    },
    {
        "text": "Co możemy poprawić?",
        "kind": Question.Kind.TEXT,
        "required": False,
    },
]

SUGGESTIONS = [
    "Więcej przykładów z mysłowickich organizacji.",
    "Materiały wysłane przed szkoleniem, żeby się przygotować.",
    "Sala na Piasku była za mała przy pełnej grupie.",
    "Dłuższa część warsztatowa, krótsza wykładowa.",
    "Szkolenie z rozliczania dotacji z Urzędu Miasta.",
    "",
]

NEEDS_QUESTIONS = [
    {
        "text": "W jakich obszarach Państwa organizacja potrzebuje wsparcia w 2027 roku?",
        "kind": Question.Kind.MULTIPLE,
        "choices": [
            "Pozyskiwanie funduszy",
            "Księgowość i kadry",
            "Promocja i komunikacja",
            "Współpraca z Urzędem Miasta i MOPS",
            "Wolontariat",
        ],
    },
    {
        "text": "Jak często korzystają Państwo z sal ośrodka?",
        "kind": Question.Kind.SINGLE,
        "choices": ["Co tydzień", "Raz w miesiącu", "Kilka razy w roku", "Wcale"],
    },
    {
        "text": "Jakie szkolenie powinniśmy zorganizować w pierwszej kolejności?",
        "kind": Question.Kind.TEXT,
        "required": False,
    },
]


def _build(title: str, introduction: str, questions: list[dict], *, anonymous: bool, by):
    survey = services.create_survey(
        by=by, title=title, introduction=introduction, is_anonymous=anonymous
    )
    for question in questions:
        services.add_question(survey=survey, by=by, **{"required": True, **question})
    return services.open_survey(survey=survey, by=by)


def _invite(survey: Survey, addresses: list[str]) -> list[Invitation]:
    return Invitation.objects.bulk_create(
        Invitation(survey=survey, email=address, token=secrets.token_urlsafe(32))
        for address in addresses
    )


def _random_values(survey: Survey, rng: random.Random) -> dict[int, object]:
    values = {}
    for question in survey.questions.prefetch_related("choices"):
        choice_ids = [choice.pk for choice in question.choices.all()]
        if question.kind == Question.Kind.SCALE:
            top = question.scale_max
            values[question.pk] = rng.choice([top, top, top - 1, top - 1, top - 2, max(1, top - 3)])
        elif question.kind == Question.Kind.SINGLE:
            values[question.pk] = rng.choice(choice_ids)
        elif question.kind == Question.Kind.MULTIPLE:
            values[question.pk] = rng.sample(choice_ids, rng.randint(1, 2))
        else:
            values[question.pk] = rng.choice(SUGGESTIONS)
    return values


def _answer(survey: Survey, invitations: list[Invitation], rng: random.Random) -> None:
    for invitation in invitations:
        services.submit_response(invitation=invitation, values=_random_values(survey, rng))


@transaction.atomic
def seed(*, users) -> dict[str, int]:
    analyst = users["analyst"]
    rng = random.Random(2026)  # repeatable demo answers, not secrets  # nosec B311
    created = {"surveys": 0, "survey_responses": 0}
    if not Survey.objects.filter(title=TRAINING_SURVEY).exists():
        survey = _build(
            TRAINING_SURVEY,
            "Dziękujemy za udział w szkoleniach ośrodka wsparcia organizacji w Mysłowicach. "
            "Ankieta jest anonimowa i zajmie około trzech minut.",
            TRAINING_QUESTIONS,
            anonymous=True,
            by=analyst,
        )
        invitations = _invite(survey, [f"uczestnik{n:02d}@example.org" for n in range(1, 27)])
        _answer(survey, invitations[:20], rng)
        services.close_survey(survey=survey, by=analyst)
        created["surveys"] += 1
        created["survey_responses"] += 20
    if not Survey.objects.filter(title=NEEDS_SURVEY).exists():
        survey = _build(
            NEEDS_SURVEY,
            "Planujemy ofertę ośrodka na 2027 rok. Prosimy o kilka słów od każdej organizacji.",
            NEEDS_QUESTIONS,
            anonymous=False,
            by=analyst,
        )
        invitations = _invite(survey, [f"organizacja{n:02d}@example.org" for n in range(1, 9)])
        _answer(survey, invitations[:3], rng)
        created["surveys"] += 1
        created["survey_responses"] += 3
    return created
