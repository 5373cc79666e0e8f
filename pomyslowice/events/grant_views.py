import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_page
from pomyslowice.core.sanitize import safe_html
from pomyslowice.organizations.forms import add_service_errors

from . import grant_services
from .grant_forms import GrantCallFilterForm, GrantCallForm
from .models import GrantCall, GrantCallSubscription
from .permissions import (
    can_add_grant_call,
    can_change_grant_call,
    get_grant_call_for_user,
    represented_organizations,
)

GRANT_CALLS_PER_PAGE = 20

CLOSING_ON_HOME = 3


@cache_public_page("events")
@read_from_replica
def grant_call_list(request):
    now = timezone.now()
    form = GrantCallFilterForm(request.GET)
    calls = form.apply(GrantCall.objects.published().for_listing(), now=now)
    page = Paginator(calls, GRANT_CALLS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = _with_days_left(list(page.object_list), now)
    return render(
        request,
        "events/grants/list.html",
        {
            "title": _("Grant calls"),
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "can_add": can_add_grant_call(request.user),
        },
    )


@cache_public_page("events")
@read_from_replica
def grant_call_detail(request, slug):
    grant_call = get_grant_call_for_user(request.user, slug)
    _with_days_left([grant_call], timezone.now())
    return render(
        request,
        "events/grants/detail.html",
        {
            "title": grant_call.title,
            "grant_call": grant_call,
            "description_html": safe_html(grant_call.description),
            "areas": list(grant_call.areas.all()),
            "attachments": list(grant_call.attachments.all()),
            "can_edit": can_change_grant_call(request.user),
        },
    )


@login_required
def grant_call_add(request):
    if not can_add_grant_call(request.user):
        raise PermissionDenied
    form = GrantCallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant_call = grant_services.create_grant_call(data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The grant call has been added."))
            return redirect(grant_call)
    return render(
        request,
        "events/grants/form.html",
        {"title": _("Add a grant call"), "form": form, "grant_call": None},
    )


@login_required
def grant_call_edit(request, slug):
    if not can_change_grant_call(request.user):
        raise PermissionDenied
    grant_call = get_object_or_404(GrantCall, slug=slug)
    # The form writes into its instance while validating; keep the page's copy untouched.
    form = GrantCallForm(request.POST or None, instance=copy.copy(grant_call))
    if request.method == "POST" and form.is_valid():
        try:
            grant_call = grant_services.update_grant_call(
                grant_call=grant_call, changes=form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(grant_call)
    return render(
        request,
        "events/grants/form.html",
        {
            "title": _("Edit %(title)s") % {"title": grant_call.title},
            "form": form,
            "grant_call": grant_call,
        },
    )


@login_required
def grant_call_subscribe(request):
    organizations = list(represented_organizations(request.user).prefetch_related("areas"))
    if request.method == "POST":
        by_slug = {organization.slug: organization for organization in organizations}
        organization = by_slug.get(request.POST.get("organization", ""))
        if organization is None:
            messages.error(request, _("You can set alerts only for organisations you represent."))
        else:
            enabled = request.POST.get("alerts") == "on"
            grant_services.set_grant_call_alerts(
                user=request.user, organization=organization, enabled=enabled
            )
            messages.success(
                request,
                (
                    _("Alerts about grant calls for %(name)s are on.")
                    if enabled
                    else _("Alerts about grant calls for %(name)s are off.")
                )
                % {"name": organization.name},
            )
        return redirect("grants:subscribe")
    subscribed = set(
        GrantCallSubscription.objects.filter(user=request.user).values_list(
            "organization_id", flat=True
        )
    )
    return render(
        request,
        "events/grants/subscribe.html",
        {
            "title": _("Grant call alerts"),
            "organizations": [(org, org.pk in subscribed) for org in organizations],
        },
    )


def _with_days_left(calls: list[GrantCall], now) -> list[GrantCall]:
    """Whole calendar days (Polish time) until each deadline; None once it has passed."""
    today = timezone.localdate(now)
    for call in calls:
        call.days_left = (
            (timezone.localdate(call.deadline) - today).days if call.deadline >= now else None
        )
    return calls


def home_highlights() -> dict:
    """The grant calls' part of the home page: the deadlines coming first."""
    now = timezone.now()
    calls = GrantCall.objects.published().open(now).for_listing().order_by("deadline", "pk")
    return {"closing_grant_calls": _with_days_left(list(calls[:CLOSING_ON_HOME]), now)}
