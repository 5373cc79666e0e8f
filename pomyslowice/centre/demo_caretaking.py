"""Demo caretaking: the NGO caretaker looks after a few organisations, with contacts, tasks and
one "small partnerships" strategy plan (diagnosis, goals, three actions, a held review).

Idempotent: contacts are found again by (organisation, topic), tasks by (organisation, title),
and the plan is written only while the organisation has none. Dates are relative to the day of
the first run, so the demo shows a recent contact, an overdue task and an upcoming review.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from pomyslowice.accounts.models import User
from pomyslowice.organizations.demo_data import PERSONAS, REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import Organization
from pomyslowice.organizations.services import assign_caretaker

from . import caretaking_services, strategy_services
from .models import (
    CaretakerContact,
    CaretakerTask,
    StrategyAction,
    StrategyPlan,
    StrategyPlanVersion,
)

CARED_FOR = [
    REPRESENTED_ORGANIZATION,
    "aktywna-jesien",
    "sasiedzi-bonczyk",
    "kino-sasiedzkie",
    "kgw-kosztowianki",
]

# (organisation, days ago, channel, minutes, topic, who we spoke to, notes)
CONTACTS = [
    (
        REPRESENTED_ORGANIZATION,
        40,
        CaretakerContact.Channel.MEETING,
        90,
        "Diagnoza potrzeb stowarzyszenia i start planu strategicznego",
        "Grzegorz Pietrzyk",
        "Zarząd chce w tym roku otworzyć świetlicę na dłużej; brakuje im osób do dyżurów.",
    ),
    (
        REPRESENTED_ORGANIZATION,
        12,
        CaretakerContact.Channel.PHONE,
        20,
        "Wniosek do Mysłowickiego Budżetu Obywatelskiego",
        "Grzegorz Pietrzyk",
        "Umówiliśmy konsultację z doradcą od pisania projektów.",
    ),
    (
        "aktywna-jesien",
        7,
        CaretakerContact.Channel.VISIT,
        60,
        "Wizyta w klubie seniora – rozliczenie dotacji z Urzędu Miasta",
        "Krystyna Wójcik",
        "Sprawozdanie częściowe gotowe, brakuje zestawienia faktur.",
    ),
    (
        "sasiedzi-bonczyk",
        3,
        CaretakerContact.Channel.EMAIL,
        None,
        "Wzór porozumienia z wolontariuszem",
        "",
        "",
    ),
]

# (organisation, title, due in days (negative: overdue), notes)
TASKS = [
    (
        REPRESENTED_ORGANIZATION,
        "Przesłać wzór harmonogramu dyżurów w świetlicy",
        -2,
        "Obiecane na spotkaniu strategicznym.",
    ),
    ("aktywna-jesien", "Sprawdzić zestawienie faktur przed złożeniem sprawozdania", 5, ""),
    ("kino-sasiedzkie", "Zaprosić na szkolenie z praw autorskich do pokazów filmowych", 14, ""),
]

PLAN = {
    "strengths": (
        "Rozpoznawalność na Słupnej i dobre relacje z radą dzielnicy.\n"
        "Grupa kilkunastu stałych wolontariuszy, także młodzieży.\n"
        "Doświadczenie w organizacji pikników i spacerów historycznych."
    ),
    "weaknesses": (
        "Świetlica czynna tylko dwa popołudnia w tygodniu.\n"
        "Cała praca administracyjna spoczywa na dwóch osobach z zarządu.\n"
        "Brak stałego źródła finansowania poza dotacjami z miasta."
    ),
    "opportunities": (
        "Mysłowicki Budżet Obywatelski i konkursy Urzędu Miasta.\n"
        "Współpraca ze Szkołą Podstawową przy ul. Kolejowej.\n"
        "Sale i sprzęt ośrodka wsparcia dostępne bez opłat."
    ),
    "threats": (
        "Wypalenie liderów.\n"
        "Rosnące koszty wynajmu i mediów.\n"
        "Odpływ młodych wolontariuszy po maturze."
    ),
    "goals": (
        "Świetlica czynna od poniedziałku do piątku do końca roku szkolnego.\n"
        "Pięć nowych osób w zespole dyżurów.\n"
        "Jedno wspólne wydarzenie z partnerami w każdym kwartale."
    ),
    "partnership_notes": (
        "Miłośnicy Ziemi Mysłowickiej prowadzą spacery historyczne dla dzieci ze świetlicy; "
        "Aktywna Jesień organizuje wspólne popołudnia międzypokoleniowe."
    ),
}
PARTNERS = ["milosnicy-ziemi-myslowickiej", "aktywna-jesien"]
# (description, owner, deadline in days, status)
ACTIONS = [
    (
        "Nabór wolontariuszy do dyżurów w świetlicy",
        "Grzegorz Pietrzyk",
        30,
        StrategyAction.Status.IN_PROGRESS,
    ),
    (
        "Złożenie wniosku do Mysłowickiego Budżetu Obywatelskiego",
        "Zarząd stowarzyszenia",
        60,
        StrategyAction.Status.PLANNED,
    ),
    (
        "Międzypokoleniowe popołudnie z Aktywną Jesienią",
        "Koordynatorka świetlicy",
        -10,
        StrategyAction.Status.DONE,
    ),
]


@transaction.atomic
def seed() -> dict:
    caretaker = User.objects.filter(email=PERSONAS["ngo_caretaker"]["email"]).first()
    if caretaker is None:
        return {"caretaking_organisations": 0}
    organizations = {org.slug: org for org in Organization.objects.filter(slug__in=CARED_FOR)}
    for organization in organizations.values():
        if organization.caretaker_id is None:
            assign_caretaker(organization=organization, caretaker=caretaker, by=caretaker)
    today = timezone.localdate()
    contacts = sum(
        _contact(organizations.get(row[0]), caretaker, today, *row[1:]) for row in CONTACTS
    )
    tasks = sum(_task(organizations.get(row[0]), caretaker, today, *row[1:]) for row in TASKS)
    plan = organizations.get(REPRESENTED_ORGANIZATION)
    plans = _plan(plan, caretaker, today) if plan else 0
    return {
        "caretaking_organisations": len(organizations),
        "caretaker_contacts_created": contacts,
        "caretaker_tasks_created": tasks,
        "strategy_plans_created": plans,
    }


def _contact(organization, caretaker, today, days_ago, channel, minutes, topic, person, notes):
    if (
        organization is None
        or CaretakerContact.objects.filter(organization=organization, topic=topic).exists()
    ):
        return 0
    caretaking_services.record_contact(
        organization=organization,
        by=caretaker,
        date=today - datetime.timedelta(days=days_ago),
        channel=channel,
        topic=topic,
        duration_minutes=minutes,
        notes=notes,
        person_name=person,
    )
    return 1


def _task(organization, caretaker, today, title, due_in, notes):
    if (
        organization is None
        or CaretakerTask.objects.filter(organization=organization, title=title).exists()
    ):
        return 0
    caretaking_services.add_task(
        organization=organization,
        by=caretaker,  # their own task: no e-mail from the demo
        title=title,
        due_date=today + datetime.timedelta(days=due_in),
        notes=notes,
    )
    return 1


def _plan(organization, caretaker, today) -> int:
    if StrategyPlan.objects.filter(organization=organization).exists():
        return 0
    # Written directly (not through save_plan) so that the demo e-mails nobody.
    plan = StrategyPlan.objects.create(
        organization=organization,
        next_review=today + datetime.timedelta(days=45),
        updated_by=caretaker,
        **PLAN,
    )
    plan.partners.set(Organization.objects.published().filter(slug__in=PARTNERS))
    for position, (description, owner, deadline_in, status) in enumerate(ACTIONS):
        StrategyAction.objects.create(
            plan=plan,
            description=description,
            owner=owner,
            deadline=today + datetime.timedelta(days=deadline_in),
            status=status,
            position=position,
        )
    StrategyPlanVersion.objects.create(
        plan=plan, number=plan.version, content=strategy_services.snapshot(plan), saved_by=caretaker
    )
    strategy_services.record_review(
        plan=plan,
        by=caretaker,
        date=today - datetime.timedelta(days=40),
        held=True,
        summary=(
            "Pierwsza sesja strategiczna z zarządem: analiza SWOT, trzy cele na rok szkolny, "
            "podział zadań."
        ),
    )
    strategy_services.record_review(plan=plan, by=caretaker, date=plan.next_review)
    return 1
