"""The demo project "POMYSłowice 2011", its budget and a dozen expenses.

The project keeps its historical name but runs over the current calendar year, so that its
dashboard counts the support the other demos record (dated relative to today). Every row is
keyed (project by slug, line by name, expense by document number): a second run updates.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from pomyslowice.organizations.models import SupportRecord

from .models import BudgetLine, Expense, Project

SLUG = "pomyslowice-2011"

# (name, planned from the grant, planned from own contribution): 39 435 + 4 490 = 43 925 zł
LINES = [
    ("Koordynacja projektu", "12000.00", "1800.00"),
    ("Szkolenia i warsztaty", "9600.00", "0.00"),
    ("Doradztwo specjalistyczne", "8400.00", "0.00"),
    ("Wyposażenie ośrodka", "5235.00", "1190.00"),
    ("Promocja projektu", "2400.00", "300.00"),
    ("Obsługa księgowa", "1800.00", "1200.00"),
]

# (line, days after the project's start, what, amount, paid from, document number)
EXPENSES = [
    (
        "Koordynacja projektu",
        30,
        "Wynagrodzenie koordynatorki – styczeń",
        "1000.00",
        "grant",
        "LP/01",
    ),
    ("Koordynacja projektu", 58, "Wynagrodzenie koordynatorki – luty", "1000.00", "grant", "LP/02"),
    (
        "Koordynacja projektu",
        89,
        "Wynagrodzenie koordynatorki – marzec",
        "1000.00",
        "grant",
        "LP/03",
    ),
    (
        "Koordynacja projektu",
        95,
        "Telefon i internet biura projektu",
        "450.00",
        "own",
        "FV/2031/03",
    ),
    (
        "Szkolenia i warsztaty",
        40,
        "Trenerka: szkolenie z pisania wniosków grantowych",
        "1600.00",
        "grant",
        "RB/02/01",
    ),
    (
        "Szkolenia i warsztaty",
        75,
        "Trener: warsztaty z księgowości NGO",
        "1600.00",
        "grant",
        "RB/03/02",
    ),
    (
        "Szkolenia i warsztaty",
        76,
        "Catering na warsztatach (25 osób)",
        "625.00",
        "grant",
        "FV/118/03",
    ),
    (
        "Doradztwo specjalistyczne",
        50,
        "Doradztwo prawne dla stowarzyszeń – 10 godzin",
        "1400.00",
        "grant",
        "RB/02/07",
    ),
    (
        "Doradztwo specjalistyczne",
        110,
        "Doradztwo księgowe – 8 godzin",
        "1120.00",
        "grant",
        "RB/04/03",
    ),
    (
        "Wyposażenie ośrodka",
        20,
        "Rzutnik multimedialny z ekranem",
        "2890.00",
        "grant",
        "FV/0021/01",
    ),
    ("Wyposażenie ośrodka", 21, "Flipchart i materiały biurowe", "640.50", "own", "FV/0022/01"),
    ("Promocja projektu", 35, "Druk plakatów i ulotek o ośrodku", "780.00", "grant", "FV/77/02"),
]


def seed(*, users) -> dict[str, int]:
    today = timezone.localdate()
    project, _created = Project.objects.update_or_create(
        slug=SLUG,
        defaults={
            "name": "POMYSłowice 2011",
            "funder": "Fundusz Inicjatyw Obywatelskich",
            "start": datetime.date(today.year, 1, 1),
            "end": datetime.date(today.year, 12, 31),
            "target_persons": 40,
            "target_organizations": 16,
            "counted_kinds": list(SupportRecord.Kind.values),
            "grant_amount": Decimal("39435.00"),
            "own_contribution": Decimal("4490.00"),
            "description": (
                "Ośrodek wsparcia organizacji pozarządowych w Mysłowicach: szkolenia, "
                "doradztwo, udostępnianie sal i sprzętu oraz opieka nad organizacjami."
            ),
        },
    )
    lines = {}
    for position, (name, grant, own) in enumerate(LINES, start=1):
        lines[name], _created = BudgetLine.objects.update_or_create(
            project=project,
            name=name,
            defaults={
                "position": position,
                "planned_grant": Decimal(grant),
                "planned_own": Decimal(own),
            },
        )
    for line, days, description, amount, source, number in EXPENSES:
        Expense.objects.update_or_create(
            line=lines[line],
            document_number=number,
            defaults={
                # Never in the future: early in the year the demo's expenses all fall on today.
                "date": min(project.start + datetime.timedelta(days=days), today),
                "description": description,
                "amount": Decimal(amount),
                "funded_from": source,
                "recorded_by": users.get("coordinator"),
            },
        )
    return {
        "projects": 1,
        "budget_lines": len(lines),
        "expenses": Expense.objects.filter(line__project=project).count(),
    }
