from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors
from pomyslowice.organizations.models import Organization

from . import strategy_services as services
from .caretaking_views import render_organization_form
from .models import StrategyAction, StrategyPlan, StrategyReview
from .permissions import (
    can_edit_strategy,
    get_strategy_plan_for_user,
    represented_organizations,
)
from .strategy_forms import ActionEditForm, ActionForm, PlanForm, ReviewForm
from .strategy_pdf import plan_filename, plan_pdf

OPEN_ACTIONS = [StrategyAction.Status.PLANNED, StrategyAction.Status.IN_PROGRESS]


def mine_strategy_context(user) -> dict:
    """The strategy part of a representative's page (/moje/): each represented organisation
    with its plan, the next review and the number of open actions, in one query."""
    organizations = (
        represented_organizations(user)
        .select_related("strategy_plan")
        .annotate(
            open_actions=Count(
                "strategy_plan__actions",
                filter=Q(strategy_plan__actions__status__in=OPEN_ACTIONS),
            )
        )
    )
    return {
        "strategy_plans": [
            {
                "organization": organization,
                "plan": getattr(organization, "strategy_plan", None),
                "open_actions": organization.open_actions,
            }
            for organization in organizations
        ]
    }


def _organization_and_plan(request, slug, *, edit=False, require_plan=True):
    organization = get_object_or_404(Organization.objects.select_related("caretaker"), slug=slug)
    plan = get_strategy_plan_for_user(request.user, organization)
    if edit and not can_edit_strategy(request.user, organization):
        raise Http404
    if require_plan and plan is None:
        raise Http404
    return organization, plan


def _plan_context(plan: StrategyPlan) -> dict:
    return {
        "plan": plan,
        "partner_names": (
            list(plan.partners.order_by("name", "pk").values_list("name", flat=True))
            if plan
            else []
        ),
        "actions": plan.actions.all() if plan else [],
        "reviews": plan.reviews.select_related("recorded_by") if plan else [],
    }


def plan_detail(request, slug):
    organization, plan = _organization_and_plan(request, slug, require_plan=False)
    return render(
        request,
        "centre/strategy/detail.html",
        {
            "title": _("Strategy plan of %(name)s") % {"name": organization.name},
            "organization": organization,
            **_plan_context(plan),
            "can_edit": can_edit_strategy(request.user, organization),
            "action_form": ActionForm(),
            "review_form": ReviewForm(initial={"date": timezone.localdate()}),
        },
    )


def plan_edit(request, slug):
    organization, plan = _organization_and_plan(request, slug, edit=True, require_plan=False)
    version = plan.version if plan else 0
    form = PlanForm(
        request.POST or None,
        instance=plan,
        organization=organization,
        initial={"based_on_version": version},
    )
    current = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_plan(
                plan_or_org=plan or organization,
                by=request.user,
                based_on_version=form.cleaned_data["based_on_version"],
                data=form.service_data(),
            )
        except services.StalePlan as stale:
            current = stale.plan
            form = _rebased(form, organization, current)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_plan(request, organization, _("The strategy plan has been saved."))
    return render(
        request,
        "centre/strategy/edit.html",
        {
            "title": _("Edit the strategy plan of %(name)s") % {"name": organization.name},
            "organization": organization,
            "form": form,
            "current": current,
            **(_plan_context(current) if current else {}),
        },
        status=409 if current else (400 if form.errors else 200),
    )


def _rebased(form: PlanForm, organization, current: StrategyPlan | None) -> PlanForm:
    """The person's own input again, now based on the current version, with the refusal on top;
    saving once more is an informed decision to replace what the co-author wrote."""
    data = form.data.copy()
    data["based_on_version"] = current.version if current else 0
    rebased = PlanForm(data, organization=organization)
    rebased.is_valid()
    rebased.add_error(None, services.StalePlan(current).message)
    return rebased


@require_POST
def action_add(request, slug):
    organization, plan = _organization_and_plan(request, slug, edit=True)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.add_action(plan=plan, by=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_plan(request, organization, _("The action has been added."))
    return _action_form(request, organization, form, title=_("Add an action"))


def action_edit(request, slug, pk):
    organization, plan = _organization_and_plan(request, slug, edit=True)
    action = get_object_or_404(StrategyAction, pk=pk, plan=plan)
    form = ActionEditForm(
        request.POST or None, instance=action, initial={"based_on_version": plan.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_action(
                action=action,
                by=request.user,
                based_on_version=form.cleaned_data["based_on_version"],
                **form.service_arguments(),
            )
        except services.StalePlan as stale:
            data = form.data.copy()
            data["based_on_version"] = stale.plan.version
            form = ActionEditForm(data, instance=StrategyAction.objects.get(pk=action.pk))
            form.is_valid()
            form.add_error(None, stale.message)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_plan(request, organization, _("The action has been changed."))
    return _action_form(request, organization, form, title=_("Change the action"))


def _action_form(request, organization, form, *, title):
    return _form_page(
        request,
        organization,
        form,
        title=title,
        legend=_("Action"),
        submit_label=_("Save the action"),
    )


@require_POST
def action_delete(request, slug, pk):
    organization, plan = _organization_and_plan(request, slug, edit=True)
    action = get_object_or_404(StrategyAction, pk=pk, plan=plan)
    services.remove_action(action=action, by=request.user)
    return _back_to_plan(request, organization, _("The action has been removed."))


def review_add(request, slug):
    return _review_form(request, slug, pk=None)


def review_edit(request, slug, pk):
    return _review_form(request, slug, pk=pk)


def _review_form(request, slug, *, pk):
    organization, plan = _organization_and_plan(request, slug, edit=True)
    review = get_object_or_404(StrategyReview, pk=pk, plan=plan) if pk else None
    form = ReviewForm(request.POST or None, instance=review, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_review(
                plan=plan, by=request.user, review=review, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_plan(request, organization, _("The review has been saved."))
    return _form_page(
        request,
        organization,
        form,
        title=_("Change the review") if review else _("Add a review"),
        legend=_("Review of the plan"),
        submit_label=_("Save the review"),
        delete_url=(
            reverse("centre:strategy-review-delete", args=[organization.slug, review.pk])
            if review
            else None
        ),
        delete_label=_("Delete this review"),
    )


@require_POST
def review_delete(request, slug, pk):
    organization, plan = _organization_and_plan(request, slug, edit=True)
    review = get_object_or_404(StrategyReview, pk=pk, plan=plan)
    services.delete_review(review=review, by=request.user)
    return _back_to_plan(request, organization, _("The review has been deleted."))


def _form_page(request, organization, form, **texts):
    return render_organization_form(
        request,
        organization,
        form,
        back_url=reverse("centre:strategy-detail", args=[organization.slug]),
        back_label=_("Back to the plan"),
        **texts,
    )


def _back_to_plan(request, organization, done: str):
    messages.success(request, done)
    return redirect("centre:strategy-detail", slug=organization.slug)


def version_list(request, slug):
    organization, plan = _organization_and_plan(request, slug)
    return render(
        request,
        "centre/strategy/versions.html",
        {
            "title": _("Versions of the strategy plan of %(name)s") % {"name": organization.name},
            "organization": organization,
            "plan": plan,
            "versions": plan.versions.select_related("saved_by").defer("content"),
        },
    )


def version_detail(request, slug, number):
    organization, plan = _organization_and_plan(request, slug)
    version = get_object_or_404(plan.versions.select_related("saved_by"), number=number)
    statuses = dict(StrategyAction.Status.choices)
    return render(
        request,
        "centre/strategy/version.html",
        {
            "title": _("Strategy plan of %(name)s, version %(number)s")
            % {"name": organization.name, "number": version.number},
            "organization": organization,
            "plan": plan,
            "version": version,
            "content": version.content,
            "partner_names": [partner["name"] for partner in version.content.get("partners", [])],
            "actions": [
                {**action, "status_label": statuses.get(action["status"], action["status"])}
                for action in version.content.get("actions", [])
            ],
        },
    )


def plan_print(request, slug):
    organization, plan = _organization_and_plan(request, slug)
    return render(
        request,
        "centre/strategy/print.html",
        {
            "title": _("Strategy plan of %(name)s") % {"name": organization.name},
            "organization": organization,
            **_plan_context(plan),
        },
    )


def plan_pdf_download(request, slug):
    _organization, plan = _organization_and_plan(request, slug)
    response = HttpResponse(plan_pdf(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{plan_filename(plan)}"'
    return response
