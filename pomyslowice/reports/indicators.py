"""The funder's indicators, counted from `organizations.SupportRecord` and nothing else.

Counting rules (tests pin each one):
- only support actually delivered exists as a record (a cancelled booking, a no-show at a
  training, an undone pickup remove theirs), so nothing here filters cancellations out;
- a record counts for a project when its date lies in the project's period (or the narrower
  period asked for) and its kind is one the project counts;
- a person is counted once however many services they had and however many organisations they
  belong to: the same person is the same e-mail address (the one given at the service, else the
  account's), else the same account, else the same name; a record naming nobody counts only its
  organisation;
- an organisation is counted once likewise.
"""

import dataclasses
import datetime

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Lower, NullIf, Trim, TruncMonth
from django.utils.translation import gettext as _

from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.organizations.models import SupportRecord

from .models import Project


class PeriodError(ValueError):
    """A period that ends before it starts or lies outside its project."""


@dataclasses.dataclass(frozen=True)
class Figures:
    persons: int
    organizations: int
    services: int


@dataclasses.dataclass(frozen=True)
class Row:
    key: object
    label: str
    persons: int
    organizations: int
    services: int


def period_of(project: Project, start=None, end=None) -> tuple[datetime.date, datetime.date]:
    """The part of the project's period asked for; the whole period when nothing is asked."""
    start = max(start or project.start, project.start)
    end = min(end or project.end, project.end)
    if end < start:
        raise PeriodError("empty period")
    return start, end


def counted_records(project: Project, start=None, end=None) -> QuerySet:
    start, end = period_of(project, start, end)
    return SupportRecord.objects.filter(
        date__range=(start, end), kind__in=project.counted_kinds
    ).order_by()


def person_identity():
    """One value per distinct person (see the module's rules); NULL when the record names nobody."""
    return Coalesce(
        Lower(NullIf(Trim("person_email"), Value(""))),
        Lower(NullIf(Trim("person__email"), Value(""))),
        # Concat turns NULL into "" on SQLite and PostgreSQL: without the When, every record
        # naming nobody would be one and the same person "#", and names would never be reached.
        Case(When(person__isnull=False, then=Concat(Value("#"), Cast("person_id", CharField())))),
        Lower(NullIf(Trim("person_name"), Value(""))),
        output_field=CharField(),
    )


def figures(records: QuerySet) -> Figures:
    """Distinct persons, distinct organisations and the number of services, in one query."""
    totals = records.aggregate(
        persons=Count(person_identity(), distinct=True),
        organizations=Count("organization", distinct=True),
        services=Count("pk"),
    )
    return Figures(**totals)


# The breakdowns: what groups the records of each.
GROUP_KEYS = {
    "kind": F("kind"),
    "month": TruncMonth("date"),
    # An organisation working in several areas counts in each.
    "area": F("organization__areas"),
    "district": F("organization__district"),
}


def group_counts(records: QuerySet, group: str) -> list[tuple]:
    """(key, persons, organisations, services) per group of `GROUP_KEYS[group]`, in one query;
    the key is None for records outside every group."""
    grouped = (
        records.annotate(group_key=GROUP_KEYS[group])
        .values("group_key")
        .annotate(
            persons=Count(person_identity(), distinct=True),
            organizations=Count("organization", distinct=True),
            services=Count("pk"),
        )
        .order_by("group_key")
    )
    return [
        (row["group_key"], row["persons"], row["organizations"], row["services"]) for row in grouped
    ]


def _labelled(counts: list[tuple], label_of) -> list[Row]:
    """Rows named by `label_of(key)` (key None: none given)."""
    return [Row(key, label_of(key), *numbers) for key, *numbers in counts]


def kind_rows(counts: list[tuple]) -> list[Row]:
    labels = dict(SupportRecord.Kind.choices)
    rows = _labelled(counts, lambda kind: str(labels.get(kind, kind)))
    order = SupportRecord.Kind.values
    return sorted(rows, key=lambda row: order.index(row.key) if row.key in order else len(order))


def month_rows(counts: list[tuple]) -> list[Row]:
    return _labelled(counts, lambda month: month.strftime("%Y-%m"))


def area_rows(counts: list[tuple]) -> list[Row]:
    """Support without an organisation, or of one with no area, is the last row."""
    names = dict(AreaOfBenefit.objects.values_list("pk", "name"))
    rows = _labelled(counts, lambda pk: names.get(pk) or str(_("no area given")))
    return sorted(rows, key=lambda row: row.key is None)


def district_rows(counts: list[tuple]) -> list[Row]:
    names = dict(District.objects.values_list("pk", "name"))
    rows = _labelled(counts, lambda pk: names.get(pk) or str(_("no district given")))
    return sorted(rows, key=lambda row: (row.key is None, row.label))


# Labels are given when the rows are shown, so stored counts show names as they are now and
# in the reader's language.
ROWS_OF = {"kind": kind_rows, "month": month_rows, "area": area_rows, "district": district_rows}


def breakdown(records: QuerySet, group: str) -> list[Row]:
    return ROWS_OF[group](group_counts(records, group))


def by_kind(records: QuerySet) -> list[Row]:
    return breakdown(records, "kind")


def by_month(records: QuerySet) -> list[Row]:
    return breakdown(records, "month")


def by_area(records: QuerySet) -> list[Row]:
    return breakdown(records, "area")


def by_district(records: QuerySet) -> list[Row]:
    return breakdown(records, "district")


@dataclasses.dataclass(frozen=True)
class Progress:
    label: str
    done: int
    target: int

    @property
    def percent(self) -> int:
        """Whole percent of the target reached (may pass 100); 0 for a target of 0."""
        return self.done * 100 // self.target if self.target else 0


def progress_of(project: Project, totals: Figures) -> list[Progress]:
    return [
        Progress(_("persons"), totals.persons, project.target_persons),
        Progress(_("organisations"), totals.organizations, project.target_organizations),
    ]
