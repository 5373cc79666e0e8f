import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pomyslowice.organizations.forms import add_service_errors

from . import indicators
from .charts import bar_chart
from .models import Project
from .permissions import can_manage_projects, can_view_budget, can_view_indicators, require
from .project_forms import PeriodForm, ProjectForm
from .project_services import create_project, update_project

PROJECTS_PER_PAGE = 20
# (key naming the section's ids, heading, the table's first column, function giving the rows)
BREAKDOWNS = (
    ("kind", gettext_lazy("By support type"), gettext_lazy("Support type"), indicators.by_kind),
    ("month", gettext_lazy("By month"), gettext_lazy("Month"), indicators.by_month),
    (
        "area",
        gettext_lazy("By area of public benefit"),
        gettext_lazy("Area of public benefit"),
        indicators.by_area,
    ),
    ("district", gettext_lazy("By district"), gettext_lazy("District"), indicators.by_district),
)


@login_required
def project_list(request):
    require(can_view_indicators(request.user))
    page = Paginator(Project.objects.all(), PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    for project in page.object_list:
        project.progress = indicators.progress_of(
            project, indicators.figures(indicators.counted_records(project))
        )
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


def _breakdowns(records) -> list[dict]:
    sections = []
    for key, heading, column, rows_of in BREAKDOWNS:
        rows = rows_of(records)
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
    records = indicators.counted_records(project, start, end)
    totals = indicators.figures(records)
    return render(
        request,
        "reports/indicators/dashboard.html",
        {
            "title": project.name,
            "project": project,
            "form": form,
            "start": start,
            "end": end,
            "totals": totals,
            "progress": indicators.progress_of(project, totals),
            "sections": _breakdowns(records),
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
