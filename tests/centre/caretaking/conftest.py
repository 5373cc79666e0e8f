import datetime

import pytest
from django.utils import timezone

from pomyslowice.centre import caretaking_services, strategy_services
from pomyslowice.organizations.models import Organization


@pytest.fixture
def cared_organization(organization, users):
    Organization.objects.filter(pk=organization.pk).update(caretaker=users["ngo_caretaker"])
    organization.refresh_from_db()
    return organization


@pytest.fixture
def contact(cared_organization, users):
    return caretaking_services.record_contact(
        organization=cared_organization,
        by=users["ngo_caretaker"],
        date=timezone.localdate() - datetime.timedelta(days=2),
        channel="phone",
        topic="Wniosek do konkursu grantowego",
        duration_minutes=20,
        notes="Prezes prosi o pomoc z budżetem – POUFNE",
        person_name="Anna Nowak",
    )


@pytest.fixture
def plan(cared_organization, users):
    return strategy_services.save_plan(
        plan_or_org=cared_organization,
        by=users["ngo_caretaker"],
        based_on_version=0,
        data={
            "strengths": "Zaangażowani wolontariusze",
            "weaknesses": "Brak lokalu",
            "opportunities": "Budżet obywatelski",
            "threats": "Wypalenie liderów",
            "goals": "Świetlica dla dzieci",
            "partners": [],
            "partnership_notes": "",
            "next_review": None,
        },
    )
