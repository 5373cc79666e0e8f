"""Indicator figures of the preset periods, kept in `IndicatorSnapshot` so that the dashboard
and the staff panel need not count a year of national data (seconds) on every view.

- A snapshot is counted by the same code as the live figures (`indicators`), so it holds
  exactly what counting would give at `computed_at`; labels are given when it is shown.
- A change to support (the SupportRecord signals, an erasure's bulk updates, a deleted account,
  a project's new period or kinds) marks the project's snapshots stale and requests a recount.
  Requests are debounced: an `IndicatorRecount` row exists while one recount is enqueued, and
  its unique project makes concurrent changes see it, so a burst of changes enqueues one.
- A stale snapshot is still shown, with a note that the figures are being updated; a period
  without a snapshot (a custom one) is counted live.
"""

import dataclasses
import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks import task

from pomyslowice.core.tasks import enqueue_after_commit

from . import indicators
from .models import IndicatorRecount, IndicatorSnapshot, Project


@dataclasses.dataclass(frozen=True)
class Shown:
    """Figures to show; `stale_since` is when they were counted if a recount is on its way."""

    figures: indicators.Figures
    stale_since: datetime.datetime | None = None


def snapshot_periods(project: Project) -> list[tuple[datetime.date, datetime.date]]:
    """The project's whole period, then each calendar year in it (cut to the period)."""
    periods = [(project.start, project.end)]
    for year in range(project.start.year, project.end.year + 1):
        period = indicators.period_of(
            project, datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        )
        if period not in periods:
            periods.append(period)
    return periods


def _count(project: Project, start, end) -> dict:
    records = indicators.counted_records(project, start, end)
    return {
        "figures": dataclasses.asdict(indicators.figures(records)),
        "breakdowns": {
            group: [
                [_encoded(key), *numbers]
                for key, *numbers in indicators.group_counts(records, group)
            ]
            for group in indicators.GROUP_KEYS
        },
    }


def _encoded(key):
    """JSON for a group key: months (dates) as ISO text."""
    return key.isoformat() if isinstance(key, datetime.date) else key


def recount(*, project: Project) -> None:
    """Count the project's preset periods again and keep them, fresh."""
    computed_at = timezone.now()
    counted = {period: _count(project, *period) for period in snapshot_periods(project)}
    with transaction.atomic():
        project.snapshots.all().delete()
        IndicatorSnapshot.objects.bulk_create(
            IndicatorSnapshot(
                project=project,
                period_start=start,
                period_end=end,
                computed_at=computed_at,
                **data,
            )
            for (start, end), data in counted.items()
        )
        # A change committed while we counted requested another recount: these are stale.
        if IndicatorRecount.objects.filter(project=project).exists():
            project.snapshots.update(stale=True)


def request_recount(*, project_id: int) -> None:
    """Enqueue a recount of the project unless one is enqueued and not started yet."""
    _request, created = IndicatorRecount.objects.get_or_create(project_id=project_id)
    if created:
        enqueue_after_commit(recount_indicators, project_id=project_id)


def mark_stale(*, projects: QuerySet) -> None:
    """Support counted by these projects changed: flag their snapshots, request recounts."""
    project_ids = list(projects.values_list("pk", flat=True))
    if not project_ids:
        return
    # Flagged in the same transaction as the request, so no one sees fresh snapshots while a
    # recount is requested (a recount finishing meanwhile checks for the request too).
    IndicatorSnapshot.objects.filter(project_id__in=project_ids).update(stale=True)
    for project_id in project_ids:
        request_recount(project_id=project_id)


def everything_changed(sender, **kwargs) -> None:
    """An erasure (ErasureRecord saved) or a deleted account changed support in bulk, without
    SupportRecord signals: every kept figure may be out of date."""
    mark_stale(projects=Project.objects.filter(snapshots__isnull=False).distinct())


def support_changed(sender, instance, **kwargs) -> None:
    """post_save / post_delete of a SupportRecord: the projects counting it are stale."""
    counting = [
        project.pk
        for project in Project.objects.running_on(instance.date).only("counted_kinds")
        if instance.kind in project.counted_kinds
    ]
    if counting:
        mark_stale(projects=Project.objects.filter(pk__in=counting))


@task()
def recount_indicators(*, project_id: int) -> None:
    # The request is dropped before counting, so a change made while we count enqueues a
    # recount of its own.
    IndicatorRecount.objects.filter(project_id=project_id).delete()
    project = Project.objects.filter(pk=project_id).first()
    if project is not None:
        recount(project=project)


def shown(snapshot: IndicatorSnapshot) -> Shown:
    return Shown(
        indicators.Figures(**snapshot.figures), snapshot.computed_at if snapshot.stale else None
    )


def snapshot_for(project: Project, start, end) -> IndicatorSnapshot | None:
    return project.snapshots.filter(period_start=start, period_end=end).first()


def rows_of(snapshot: IndicatorSnapshot, group: str) -> list[indicators.Row]:
    counts = [
        (datetime.date.fromisoformat(key) if group == "month" and key else key, *numbers)
        for key, *numbers in snapshot.breakdowns[group]
    ]
    return indicators.ROWS_OF[group](counts)


def whole_period_figures(projects: list[Project]) -> dict[int, Shown]:
    """{project id: figures of its whole period}: one query for the snapshots, live counting
    for a project that has none yet."""
    snapshots = {
        (snapshot.project_id, snapshot.period_start, snapshot.period_end): snapshot
        for snapshot in IndicatorSnapshot.objects.filter(project__in=projects)
    }
    result = {}
    for project in projects:
        snapshot = snapshots.get((project.pk, project.start, project.end))
        result[project.pk] = (
            shown(snapshot)
            if snapshot
            else Shown(indicators.figures(indicators.counted_records(project)))
        )
    return result
