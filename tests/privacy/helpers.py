"""A stand-in data source for the privacy tests: one record per subject, one of them kept."""

import datetime
import decimal

from django.db import transaction

from pomyslowice.privacy.models import ConsentRecord
from pomyslowice.privacy.registry import Kept, PersonalDataSource, Report

KEPT_WHY = "Art. 74 of the Accounting Act: kept for 5 years"


def notes_source(store: dict[str, list[str]]) -> PersonalDataSource:
    """`store` maps an e-mail address to its notes; erasing keeps one invoice per person."""

    def export(subject):
        return [
            {
                "note": note,
                "written_on": datetime.date(2026, 3, 1),
                "amount": decimal.Decimal("12.50"),
            }
            for note in store.get(subject.email, [])
        ]

    def erase(subject):
        # Like a database table: gone only if the caller's transaction commits.
        notes = store.get(subject.email, [])
        transaction.on_commit(lambda: store.pop(subject.email, None))
        kept = [Kept(what="Invoice 7/2026", why=KEPT_WHY, until=datetime.date(2031, 12, 31))]
        return Report(erased=len(notes), kept=kept if notes else [])

    return PersonalDataSource(
        name="tests.notes",
        label="Test notes",
        export=export,
        erase=erase,
        guest_emails=lambda: list(store),
    )


def consent(*, user=None, email: str = "") -> ConsentRecord:
    return ConsentRecord.objects.create(
        user=user,
        email=email,
        purpose="grant_call_alerts",
        version="2026-01",
        text="Zgadzam się na powiadomienia o konkursach.",
        language="pl",
    )
