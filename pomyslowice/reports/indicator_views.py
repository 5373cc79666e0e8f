import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pomyslowice.organizations.forms import add_service_errors

from . import indicator_snapshots, indicators
from .charts import bar_chart
from .models import Project
from .permissions import can_manage_projects, can_view_budget, can_view_indicators, require
from .project_forms import PeriodForm, ProjectForm
from .project_services import create_project, update_project

PROJECTS_PER_PAGE = 20
# (the group of indicators.GROUP_KEYS, also naming the section's ids; heading; first column)
BREAKDOWNS = (
    ("kind", gettext_lazy("By support type"), gettext_lazy("Support type")),
    ("month", gettext_lazy("By month"), gettext_lazy("Month")),
    ("area", gettext_lazy("By area of public benefit"), gettext_lazy("Area of public benefit")),
    ("district", gettext_lazy("By district"), gettext_lazy("District")),
)


@login_required
def project_list(request):
    require(can_view_indicators(request.user))
    page = Paginator(Project.objects.all(), PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    projects = list(page.object_list)
    shown = indicator_snapshots.whole_period_figures(projects)
    for project in projects:
        project.progress = indicators.progress_of(project, shown[project.pk].figures)
        project.stale_since = shown[project.pk].stale_since
    return render(
        request,
        "reports/indicators/list.html",
        {
            "title": _("Projects and indicators"),
            "page": page,
            "can_manage": can_manage_projects(request.user),
            "can_view_budget": can_view_budget(request.user),
        },
    )


def _breakdowns(rows_of) -> list[dict]:
    """The sections of the dashboard; `rows_of(group)` gives a breakdown's rows."""
    sections = []
    for key, heading, column in BREAKDOWNS:
        rows = rows_of(key)
        sections.append(
            {
                "key": key,
                "heading": str(heading),
                "column": str(column),
                "rows": rows,
                "persons_chart": bar_chart(
                    rows,
                    value="persons",
                    title=f"{heading}: {_('persons')}",
                    chart_id=f"chart-{key}-persons",
                ),
                "organizations_chart": bar_chart(
                    rows,
                    value="organizations",
                    title=f"{heading}: {_('organisations')}",
                    chart_id=f"chart-{key}-organizations",
                ),
            }
        )
    return sections


@login_required
def project_dashboard(request, slug):
    require(can_view_indicators(request.user))
    project = get_object_or_404(Project, slug=slug)
    form = PeriodForm(request.GET or None, project=project)
    start, end = indicators.period_of(project, *form.period())
    snapshot = indicator_snapshots.snapshot_for(project, start, end)
    if snapshot is None:
        records = indicators.counted_records(project, start, end)
        shown = indicator_snapshots.Shown(indicators.figures(records))
        sections = _breakdowns(lambda group: indicators.breakdown(records, group))
    else:
        shown = indicator_snapshots.shown(snapshot)
        sections = _breakdowns(lambda group: indicator_snapshots.rows_of(snapshot, group))
    return render(
        request,
        "reports/indicators/dashboard.html",
        {
            "title": project.name,
            "project": project,
            "form": form,
            "start": start,
            "end": end,
            "totals": shown.figures,
            "stale_since": shown.stale_since,
            "progress": indicators.progress_of(project, shown.figures),
            "sections": sections,
            "can_manage": can_manage_projects(request.user),
            "can_view_budget": can_view_budget(request.user),
        },
    )


def _project_form_page(request, form, *, project=None):
    title = _("Edit the project") if project else _("New project")
    return render(
        request,
        "reports/indicators/form.html",
        {"title": title, "form": form, "project": project},
    )


@login_required
def project_create(request):
    require(can_manage_projects(request.user))
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = create_project(data=form.service_data(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The project has been created."))
            return redirect("reports:project", slug=project.slug)
    return _project_form_page(request, form)


@login_required
def project_edit(request, slug):
    require(can_manage_projects(request.user))
    project = get_object_or_404(Project, slug=slug)
    # The form fills its instance as it validates; the page keeps showing the saved project.
    form = ProjectForm(request.POST or None, instance=copy.copy(project))
    if request.method == "POST" and form.is_valid():
        try:
            project = update_project(project=project, data=form.service_data(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The project has been saved."))
            return redirect("reports:project", slug=project.slug)
    return _project_form_page(request, form, project=project)
