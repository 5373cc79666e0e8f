"""Demo consulting: two consultants (the centre's organisation caretaker and an outside lawyer),
the five services, Mondays 11–17, a few booked appointments and one held consultation.

Idempotent: consultants are found by account, services by slug, appointments by (service,
e-mail, question), so running it again (on any day) changes nothing. Upcoming appointments take
the first free slot; they are written directly (no e-mails to demo people), the held one's
outcome goes through `record_outcome` so it counts as support received.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from pomyslowice.accounts.models import User
from pomyslowice.organizations.demo_data import DEMO_PASSWORD, REPRESENTED_ORGANIZATION
from pomyslowice.organizations.models import Organization

from . import consulting_services
from .calendar import local_datetime
from .consulting_slots import free_slots
from .models import Appointment, AvailabilityRule, Consultant, ConsultingService, Weekday

CARETAKER_EMAIL = "opiekun-organizacji@demo.pomyslowice.pl"
LAWYER_EMAIL = "mecenas@demo.pomyslowice.pl"
FIRST_CONTACT = "porada-pierwszego-kontaktu"

SERVICES = [
    {
        "slug": FIRST_CONTACT,
        "name": "Porada pierwszego kontaktu",
        "kind": ConsultingService.Kind.FIRST_CONTACT,
        "duration_minutes": 30,
        "description": (
            "Krótka rozmowa na początek: jak założyć organizację, gdzie szukać pieniędzy, "
            "do kogo się zwrócić. Także dla osób, które dopiero myślą o działaniu."
        ),
        "consultants": [CARETAKER_EMAIL],
    },
    {
        "slug": "doradztwo-prawne",
        "name": "Doradztwo prawne",
        "kind": ConsultingService.Kind.SPECIALIST,
        "duration_minutes": 60,
        "description": (
            "Statut, KRS, zmiany w zarządzie, umowy z wolontariuszami i zleceniobiorcami, "
            "status organizacji pożytku publicznego."
        ),
        "consultants": [LAWYER_EMAIL],
    },
    {
        "slug": "ksiegowosc-i-finanse",
        "name": "Księgowość i finanse",
        "kind": ConsultingService.Kind.SPECIALIST,
        "duration_minutes": 60,
        "description": (
            "Uproszczona ewidencja, sprawozdanie finansowe, rozliczenie dotacji i 1,5% podatku."
        ),
        "consultants": [CARETAKER_EMAIL],
    },
    {
        "slug": "fundraising",
        "name": "Fundraising",
        "kind": ConsultingService.Kind.SPECIALIST,
        "duration_minutes": 60,
        "description": "Zbiórki publiczne, darczyńcy indywidualni, współpraca z firmami.",
        "consultants": [CARETAKER_EMAIL],
    },
    {
        "slug": "pisanie-projektow",
        "name": "Pisanie projektów",
        "kind": ConsultingService.Kind.SPECIALIST,
        "duration_minutes": 60,
        "description": (
            "Wnioski do konkursów miasta Mysłowice, FIO i funduszy lokalnych: cele, "
            "harmonogram, budżet, rezultaty."
        ),
        "consultants": [CARETAKER_EMAIL, LAWYER_EMAIL],
    },
]

UPCOMING = [
    {
        "service": "doradztwo-prawne",
        "email": "przedstawiciel@demo.pomyslowice.pl",
        "question": "Chcemy zmienić statut, żeby prowadzić działalność odpłatną. Od czego zacząć?",
        "organization": REPRESENTED_ORGANIZATION,
    },
    {
        "service": FIRST_CONTACT,
        "email": "mieszkanka@demo.pomyslowice.pl",
        "question": "Sąsiedzi chcą założyć klub seniora na Piasku. Jaka forma będzie najlepsza?",
        "organization": None,
    },
]

HELD = {
    "service": "pisanie-projektow",
    "email": "przedstawiciel@demo.pomyslowice.pl",
    "question": "Wniosek do otwartego konkursu ofert miasta na zadania z kultury.",
    "organization": REPRESENTED_ORGANIZATION,
    "topics": "Budżet i harmonogram wniosku do konkursu miasta",
    "staff_notes": "Wniosek w dobrym stanie; poprawić rezultaty i wkład osobowy.",
    "follow_up": "Przejrzeć poprawiony wniosek przed wysłaniem.",
}


def seed() -> dict:
    consultants = _consultants()
    services = _services(consultants)
    created = sum(_upcoming(spec, services[spec["service"]]) for spec in UPCOMING)
    created += _held(HELD, services[HELD["service"]], consultants[CARETAKER_EMAIL])
    return {
        "consultants": len(consultants),
        "services": len(services),
        "appointments_created": created,
    }


def _consultants() -> dict[str, Consultant]:
    lawyer, _created = User.objects.get_or_create(
        email=LAWYER_EMAIL,
        defaults={
            "first_name": "Barbara",
            "last_name": "Mecenas-Nowak",
            "password": make_password(DEMO_PASSWORD),
        },
    )
    caretaker = User.objects.get(email=CARETAKER_EMAIL)
    result = {}
    for user, bio in [
        (caretaker, "Opiekunka organizacji w ośrodku; pomaga w codziennych sprawach NGO."),
        (lawyer, "Radczyni prawna, od 15 lat doradza stowarzyszeniom i fundacjom."),
    ]:
        consultant, _created = Consultant.objects.get_or_create(
            user=user, defaults={"display_name": user.get_full_name() or user.email, "bio": bio}
        )
        if not consultant.rules.exists():
            AvailabilityRule.objects.create(
                consultant=consultant,
                weekday=Weekday.MONDAY,
                starts_at=datetime.time(11),
                ends_at=datetime.time(17),
            )
        result[user.email] = consultant
    return result


def _services(consultants: dict) -> dict[str, ConsultingService]:
    result = {}
    for position, spec in enumerate(SERVICES):
        fields = {k: v for k, v in spec.items() if k not in ("slug", "consultants")}
        service, _created = ConsultingService.objects.get_or_create(
            slug=spec["slug"], defaults={**fields, "position": position}
        )
        service.consultants.add(*[consultants[email] for email in spec["consultants"]])
        result[spec["slug"]] = service
    return result


def _person(spec: dict) -> tuple[User | None, Organization | None]:
    user = User.objects.filter(email=spec["email"]).first()
    organization = (
        Organization.objects.filter(slug=spec["organization"]).first()
        if spec["organization"]
        else None
    )
    return user, organization


def _existing(spec: dict, service: ConsultingService) -> Appointment | None:
    return (
        Appointment.objects.filter(service=service, email=spec["email"], question=spec["question"])
        .exclude(status=Appointment.Status.CANCELLED)
        .first()
    )


def _upcoming(spec: dict, service: ConsultingService) -> bool:
    if _existing(spec, service):
        return False
    today = timezone.localdate()
    slots = free_slots(service, today, today + datetime.timedelta(days=30))
    if not slots:
        return False
    slot = slots[len(slots) // 3]  # not the very first: the demo leaves early slots free
    user, organization = _person(spec)
    Appointment.objects.create(
        service=service,
        consultant=slot.consultant,
        start=slot.start,
        end=slot.end,
        status=Appointment.Status.BOOKED,
        user=user,
        name=user.get_full_name() if user else spec["email"],
        email=spec["email"],
        organization=organization,
        question=spec["question"],
    )
    return True


def _held(spec: dict, service: ConsultingService, consultant: Consultant) -> bool:
    if _existing(spec, service):
        return False
    today = timezone.localdate()
    last_monday = today - datetime.timedelta(days=today.weekday() or 7)
    user, organization = _person(spec)
    start = local_datetime(last_monday, datetime.time(12))
    appointment = Appointment.objects.create(
        service=service,
        consultant=consultant,
        start=start,
        end=start + datetime.timedelta(minutes=service.duration_minutes),
        status=Appointment.Status.BOOKED,
        user=user,
        name=user.get_full_name() if user else spec["email"],
        email=spec["email"],
        organization=organization,
        question=spec["question"],
    )
    consulting_services.record_outcome(
        appointment=appointment,
        by=consultant.user,
        held=True,
        topics=spec["topics"],
        staff_notes=spec["staff_notes"],
        follow_up=spec["follow_up"],
    )
    return True
