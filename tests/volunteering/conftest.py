"""Shared volunteer-centre fixtures: skills, offers of the personas' organisations, profiles for
the adult volunteer, the 16-year-old and a 12-year-old."""

import datetime

import pytest
from django.utils import timezone
from django.utils.text import slugify

from pomyslowice.core.models import District
from pomyslowice.core.text import fold
from pomyslowice.volunteering import availability
from pomyslowice.volunteering.models import Offer, Skill, VolunteerProfile
from tests.conftest import create_user

MONDAY_AFTERNOON = availability.bit(0, 1)
TUESDAY_EVENING = availability.bit(1, 2)
SATURDAY_MORNING = availability.bit(5, 0)


def years_ago(years: int, days: int = 30) -> datetime.date:
    """A birth date making someone `years` old (and `days` more) today."""
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


@pytest.fixture
def skills(db):
    names = ["Opieka nad dziećmi", "Grafika", "Prawo jazdy", "Korepetycje", "Obsługa komputera"]
    return {
        slugify(fold(name)): Skill.objects.create(name=name, slug=slugify(fold(name)), position=i)
        for i, name in enumerate(names)
    }


def make_offer(host, title: str, **fields) -> Offer:
    fields.setdefault("status", Offer.Status.PUBLISHED)
    fields.setdefault("description", "<p>Opis oferty.</p>")
    fields.setdefault("tasks", "Pomoc przy wydarzeniu")
    fields.setdefault("schedule", Offer.Schedule.RECURRING)
    fields.setdefault("duration", Offer.Duration.LONG)
    fields.setdefault("availability", MONDAY_AFTERNOON)
    if fields["status"] == Offer.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    skills = fields.pop("skills", [])
    areas = fields.pop("areas", [])
    offer = Offer.objects.create(host=host, title=title, slug=slugify(fold(title)), **fields)
    offer.skills.set(skills)
    offer.areas.set(areas)
    return offer


@pytest.fixture
def offer(organization, skills, area, district):
    """An adult-only recurring offer of the representative's organisation."""
    return make_offer(
        organization,
        "Pomoc w świetlicy na Piasku",
        skills=[skills["obsluga-komputera"]],
        areas=[area],
        district=district,
        min_age=18,
    )


@pytest.fixture
def youth_offer(organization, skills, area, district):
    """Open from 13 (so to the 16-year-old), short, not with children."""
    return make_offer(
        organization,
        "Sprzątanie parku",
        areas=[area],
        district=district,
        min_age=13,
        schedule=Offer.Schedule.ONE_OFF,
        duration=Offer.Duration.SHORT,
        starts_on=timezone.localdate() + datetime.timedelta(days=10),
        ends_on=timezone.localdate() + datetime.timedelta(days=10),
        availability=SATURDAY_MORNING,
    )


@pytest.fixture
def other_offer(other_organization):
    return make_offer(other_organization, "Wolontariat w fundacji Ławki")


def make_profile(user, **fields) -> VolunteerProfile:
    skills = fields.pop("skills", [])
    areas = fields.pop("areas", [])
    fields.setdefault("availability", MONDAY_AFTERNOON | SATURDAY_MORNING)
    profile = VolunteerProfile.objects.create(user=user, **fields)
    profile.skills.set(skills)
    profile.areas.set(areas)
    return profile


@pytest.fixture
def child(db):
    """A 12-year-old: below 13 the guardian concludes the agreement."""
    return create_user(
        "dziecko@example.org", first_name="Zosia", last_name="Mała", birth_date=years_ago(12)
    )


@pytest.fixture
def volunteers(users, child, skills, area, district):
    """Profiles of the adult volunteer (25), the 16-year-old persona and the 12-year-old."""
    users["volunteer"].birth_date = years_ago(25)
    users["volunteer"].save(update_fields=["birth_date"])
    return {
        "volunteer": make_profile(
            users["volunteer"],
            skills=[skills["obsluga-komputera"], skills["grafika"]],
            areas=[area],
            district=district,
            visible_to_hosts=True,
            show_name=True,
        ),
        "volunteer_minor": make_profile(users["volunteer_minor"], areas=[area]),
        "child": make_profile(child, district=District.objects.get(slug="centrum")),
    }
