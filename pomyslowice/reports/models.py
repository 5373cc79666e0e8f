"""Projects the centre is funded by: their period, targets, budget and the funder's report.

The indicators are counted from `organizations.SupportRecord` (see `indicators.py`), so a
correction anywhere shows in every report. Only the preset periods' figures are also kept in
`IndicatorSnapshot`, recounted in the background after each change (`indicator_snapshots.py`).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.files import private_storage
from pomyslowice.organizations.models import SupportRecord

MONEY = {"max_digits": 12, "decimal_places": 2}


class ProjectQuerySet(models.QuerySet):
    def running_on(self, day):
        return self.filter(start__lte=day, end__gte=day)


class Project(models.Model):
    """A funded project, e.g. "POMYSłowice 2011": whose support counts towards which targets."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    funder = models.CharField(_("funder"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    target_persons = models.PositiveIntegerField(_("target: persons supported"))
    target_organizations = models.PositiveIntegerField(_("target: organisations supported"))
    # SupportRecord.Kind values; the funder decides which services count.
    counted_kinds = models.JSONField(_("support types that count"), default=list)
    grant_amount = models.DecimalField(
        _("grant"), **MONEY, default=Decimal(0), validators=[MinValueValidator(0)]
    )
    own_contribution = models.DecimalField(
        _("own contribution"), **MONEY, default=Decimal(0), validators=[MinValueValidator(0)]
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [("export_data", _("Can export support records and indicators"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")), name="project_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def total_budget(self) -> Decimal:
        return self.grant_amount + self.own_contribution

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The project cannot end before it starts.")})
        known = set(SupportRecord.Kind.values)
        if not isinstance(self.counted_kinds, list) or not set(self.counted_kinds) <= known:
            raise ValidationError({"counted_kinds": _("Choose support types from the list.")})

    def counted_kind_labels(self) -> list[str]:
        labels = dict(SupportRecord.Kind.choices)
        return [
            str(labels[kind]) for kind in SupportRecord.Kind.values if kind in self.counted_kinds
        ]


class BudgetLine(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("budget line"), max_length=200)
    planned_grant = models.DecimalField(
        _("planned from the grant"), **MONEY, default=Decimal(0), validators=[MinValueValidator(0)]
    )
    planned_own = models.DecimalField(
        _("planned from own contribution"),
        **MONEY,
        default=Decimal(0),
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["project", "position", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="budget_line_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def planned_total(self) -> Decimal:
        return self.planned_grant + self.planned_own


class ExpenseQuerySet(models.QuerySet):
    def totals_by_line(self) -> dict[int, dict[str, Decimal]]:
        """{line id: {"grant": spent, "own": spent}} in one query."""
        totals: dict[int, dict[str, Decimal]] = {}
        rows = self.values("line_id", "funded_from").annotate(spent=Sum("amount"))
        for row in rows.order_by():
            line = totals.setdefault(row["line_id"], {"grant": Decimal(0), "own": Decimal(0)})
            line[row["funded_from"]] = row["spent"]
        return totals


class Expense(models.Model):
    class Source(models.TextChoices):
        GRANT = "grant", _("grant")
        OWN = "own", _("own contribution")

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.PROTECT, related_name="expenses"
    )
    date = models.DateField(_("date"))
    description = models.CharField(_("what was bought"), max_length=300)
    amount = models.DecimalField(
        _("amount"), **MONEY, validators=[MinValueValidator(Decimal("0.01"))]
    )
    funded_from = models.CharField(
        _("paid from"), max_length=10, choices=Source.choices, default=Source.GRANT
    )
    document = models.FileField(
        _("document (invoice, bill)"),
        upload_to="reports/expenses/%Y/",
        storage=private_storage,
        blank=True,
    )
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = ExpenseQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="expense_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.description}"


class FunderReport(models.Model):
    """The narrative of one reporting period, written by staff; the figures are counted live."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="reports"
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    summary = models.TextField(_("summary"), blank=True)
    activities = models.TextField(_("activities carried out"), blank=True)
    results = models.TextField(_("results achieved"), blank=True)
    difficulties = models.TextField(_("difficulties and how they were solved"), blank=True)
    next_steps = models.TextField(_("plans for the next period"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["project", "-period_start"]
        verbose_name = _("funder report")
        verbose_name_plural = _("funder reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="report_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.period_start}–{self.period_end}"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})


class IndicatorSnapshot(models.Model):
    """A project's indicators for one preset period (its whole period, each calendar year in
    it), counted in the background by `indicator_snapshots.recount` because counting a year of
    national data takes seconds. `stale` means support changed since: a recount is on its way.
    """

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="snapshots"
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    computed_at = models.DateTimeField(_("counted at"))
    # {"persons": …, "organizations": …, "services": …}
    figures = models.JSONField(_("figures"))
    # {group: [[key, persons, organisations, services], …]} for each of indicators.GROUP_KEYS
    breakdowns = models.JSONField(_("breakdowns"))
    stale = models.BooleanField(_("being updated"), default=False)

    class Meta:
        verbose_name = _("indicator snapshot")
        verbose_name_plural = _("indicator snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period_start", "period_end"], name="snapshot_period_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.period_start}–{self.period_end}"


class IndicatorRecount(models.Model):
    """A recount of a project's snapshots that is enqueued and not started yet. One at most per
    project (the unique project is what makes concurrent changes enqueue a single recount)."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="pending_recount"
    )
    requested_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.project} {self.requested_at}"
