"""A project's budget: the plan per line, and the expenses recorded against it.

`budget_summary` is the read side (plan vs spent, two queries whatever the number of expenses);
the rest are the writes, each validated, atomic and in the audit log.
"""

import dataclasses
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.documents import EXTENSIONS, JPEG, PDF, PNG, validate_document

from .models import BudgetLine, Expense, Project
from .permissions import can_manage_projects, can_record_expenses

EXPENSE_DOCUMENT_TYPES = {PDF, JPEG, PNG}
ZERO = Decimal(0)


@dataclasses.dataclass(frozen=True)
class LineSummary:
    line: BudgetLine | None  # None: the totals row
    planned_grant: Decimal
    planned_own: Decimal
    spent_grant: Decimal
    spent_own: Decimal

    @property
    def planned_total(self) -> Decimal:
        return self.planned_grant + self.planned_own

    @property
    def spent_total(self) -> Decimal:
        return self.spent_grant + self.spent_own

    @property
    def remaining(self) -> Decimal:
        return self.planned_total - self.spent_total

    @property
    def over_plan(self) -> bool:
        return self.spent_total > self.planned_total


@dataclasses.dataclass(frozen=True)
class BudgetSummary:
    lines: list[LineSummary]
    total: LineSummary
    budget: Decimal

    @property
    def unplanned(self) -> Decimal:
        """What the project's budget has that no line plans yet (negative: lines plan more)."""
        return self.budget - self.total.planned_total


def budget_summary(project: Project) -> BudgetSummary:
    spent = Expense.objects.filter(line__project=project).totals_by_line()
    lines = [
        LineSummary(
            line,
            line.planned_grant,
            line.planned_own,
            spent.get(line.pk, {}).get("grant", ZERO),
            spent.get(line.pk, {}).get("own", ZERO),
        )
        for line in project.budget_lines.all()
    ]
    total = LineSummary(
        None,
        sum((row.planned_grant for row in lines), ZERO),
        sum((row.planned_own for row in lines), ZERO),
        sum((row.spent_grant for row in lines), ZERO),
        sum((row.spent_own for row in lines), ZERO),
    )
    return BudgetSummary(lines, total, project.total_budget)


def _require(allowed: bool) -> None:
    if not allowed:
        raise ValidationError(_("You may not change this budget."), code="forbidden")


def _logged(data: dict) -> dict:
    return {name: str(value) for name, value in data.items()}


LINE_FIELDS = ("name", "position", "planned_grant", "planned_own")


@transaction.atomic
def create_budget_line(*, project: Project, data: dict, by) -> BudgetLine:
    _require(can_manage_projects(by))
    line = BudgetLine(project=project, **{name: data[name] for name in LINE_FIELDS if name in data})
    line.full_clean()
    line.save()
    log_action(actor=by, verb="reports.budgetline.created", target=line, data=_logged(data))
    return line


@transaction.atomic
def update_budget_line(*, line: BudgetLine, data: dict, by) -> BudgetLine:
    _require(can_manage_projects(by))
    line = BudgetLine.objects.select_for_update().get(pk=line.pk)
    changed = {
        name: data[name]
        for name in LINE_FIELDS
        if name in data and data[name] != getattr(line, name)
    }
    if not changed:
        return line
    for name, value in changed.items():
        setattr(line, name, value)
    line.full_clean()
    line.save()
    log_action(actor=by, verb="reports.budgetline.changed", target=line, data=_logged(changed))
    return line


def _check_date(project: Project, day) -> None:
    if day and not project.start <= day <= project.end:
        raise ValidationError(
            {
                "date": _(
                    "The expense must be dated within the project: from %(start)s to %(end)s."
                )
                % {
                    "start": date_format(project.start, "SHORT_DATE_FORMAT"),
                    "end": date_format(project.end, "SHORT_DATE_FORMAT"),
                }
            }
        )


def _checked_document(upload, project: Project):
    """The upload renamed by its real type, or a ValidationError for anything but PDF/JPEG/PNG."""
    try:
        kind = validate_document(upload)
    except ValidationError as error:
        raise ValidationError({"document": error.messages}) from None
    if kind not in EXPENSE_DOCUMENT_TYPES:
        raise ValidationError(
            {"document": _("This file type is not accepted. Allowed: PDF, JPEG, PNG.")},
            code="file_type",
        )
    # The storage adds a suffix when the name is taken; the browser's name is never trusted.
    upload.name = f"wydatek-{project.slug}.{EXTENSIONS[kind]}"
    return upload


EXPENSE_FIELDS = ("date", "description", "amount", "funded_from", "document_number")


@transaction.atomic
def record_expense(*, project: Project, line: BudgetLine, data: dict, by) -> Expense:
    _require(can_record_expenses(by))
    if line.project_id != project.pk:
        raise ValidationError({"line": _("Choose a line of this project's budget.")})
    _check_date(project, data.get("date"))
    expense = Expense(
        line=line, recorded_by=by, **{name: data[name] for name in EXPENSE_FIELDS if name in data}
    )
    if data.get("document"):
        expense.document = _checked_document(data["document"], project)
    expense.full_clean()
    expense.save()
    log_action(
        actor=by,
        verb="reports.expense.recorded",
        target=expense,
        data={"line": line.pk, "amount": str(expense.amount), "funded_from": expense.funded_from},
    )
    return expense
