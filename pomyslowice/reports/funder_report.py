"""What the funder's report says, gathered once and rendered as a page, a PDF or an ODT.

The figures are counted live from the support records (`indicators`); the narrative is the
staff's FunderReport for the same project and period. Money spent is counted from the project's
start to the end of the period, so "remaining" is what is left for the rest of the project.
"""

import dataclasses
import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from pomyslowice.events.models import Event, Registration

from . import indicators
from .models import Expense, FunderReport, Project

NARRATIVE_FIELDS = ["summary", "activities", "results", "difficulties", "next_steps"]


def format_amount(amount: Decimal) -> str:
    """Polish notation whatever the page's language: 39435 → "39 435,00 zł"."""
    rounded = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, cents = f"{abs(rounded):,.2f}".split(".")
    sign = "-" if rounded < 0 else ""
    return f"{sign}{whole.replace(',', ' ')},{cents} zł"


@dataclasses.dataclass(frozen=True)
class Training:
    title: str
    start: datetime.datetime
    registered: int
    attended: int


@dataclasses.dataclass(frozen=True)
class BudgetRow:
    name: str
    planned_grant: Decimal
    planned_own: Decimal
    planned_total: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.planned_total - self.spent


@dataclasses.dataclass(frozen=True)
class ReportContent:
    project: Project
    start: datetime.date
    end: datetime.date
    figures: indicators.Figures
    by_kind: list[indicators.Row]
    trainings: list[Training]
    budget: list[BudgetRow]
    narrative: list[tuple[str, str]]
    generated_on: datetime.date

    @property
    def budget_total(self) -> BudgetRow:
        return BudgetRow(
            name=_("Total"),
            planned_grant=sum((row.planned_grant for row in self.budget), Decimal(0)),
            planned_own=sum((row.planned_own for row in self.budget), Decimal(0)),
            planned_total=sum((row.planned_total for row in self.budget), Decimal(0)),
            spent=sum((row.spent for row in self.budget), Decimal(0)),
        )

    @property
    def budget_cells(self) -> list[list[str]]:
        """Each line's amounts in Polish notation, then the total; nothing without lines."""
        if not self.budget:
            return []
        return [budget_cells(row) for row in [*self.budget, self.budget_total]]


@dataclasses.dataclass(frozen=True)
class Table:
    """One section of the printed report: a heading and a table, or a sentence when empty."""

    heading: str
    header: list[str]
    rows: list[list]
    widths: tuple[int, ...]
    empty_text: str = ""
    note: str = ""


def day(value) -> str:
    return date_format(value, "DATE_FORMAT")


def tables(content: ReportContent) -> list[Table]:
    """The figures, support types, trainings and money, as the PDF and the ODT print them."""
    project, figures = content.project, content.figures
    return [
        Table(
            _("Persons and organisations supported"),
            [_("Indicator"), _("Achieved"), _("Target")],
            [
                [_("Persons"), figures.persons, project.target_persons],
                [_("Organisations"), figures.organizations, project.target_organizations],
                [_("Services delivered"), figures.services, "—"],
            ],
            (90, 40, 40),
        ),
        Table(
            _("Support by type"),
            [_("Support type"), _("Persons"), _("Organisations"), _("Services")],
            [[row.label, row.persons, row.organizations, row.services] for row in content.by_kind],
            (80, 30, 30, 30),
            empty_text=_("No support recorded in the period."),
        ),
        Table(
            _("Trainings held"),
            [_("Training"), _("Date"), _("Registered"), _("Attended")],
            [[t.title, day(t.start), t.registered, t.attended] for t in content.trainings],
            (90, 30, 25, 25),
            empty_text=_("No trainings with recorded attendance in the period."),
        ),
        Table(
            _("Financial summary"),
            [
                _("Budget line"),
                _("Grant"),
                _("Own contribution"),
                _("Planned"),
                _("Spent"),
                _("Remaining"),
            ],
            content.budget_cells,
            (44, 26, 26, 26, 26, 26),
            empty_text=_("The project has no budget lines."),
            note=_("Spent: from the start of the project to the end of the period."),
        ),
    ]


def budget_cells(row: BudgetRow) -> list[str]:
    return [
        row.name,
        format_amount(row.planned_grant),
        format_amount(row.planned_own),
        format_amount(row.planned_total),
        format_amount(row.spent),
        format_amount(row.remaining),
    ]


def trainings_held(start: datetime.date, end: datetime.date) -> list[Training]:
    """Events in the period at which someone was marked present, with their attendance."""
    events = (
        Event.objects.filter(start__date__range=(start, end))
        # Exists, not a join: a joined filter would also narrow the counts below.
        .filter(Exists(Registration.objects.filter(event=OuterRef("pk"), attended=True)))
        .annotate(
            registered_count=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
            ),
            attended_count=Count("registrations", filter=Q(registrations__attended=True)),
        )
        .order_by("start", "pk")
    )
    return [
        Training(event.title, event.start, event.registered_count, event.attended_count)
        for event in events
    ]


def budget_rows(project: Project, end: datetime.date) -> list[BudgetRow]:
    spent = Expense.objects.filter(line__project=project, date__lte=end).totals_by_line()
    rows = []
    for line in project.budget_lines.all():
        line_spent = spent.get(line.pk, {})
        rows.append(
            BudgetRow(
                name=line.name,
                planned_grant=line.planned_grant,
                planned_own=line.planned_own,
                planned_total=line.planned_total,
                spent=sum(line_spent.values(), Decimal(0)),
            )
        )
    return rows


def narrative(report: FunderReport | None) -> list[tuple[str, str]]:
    """(field label, text) of each narrative field, empty texts included."""
    return [
        (capfirst(FunderReport._meta.get_field(name).verbose_name), getattr(report, name, ""))
        for name in NARRATIVE_FIELDS
    ]


def find_report(project: Project, start: datetime.date, end: datetime.date):
    return FunderReport.objects.filter(project=project, period_start=start, period_end=end).first()


def report_content(
    project: Project, start: datetime.date, end: datetime.date, report: FunderReport | None
) -> ReportContent:
    records = indicators.counted_records(project, start, end)
    return ReportContent(
        project=project,
        start=start,
        end=end,
        figures=indicators.figures(records),
        by_kind=indicators.by_kind(records),
        trainings=trainings_held(start, end),
        budget=budget_rows(project, end),
        narrative=narrative(report),
        generated_on=timezone.localdate(),
    )
