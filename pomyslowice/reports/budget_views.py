import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pomyslowice.core.documents import INLINE_TYPES, sniff
from pomyslowice.organizations.forms import add_service_errors

from . import budget_services as services
from .budget_forms import BudgetLineForm, ExpenseForm
from .models import BudgetLine, Expense, Project
from .permissions import can_manage_projects, can_record_expenses, can_view_budget, require

EXPENSES_PER_PAGE = 50


def _project(request, slug) -> Project:
    require(can_view_budget(request.user))
    return get_object_or_404(Project, slug=slug)


@login_required
def budget(request, slug):
    project = _project(request, slug)
    return render(
        request,
        "reports/budget/budget.html",
        {
            "title": _("Budget: %(project)s") % {"project": project.name},
            "project": project,
            "summary": services.budget_summary(project),
            "can_manage": can_manage_projects(request.user),
            "can_record": can_record_expenses(request.user),
        },
    )


@login_required
def budget_line(request, slug, pk):
    project = _project(request, slug)
    line = get_object_or_404(BudgetLine, pk=pk, project=project)
    expenses = line.expenses.select_related("recorded_by")
    page = Paginator(expenses, EXPENSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/budget/line.html",
        {
            "title": line.name,
            "project": project,
            "line": line,
            "page": page,
            "can_manage": can_manage_projects(request.user),
            "can_record": can_record_expenses(request.user),
        },
    )


def _line_form_page(request, project, form, *, line=None):
    return render(
        request,
        "reports/budget/line_form.html",
        {
            "title": _("Edit the budget line") if line else _("New budget line"),
            "project": project,
            "line": line,
            "form": form,
        },
    )


@login_required
def budget_line_add(request, slug):
    project = _project(request, slug)
    require(can_manage_projects(request.user))
    form = BudgetLineForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_budget_line(project=project, data=form.service_data(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The budget line has been added."))
            return redirect("reports:budget", slug=project.slug)
    return _line_form_page(request, project, form)


@login_required
def budget_line_edit(request, slug, pk):
    project = _project(request, slug)
    require(can_manage_projects(request.user))
    line = get_object_or_404(BudgetLine, pk=pk, project=project)
    # The form fills its instance as it validates; the page keeps showing the saved line.
    form = BudgetLineForm(request.POST or None, instance=copy.copy(line), project=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_budget_line(line=line, data=form.service_data(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The budget line has been saved."))
            return redirect("reports:budget", slug=project.slug)
    return _line_form_page(request, project, form, line=line)


@login_required
def expense_add(request, slug):
    project = _project(request, slug)
    require(can_record_expenses(request.user))
    form = ExpenseForm(
        request.POST or None,
        request.FILES or None,
        project=project,
        initial={"line": request.GET.get("pozycja")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.service_data()
        try:
            expense = services.record_expense(
                project=project, line=data.pop("line"), data=data, by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The expense has been recorded."))
            return redirect("reports:budget-line", slug=project.slug, pk=expense.line_id)
    return render(
        request,
        "reports/budget/expense_form.html",
        {"title": _("Record an expense"), "project": project, "form": form},
    )


@login_required
def expense_document(request, slug, pk):
    """Served by this view only, after the permission check: documents are never public files."""
    project = _project(request, slug)
    expense = get_object_or_404(Expense, pk=pk, line__project=project)
    if not expense.document:
        raise Http404
    with expense.document.open("rb") as document:
        content_type = sniff(document) or "application/octet-stream"
    extension = expense.document.name.rsplit(".", 1)[-1]
    response = FileResponse(
        expense.document.open("rb"),
        as_attachment=content_type not in INLINE_TYPES,
        filename=f"{project.slug}-{expense.pk}.{extension}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
