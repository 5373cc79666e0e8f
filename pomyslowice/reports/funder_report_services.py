import datetime

from django.db import transaction

from pomyslowice.core.audit import log_action

from .funder_report import NARRATIVE_FIELDS
from .models import FunderReport, Project


@transaction.atomic
def save_funder_report(
    *, project: Project, period_start: datetime.date, period_end: datetime.date, data: dict, by
) -> FunderReport:
    """The narrative of one project and period; there is one report per pair, so saving again
    overwrites it. The project row is locked so two staff saving at once cannot make two."""
    Project.objects.select_for_update().get(pk=project.pk)
    report = FunderReport.objects.filter(
        project=project, period_start=period_start, period_end=period_end
    ).first() or FunderReport(project=project, period_start=period_start, period_end=period_end)
    created = report.pk is None
    changed = [name for name in NARRATIVE_FIELDS if getattr(report, name) != data.get(name, "")]
    for name in NARRATIVE_FIELDS:
        setattr(report, name, data.get(name, ""))
    report.updated_by = by
    report.full_clean()
    report.save()
    log_action(
        actor=by,
        verb="reports.funder_report.created" if created else "reports.funder_report.updated",
        target=report,
        data={"changed": changed},
    )
    return report
