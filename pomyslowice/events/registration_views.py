import copy
import csv
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors
from pomyslowice.privacy.access_log import record_view

from . import feedback_services
from . import registration_services as services
from .certificates import certificate_filename, certificate_pdf
from .models import Event, EventFeedback, Registration
from .permissions import can_get_certificate, can_manage_registrations, get_event_for_user
from .registration_forms import (
    AttendanceForm,
    FeedbackForm,
    MessageForm,
    RegistrationForm,
    RegistrationSettingsForm,
)

STATUS_MESSAGES = {
    Registration.Status.UNCONFIRMED: gettext_lazy(
        "Almost done: check your inbox and open the link we sent to confirm your registration."
    ),
    Registration.Status.PENDING: gettext_lazy(
        "Thank you. The organisers confirm each registration; we will let you know by e-mail."
    ),
    Registration.Status.CONFIRMED: gettext_lazy("You are registered. Your place is confirmed."),
    Registration.Status.WAITLISTED: gettext_lazy(
        "All seats are taken, so you are on the waitlist. We will e-mail you if a seat frees up."
    ),
}


def event_register(request, slug):
    event = get_event_for_user(request.user, slug)
    form = RegistrationForm(request.POST or None, event=event, user=request.user)
    problem = services.registration_problem(event)
    if request.method == "POST" and not problem and form.is_valid():
        try:
            registration = services.register(
                event=event, language=translation.get_language(), **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, str(STATUS_MESSAGES[registration.status]))
            return redirect(event)
    return render(
        request,
        "events/registration/form.html",
        {
            "title": _("Register for %(title)s") % {"title": event.title},
            "event": event,
            "form": form,
            "problem": problem,
        },
        status=400 if request.method == "POST" and problem else 200,
    )


def _registration_from_token(view):
    """A forged or expired link is a clear page with status 400, never an error."""

    @functools.wraps(view)
    def wrapped(request, token):
        try:
            registration = services.registration_from_token(token)
        except services.InvalidToken:
            return render(
                request,
                "events/registration/invalid_link.html",
                {"title": _("This link is not valid")},
                status=400,
            )
        return view(request, registration, token)

    return wrapped


@_registration_from_token
def registration_confirm(request, registration, token):
    """GET only shows a button: mail scanners open links, and opening must not register."""
    if request.method == "POST":
        try:
            services.confirm_guest_registration(registration=registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("events:registration-manage", token=token)
    if registration.status != Registration.Status.UNCONFIRMED:
        return redirect("events:registration-manage", token=token)
    return render(
        request,
        "events/registration/confirm.html",
        {
            "title": _("Confirm your registration"),
            "registration": registration,
            "event": registration.event,
            "token": token,
        },
    )


@_registration_from_token
def registration_manage(request, registration, token):
    """See the registration; POST cancels it."""
    if request.method == "POST":
        services.cancel_registration(registration=registration, by=request.user)
        messages.success(request, _("Your registration is cancelled."))
        return redirect("events:registration-manage", token=token)
    return render(
        request,
        "events/registration/manage.html",
        {
            "title": _("Your registration"),
            "registration": registration,
            "event": registration.event,
            "token": token,
        },
    )


# --- the organisers' side ----------------------------------------------------------------------


def _organisers_only(view):
    """The event's attendee pages: staff and the organiser's representatives."""

    @functools.wraps(view)
    @login_required
    def wrapped(request, slug, *args, **kwargs):
        event = get_event_for_user(request.user, slug)
        if not can_manage_registrations(request.user, event):
            raise PermissionDenied
        return view(request, event, *args, **kwargs)

    return wrapped


def _registrations(event: Event):
    return event.registrations.select_related("organization", "user").order_by("created_at", "pk")


@_organisers_only
def attendees(request, event):
    record_view(request=request, subject=event, what="attendee_list")
    return _attendees_page(request, event, message_form=MessageForm())


def _attendees_page(request, event, *, message_form, status=200):
    counts = event.registrations.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Registration.Status.values}
    )
    return render(
        request,
        "events/registration/attendees.html",
        {
            "title": _("Participants of %(title)s") % {"title": event.title},
            "event": event,
            "registrations": list(_registrations(event)),
            "counts": counts,
            "seats_left": services.seats_left(event),
            "problem": services.registration_problem(event),
            "event_over": event.end <= timezone.now(),
            "feedback": feedback_services.feedback_summary(event),
            "message_form": message_form,
        },
        status=status,
    )


CSV_HEADERS = [
    gettext_lazy("Full name"),
    gettext_lazy("E-mail"),
    gettext_lazy("Organisation"),
    gettext_lazy("Needs"),
    gettext_lazy("Status"),
    gettext_lazy("Attended"),
    gettext_lazy("Registered"),
]


@_organisers_only
def attendees_csv(request, event):
    record_view(request=request, subject=event, what="attendee_csv")
    # UTF-8 with a byte order mark: Excel otherwise reads Polish letters as gibberish.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-uczestnicy.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(label) for label in CSV_HEADERS])
    for registration in _registrations(event):
        writer.writerow(
            [
                registration.name,
                registration.email,
                registration.organization.name
                if registration.organization
                else registration.organization_name,
                registration.needs,
                registration.get_status_display(),
                _("yes") if registration.attended else _("no"),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


@_organisers_only
def registration_settings(request, event):
    # The form writes into its instance while validating; keep the page's copy untouched.
    form = RegistrationSettingsForm(request.POST or None, instance=copy.copy(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_registration_settings(
                event=event, by=request.user, changes=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("events:attendees", slug=event.slug)
    return render(
        request,
        "events/registration/settings.html",
        {
            "title": _("Registration settings of %(title)s") % {"title": event.title},
            "event": event,
            "form": form,
        },
    )


def _registration_of(event: Event, pk: int) -> Registration:
    return get_object_or_404(Registration.objects.select_related("event"), event=event, pk=pk)


def _staff_action(request, event, action, done: str):
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("events:attendees", slug=event.slug)


@_organisers_only
@require_POST
def attendance(request, event, pk):
    registration = _registration_of(event, pk)
    form = AttendanceForm(request.POST)
    form.is_valid()
    attended = form.cleaned_data.get("attended", False)
    return _staff_action(
        request,
        event,
        lambda: services.mark_attendance(
            registration=registration, attended=attended, by=request.user
        ),
        _("Attendance of %(name)s saved.") % {"name": registration.name},
    )


@_organisers_only
@require_POST
def registration_approve(request, event, pk):
    registration = _registration_of(event, pk)
    return _staff_action(
        request,
        event,
        lambda: services.approve_registration(registration=registration, by=request.user),
        _("The registration of %(name)s is approved.") % {"name": registration.name},
    )


@_organisers_only
@require_POST
def registration_close(request, event):
    return _staff_action(
        request,
        event,
        lambda: services.close_registration(event=event, by=request.user),
        _("Registration is closed."),
    )


@_organisers_only
@require_POST
def feedback_send(request, event):
    try:
        count = feedback_services.send_feedback_requests(event=event, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "The survey was sent to %(count)d participant.",
                "The survey was sent to %(count)d participants.",
                count,
            )
            % {"count": count},
        )
    return redirect("events:attendees", slug=event.slug)


@_organisers_only
@require_POST
def message_all(request, event):
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            count = feedback_services.message_registrations(
                event=event,
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The message was sent to %(count)d person.",
                    "The message was sent to %(count)d people.",
                    count,
                )
                % {"count": count},
            )
            return redirect("events:attendees", slug=event.slug)
    return _attendees_page(request, event, message_form=form, status=400)


# --- the participants' side after the event ----------------------------------------------------


@login_required
def certificate(request, pk):
    """Only for someone marked as present; anyone else gets a 404, not a hint it exists."""
    registration = get_object_or_404(
        Registration.objects.select_related("event__organizer"), pk=pk, attended=True
    )
    if not can_get_certificate(request.user, registration):
        raise Http404
    response = HttpResponse(certificate_pdf(registration), content_type="application/pdf")
    filename = certificate_filename(registration)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def feedback(request, token):
    """The survey after the event; a registration answers once."""
    try:
        registration = feedback_services.registration_from_feedback_token(token)
    except feedback_services.InvalidFeedbackToken:
        return render(
            request,
            "events/registration/feedback_invalid.html",
            {"title": _("This link is not valid")},
            status=400,
        )
    already_sent = EventFeedback.objects.filter(registration=registration).exists()
    form = None if already_sent else FeedbackForm(request.POST or None)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            feedback_services.submit_feedback(registration=registration, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("events:feedback", token=token)
    return render(
        request,
        "events/registration/feedback.html",
        {
            "title": _("Feedback on %(title)s") % {"title": registration.event.title},
            "event": registration.event,
            "form": form,
            "already_sent": already_sent,
        },
    )
