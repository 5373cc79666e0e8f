from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors
from pomyslowice.privacy.access_log import record_view

from . import application_services as services
from . import availability
from .application_forms import AcceptForm, ApplyForm, DeclineForm, StatusFilterForm
from .models import Application, VolunteerProfile
from .permissions import (
    can_edit_offer,
    get_application_for_user,
    get_offer_for_host,
    get_offer_for_user,
    host_view,
)
from .profile_services import age_group, minor_notice

# The volunteer's own problems that the profile page solves.
PROFILE_PROBLEMS = ("no-profile", "no-birth-date")


def offer_actions_context(offer, user) -> dict:
    """What the offer page shows about applying (volunteering/includes/offer_actions.html)."""
    context = {"offer": offer, "user": user, "is_host": can_edit_offer(user, offer)}
    if context["is_host"]:
        context["pending_count"] = offer.applications.filter(
            status=Application.Status.PENDING
        ).count()
    if user.is_authenticated:
        context["application"] = services.active_application(offer, user)
        problem = services.apply_problem(offer, user)
        context["problem_code"], context["problem"] = problem or (None, None)
        context["needs_profile"] = context["problem_code"] in PROFILE_PROBLEMS
    return context


@login_required
def apply(request, slug):
    user = request.user
    offer = get_offer_for_user(user, slug)
    problem = services.apply_problem(offer, user)
    form = ApplyForm(
        request.POST or None, guardian_needed=services.needs_guardian_confirmation(user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.apply_for_offer(
                offer=offer,
                volunteer=user,
                language=translation.get_language(),
                **form.service_arguments(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Your application is sent. The host will answer you by e-mail.")
            )
            return redirect(application.get_absolute_url())
    problem_code, problem_message = problem or (None, None)
    return render(
        request,
        "volunteering/applications/apply.html",
        {
            "title": _("Apply: %(offer)s") % {"offer": offer.title},
            "offer": offer,
            "form": form,
            "problem": problem_message,
            "needs_profile": problem_code in PROFILE_PROBLEMS,
            "existing": services.active_application(offer, user) if problem_code else None,
            "minor_notice": minor_notice(user.birth_date),
        },
    )


@login_required
def offer_applications(request, slug):
    """The host's list of applications for one of their offers, filtered by status."""
    offer = get_offer_for_host(request.user, slug)
    record_view(request=request, subject=offer, what="list")
    form = StatusFilterForm(request.GET)
    applications = offer.applications.select_related("volunteer").order_by("-created_at", "-pk")
    counts = offer.applications.aggregate(
        **{
            status: Count("pk", filter=Q(status=status))
            for status, _label in Application.Status.choices
        }
    )
    return render(
        request,
        "volunteering/applications/offer_list.html",
        {
            "title": _("Applications: %(offer)s") % {"offer": offer.title},
            "offer": offer,
            "form": form,
            "rows": [
                (application, age_group(application.volunteer_birth_date))
                for application in form.apply(applications)
            ],
            "counts": [
                (status, label, counts[status]) for status, label in Application.Status.choices
            ],
            "places": offer.places,
        },
    )


@login_required
def my_applications(request):
    applications = (
        Application.objects.filter(volunteer=request.user)
        .select_related("offer__host", "engagement")
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "volunteering/applications/mine.html",
        {"title": _("My applications"), "applications": list(applications)},
    )


def _applicant(application: Application):
    """The applicant as the host sees them: the profile as far as the volunteer allowed."""
    profile = (
        VolunteerProfile.objects.filter(user_id=application.volunteer_id)
        .select_related("user", "district")
        .prefetch_related("skills", "areas")
        .first()
    )
    return host_view(profile) if profile else None


def _detail(request, application, *, accept_form=None, decline_form=None):
    user = request.user
    is_volunteer = application.volunteer_id == user.pk
    applicant = None if is_volunteer else _applicant(application)
    return render(
        request,
        "volunteering/applications/detail.html",
        {
            "title": _("Application for %(offer)s") % {"offer": application.offer.title},
            "application": application,
            "offer": application.offer,
            "is_volunteer": is_volunteer,
            "applicant": applicant,
            "applicant_availability": availability.describe(applicant.availability)
            if applicant
            else "",
            "age_group": age_group(application.volunteer_birth_date),
            "can_decide": can_edit_offer(user, application.offer)
            and application.status == Application.Status.PENDING,
            "withdraw_problem": services.withdraw_problem(application, user),
            "engagement": getattr(application, "engagement", None),
            "accept_form": accept_form or AcceptForm(prefix="accept"),
            "decline_form": decline_form or DeclineForm(prefix="decline"),
        },
    )


@login_required
def application_detail(request, pk):
    application = get_application_for_user(request.user, pk)
    record_view(request=request, subject=application, what="application")
    return _detail(request, application)


def _host_application(request, pk) -> Application:
    application = get_application_for_user(request.user, pk)
    if not can_edit_offer(request.user, application.offer):
        raise PermissionDenied
    return application


def _attempt(request, service, success: str, **arguments) -> None:
    try:
        service(by=request.user, language=translation.get_language(), **arguments)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)


@login_required
@require_POST
def application_accept(request, pk):
    application = _host_application(request, pk)
    form = AcceptForm(request.POST, prefix="accept")
    if not form.is_valid():
        return _detail(request, application, accept_form=form)
    _attempt(
        request,
        services.accept_application,
        _("The application is accepted; the volunteer has been told. Prepare the engagement."),
        application=application,
        reason=form.cleaned_data["reason"],
    )
    return redirect(application.get_absolute_url())


@login_required
@require_POST
def application_decline(request, pk):
    application = _host_application(request, pk)
    form = DeclineForm(request.POST, prefix="decline")
    if not form.is_valid():
        return _detail(request, application, decline_form=form)
    try:
        services.decline_application(
            application=application,
            by=request.user,
            reason=form.cleaned_data["reason"],
            language=translation.get_language(),
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _detail(request, application, decline_form=form)
    messages.success(request, _("The application is declined; the volunteer has been told."))
    return redirect(application.get_absolute_url())


@login_required
@require_POST
def application_withdraw(request, pk):
    application = get_application_for_user(request.user, pk)
    if application.volunteer_id != request.user.pk:
        raise PermissionDenied
    _attempt(
        request,
        services.withdraw_application,
        _("Your application is withdrawn; the host has been told."),
        application=application,
    )
    return redirect(application.get_absolute_url())
