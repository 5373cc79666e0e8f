"""Demo volunteer profiles: the adult and the 16-year-old personas, and five made-up volunteers of
Mysłowice (among them a 12-year-old who volunteers with her mother), all with their consents.

Idempotent: a person with a profile is left as it is. Profiles are made by the same service as
on the site, so the consents carry the wording a volunteer sees (in the site's language).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from pomyslowice.accounts.models import User

from . import availability
from .models import VolunteerProfile
from .profile_services import create_profile

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
MORNING, AFTERNOON, EVENING = range(3)

# Made-up people: e-mail, first and last name, age in years, profile.
PEOPLE = [
    (
        "julia.zajac@demo.pomyslowice.pl",
        "Julia",
        "Zając",
        19,
        {
            "about": "Studiuję pedagogikę w Katowicach, w weekendy jestem w Mysłowicach.",
            "experience": "Dwa lata w szkolnym klubie wolontariatu; kolonie dla dzieci z MOPS.",
            "skills": ["opieka-nad-dziecmi", "korepetycje", "prace-reczne"],
            "areas": ["14", "27"],
            "district": "janow-miejski-cmok",
            "slots": [(TUE, AFTERNOON), (THU, AFTERNOON), (SAT, MORNING)],
            "languages": "polski, angielski",
            "visible_to_hosts": True,
            "show_name": True,
            "show_experience": True,
            "digest": True,
        },
    ),
    (
        "tomasz.kubica@demo.pomyslowice.pl",
        "Tomasz",
        "Kubica",
        67,
        {
            "about": "Emerytowany informatyk z kopalni; chętnie pomogę seniorom z komputerem.",
            "experience": "Kursy komputerowe dla seniorów w bibliotece (2023–2024).",
            "skills": ["obsluga-komputera", "rozmowa-z-seniorami", "prawo-jazdy"],
            "areas": ["10", "1"],
            "district": "piasek",
            "slots": [(MON, MORNING), (WED, MORNING), (FRI, MORNING)],
            "languages": "polski, niemiecki",
            "visible_to_hosts": True,
            "show_name": True,
            "show_contact": True,
            "show_experience": True,
        },
    ),
    (
        "oksana.melnyk@demo.pomyslowice.pl",
        "Oksana",
        "Melnyk",
        34,
        {
            "about": "Mieszkam w Mysłowicach od 2022 roku; pomagam rodzinom z Ukrainy.",
            "skills": ["jezyk-ukrainski", "organizacja-wydarzen"],
            "areas": ["1", "3"],
            "district": "centrum",
            "slots": [(WED, EVENING), (SAT, AFTERNOON), (SUN, AFTERNOON)],
            "languages": "ukraiński, polski, rosyjski",
            "visible_to_hosts": True,
            "show_experience": True,
        },
    ),
    (
        "bartek.lis@demo.pomyslowice.pl",
        "Bartek",
        "Lis",
        15,
        {
            "about": "Uczeń liceum, robię zdjęcia i filmy.",
            "skills": ["fotografia", "grafika"],
            "areas": ["18"],
            "district": "brzeczkowice-slupna",
            "slots": [(FRI, AFTERNOON), (SAT, MORNING), (SAT, AFTERNOON)],
            "languages": "polski, angielski",
        },
    ),
    (
        "hania.lis@demo.pomyslowice.pl",
        "Hania",
        "Lis",
        12,
        {
            "about": "Lubię zwierzęta i sprzątanie lasu z mamą.",
            "areas": ["18"],
            "district": "brzeczkowice-slupna",
            "slots": [(SAT, MORNING)],
            "languages": "polski",
            "travels": False,
        },
    ),
]

PERSONA_PROFILES = {
    "volunteer": {
        "about": "Pracuję jako graficzka; po pracy chcę robić coś dla sąsiadów.",
        "experience": "Plakaty i posty dla Stowarzyszenia Przyjaciół Piasku; Szlachetna Paczka.",
        "skills": ["grafika", "obsluga-komputera", "organizacja-wydarzen"],
        "areas": ["14", "10"],
        "district": "piasek",
        "slots": [(MON, EVENING), (WED, EVENING), (SAT, MORNING), (SAT, AFTERNOON)],
        "languages": "polski, angielski",
        "phone": "+48 600 000 101",
        "visible_to_hosts": True,
        "show_name": True,
        "show_experience": True,
        "digest": True,
    },
    "volunteer_minor": {
        "about": "Chodzę do liceum, gram w koszykówkę i lubię filmy.",
        "skills": ["obsluga-komputera", "jezyk-angielski"],
        "areas": ["14", "18"],
        "district": "stare-miasto",
        "slots": [(TUE, AFTERNOON), (FRI, AFTERNOON), (SAT, MORNING)],
        "languages": "polski, angielski",
        "visible_to_hosts": True,
    },
}


def _years_ago(years: int) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years, day=min(today.day, 28)) - datetime.timedelta(
        days=45
    )


def _demo_person(email: str, first_name: str, last_name: str, age: int) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email, None, first_name=first_name, last_name=last_name, birth_date=_years_ago(age)
        )
    return user


def _profile(user: User, spec: dict, *, skills: dict, areas: dict, districts: dict):
    existing = VolunteerProfile.objects.filter(user=user).first()
    if existing is not None:
        return existing, False
    fields = {
        key: value
        for key, value in spec.items()
        if key not in ("skills", "areas", "district", "slots")
    }
    profile = create_profile(
        user=user,
        profile_consent=True,
        skills=[skills[slug] for slug in spec.get("skills", []) if slug in skills],
        areas=[areas[code] for code in spec.get("areas", []) if code in areas],
        district=districts.get(spec.get("district")),
        availability=availability.mask(spec.get("slots", [])),
        **fields,
    )
    return profile, True


@transaction.atomic
def seed(*, users: dict, areas: dict, districts: dict, skills: dict, **_inputs) -> dict:
    """`skills` (slug → Skill) come from the offers' demo."""
    profiles, created = {}, 0
    context = {"skills": skills, "areas": areas, "districts": districts}
    with translation.override(settings.LANGUAGE_CODE):
        for persona, spec in PERSONA_PROFILES.items():
            user = users.get(persona)
            if user is None or user.birth_date is None:
                continue
            profiles[persona], new = _profile(user, spec, **context)
            created += new
        for email, first_name, last_name, age, spec in PEOPLE:
            user = _demo_person(email, first_name, last_name, age)
            profiles[email.split("@")[0]], new = _profile(user, spec, **context)
            created += new
    return {
        "counts": {"volunteer profiles": len(profiles), "volunteer profiles created": created},
        "profiles": profiles,
    }
