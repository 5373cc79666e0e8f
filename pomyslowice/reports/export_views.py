"""The export page (support records and indicators as files) and the funder's report.

Anyone signed in without the right gets a 403; anonymous visitors go to the login page.
Filters that make no sense (a reversed period, a project or organisation that does not exist, a
support type not on the list) come back as form errors with status 400 and no file.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pomyslowice.organizations.forms import add_service_errors
from pomyslowice.privacy.access_log import record_view

from . import indicators
from .export_forms import ExportForm
from .exports import DOWNLOADS
from .funder_report import find_report, report_content
from .funder_report_forms import NarrativeForm, PeriodForm
from .funder_report_odt import funder_report_odt
from .funder_report_pdf import funder_report_pdf
from .funder_report_services import save_funder_report
from .models import Project
from .permissions import can_export, can_write_funder_report, require

REPORT_FILES = {
    "pdf": (funder_report_pdf, "application/pdf"),
    "odt": (funder_report_odt, "application/vnd.oasis.opendocument.text"),
}


@login_required
def exports(request):
    require(can_export(request.user))
    form = ExportForm(request.GET or None)
    summary = None
    if form.is_bound and form.is_valid():
        selection = form.selection()
        if download := form.cleaned_data["pobierz"]:
            record_view(request=request, subject=None, what=f"export_{download.rsplit('-')[-1]}")
            return DOWNLOADS[download](selection)
        summary = indicators.figures(selection.records)
    return render(
        request,
        "reports/exports/index.html",
        {
            "title": _("Exports"),
            "form": form,
            "summary": summary,
            "projects": Project.objects.all(),
        },
        status=400 if form.errors else 200,
    )


def _project_and_period(request, slug):
    """The project and the period asked for in the query string; the form holds any errors."""
    project = get_object_or_404(Project, slug=slug)
    period_form = PeriodForm(request.GET, project=project)
    return project, period_form


def _report_page(request, project, period_form, status=200, **extra):
    context = {
        "title": _("Report for the funder: %(project)s") % {"project": project.name},
        "project": project,
        "period_form": period_form,
        "can_write": can_write_funder_report(request.user),
        "can_export": can_export(request.user),
        **extra,
    }
    return render(request, "reports/funder_report/detail.html", context, status=status)


@login_required
def funder_report(request, slug):
    may_write = can_write_funder_report(request.user)
    require(may_write or can_export(request.user))
    project, period_form = _project_and_period(request, slug)
    if not period_form.is_valid():
        return _report_page(request, project, period_form, status=400)
    start, end = period_form.period()
    report = find_report(project, start, end)
    form = NarrativeForm(request.POST or None, instance=report)
    if request.method == "POST":
        require(may_write)
        if form.is_valid():
            try:
                save_funder_report(
                    project=project,
                    period_start=start,
                    period_end=end,
                    data=form.cleaned_data,
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The report has been saved."))
                return redirect(request.get_full_path())
    return _report_page(
        request,
        project,
        period_form,
        status=400 if form.errors else 200,
        content=report_content(project, start, end, report),
        report=report,
        form=form if may_write else None,
        query=request.GET.urlencode(),
    )


@login_required
def funder_report_file(request, slug, kind):
    require(can_export(request.user))
    if kind not in REPORT_FILES:
        raise Http404
    project, period_form = _project_and_period(request, slug)
    if not period_form.is_valid():
        return _report_page(request, project, period_form, status=400)
    start, end = period_form.period()
    render_file, content_type = REPORT_FILES[kind]
    content = report_content(project, start, end, find_report(project, start, end))
    response = HttpResponse(render_file(content), content_type=content_type)
    filename = f"raport-{project.slug}-{start.isoformat()}-{end.isoformat()}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
