"""A project for 2025 and a hand-made set of support records whose figures are known by heart.

Who is in the dataset (kinds counted: training, consultation, room, caretaker contact):
- Anna (account anna@example.org): a training and a consultation for organisation A, and a
  training as a guest giving " ANNA@example.org" (same person: the same e-mail address);
- Bartek (account): a consultation for A and a room for B (one person, two organisations);
- Celina (no account, no e-mail, only her name): a caretaker contact of C;
- nobody named: a caretaker contact of D (counts D only);
- not counted: Dawid's mail handed over (a kind the project does not count), Ewa's trainings on
  31 Dec 2024 and 1 Jan 2026 (outside the period).
Areas: A in "rozwój wspólnot", B in it and in "kultura", C none, D "kultura".
Districts: A and D in Piasek, B in Brzezinka, C none.
"""

import datetime
from decimal import Decimal

import pytest

from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.organizations.models import SupportRecord
from pomyslowice.reports.models import BudgetLine, Project
from tests.conftest import create_user, make_organization

Kind = SupportRecord.Kind
COUNTED = [Kind.TRAINING, Kind.CONSULTATION, Kind.ROOM, Kind.CARETAKER_CONTACT]


def make_project(**fields) -> Project:
    fields.setdefault("name", "POMYSłowice 2011")
    fields.setdefault("slug", "pomyslowice-2011")
    fields.setdefault("funder", "Fundusz Inicjatyw Obywatelskich")
    fields.setdefault("start", datetime.date(2025, 1, 1))
    fields.setdefault("end", datetime.date(2025, 12, 31))
    fields.setdefault("target_persons", 40)
    fields.setdefault("target_organizations", 16)
    fields.setdefault("counted_kinds", [str(kind) for kind in COUNTED])
    fields.setdefault("grant_amount", Decimal("39435.00"))
    fields.setdefault("own_contribution", Decimal("4490.00"))
    return Project.objects.create(**fields)


def record(kind, day, **fields) -> SupportRecord:
    fields.setdefault("summary", f"{kind} {day}")
    return SupportRecord.objects.create(kind=kind, date=day, **fields)


@pytest.fixture
def project(db):
    return make_project()


@pytest.fixture
def culture(db):
    area, _created = AreaOfBenefit.objects.get_or_create(
        code="16",
        defaults={
            "name": "kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego",
            "slug": "kultura",
            "position": 160,
            "source": "test",
        },
    )
    return area


@pytest.fixture
def brzezinka(db):
    district, _created = District.objects.get_or_create(
        name="Brzezinka", defaults={"slug": "brzezinka"}
    )
    return district


@pytest.fixture
def dataset(db, area, culture, district, brzezinka):
    orgs = {
        "A": make_organization("Organizacja A", district=district),
        "B": make_organization("Organizacja B", district=brzezinka),
        "C": make_organization("Organizacja C"),
        "D": make_organization("Organizacja D", district=district),
    }
    orgs["A"].areas.add(area)
    orgs["B"].areas.add(area, culture)
    orgs["D"].areas.add(culture)
    anna = create_user("anna@example.org", first_name="Anna")
    bartek = create_user("bartek@example.org", first_name="Bartek")
    day = datetime.date
    record(Kind.TRAINING, day(2025, 2, 10), person=anna, organization=orgs["A"])
    record(
        Kind.CONSULTATION,
        day(2025, 3, 5),
        person=anna,
        person_email="anna@example.org",
        organization=orgs["A"],
    )
    record(Kind.TRAINING, day(2025, 3, 20), person_name="Anna N.", person_email=" ANNA@example.org")
    record(Kind.CONSULTATION, day(2025, 2, 11), person=bartek, organization=orgs["A"])
    record(Kind.ROOM, day(2025, 4, 1), person=bartek, organization=orgs["B"])
    record(Kind.CARETAKER_CONTACT, day(2025, 4, 15), person_name="Celina", organization=orgs["C"])
    record(Kind.CARETAKER_CONTACT, day(2025, 4, 20), organization=orgs["D"])
    outsider = make_organization("Organizacja E")
    record(Kind.MAIL, day(2025, 5, 5), person_name="Dawid", organization=outsider)
    record(Kind.TRAINING, day(2024, 12, 31), person_name="Ewa", organization=outsider)
    record(Kind.TRAINING, day(2026, 1, 1), person_name="Ewa", organization=outsider)
    return {"orgs": orgs, "anna": anna, "bartek": bartek, "areas": (area, culture)}


@pytest.fixture
def budget_lines(project):
    return [
        BudgetLine.objects.create(
            project=project,
            position=1,
            name="Koordynacja projektu",
            planned_grant=Decimal("12000"),
            planned_own=Decimal("1800"),
        ),
        BudgetLine.objects.create(
            project=project,
            position=2,
            name="Promocja projektu",
            planned_grant=Decimal("2400"),
            planned_own=Decimal("300"),
        ),
    ]
