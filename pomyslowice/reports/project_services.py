"""Creating and changing the funded projects; who may do it is checked here as in the views."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action

from .indicator_snapshots import mark_stale, request_recount
from .models import Project
from .permissions import can_manage_projects

FIELDS = (
    "name",
    "slug",
    "funder",
    "start",
    "end",
    "target_persons",
    "target_organizations",
    "counted_kinds",
    "grant_amount",
    "own_contribution",
    "description",
)

# What the kept indicator figures depend on.
COUNTING_FIELDS = {"start", "end", "counted_kinds"}


def _require_manager(by) -> None:
    if not can_manage_projects(by):
        raise ValidationError(_("You may not manage projects."), code="forbidden")


def _logged(value):
    """Audit data is JSON: dates and amounts as text."""
    return value if isinstance(value, int | list | str) or value is None else str(value)


@transaction.atomic
def create_project(*, data: dict, by) -> Project:
    _require_manager(by)
    project = Project(**{name: data[name] for name in FIELDS if name in data})
    project.full_clean()
    project.save()
    log_action(actor=by, verb="reports.project.created", target=project)
    request_recount(project_id=project.pk)
    return project


@transaction.atomic
def update_project(*, project: Project, data: dict, by) -> Project:
    _require_manager(by)
    project = Project.objects.select_for_update().get(pk=project.pk)
    changed = {}
    for name in FIELDS:
        if name in data and data[name] != getattr(project, name):
            changed[name] = _logged(data[name])
            setattr(project, name, data[name])
    if not changed:
        return project
    project.full_clean()
    project.save()
    log_action(actor=by, verb="reports.project.changed", target=project, data=changed)
    if changed.keys() & COUNTING_FIELDS:
        mark_stale(projects=Project.objects.filter(pk=project.pk))
    return project
