import datetime
import functools
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors
from pomyslowice.privacy.access_log import record_view

from . import consulting_services as services
from .calendar import local_date
from .consulting_forms import (
    BookingForm,
    CancelForm,
    ExceptionForm,
    OutcomeForm,
    parse_slot,
    slot_value,
)
from .consulting_slots import free_slots, is_free
from .models import Appointment, AvailabilityException, Consultant, ConsultingService
from .permissions import (
    can_manage_appointments,
    can_record_outcome,
    can_see_appointment_notes,
    consultant_for,
    get_appointment_for_user,
)

WEEK = datetime.timedelta(days=7)


def _language() -> str:
    return translation.get_language()


def service_list(request):
    services_ = ConsultingService.objects.active().prefetch_related("consultants")
    kinds = [
        (label, [s for s in services_ if s.kind == kind])
        for kind, label in ConsultingService.Kind.choices
    ]
    return render(
        request,
        "centre/consulting/services.html",
        {"title": _("Consulting"), "kinds": [(label, items) for label, items in kinds if items]},
    )


def _week_start(request, service, consultant) -> datetime.date:
    """The Monday of the week asked for, kept between this week and the last bookable day;
    without a week asked for, the week of the first free slot (this week if there is none)."""
    today = timezone.localdate()
    this_week = today - datetime.timedelta(days=today.weekday())
    last_day = today + datetime.timedelta(days=settings.CONSULTING_MAX_DAYS_AHEAD)
    if "tydzien" not in request.GET:
        first = next(iter(free_slots(service, today, last_day, consultant=consultant)), None)
        asked = local_date(first.start) if first else this_week
    else:
        try:
            asked = datetime.date.fromisoformat(request.GET["tydzien"])
        except ValueError:
            asked = this_week
    asked = min(max(asked, this_week), last_day)
    return asked - datetime.timedelta(days=asked.weekday())


def _days(slots) -> list[tuple[datetime.date, list]]:
    return [
        (day, [{"slot": slot, "value": slot_value(slot)} for slot in day_slots])
        for day, day_slots in groupby(slots, key=lambda slot: local_date(slot.start))
    ]


def _week_context(request, service, *, consultant=None) -> dict:
    monday = _week_start(request, service, consultant)
    today = timezone.localdate()
    slots = free_slots(
        service, monday, monday + WEEK - datetime.timedelta(days=1), consultant=consultant
    )
    this_week = today - datetime.timedelta(days=today.weekday())
    last_day = today + datetime.timedelta(days=settings.CONSULTING_MAX_DAYS_AHEAD)
    return {
        "monday": monday,
        "sunday": monday + WEEK - datetime.timedelta(days=1),
        "days": _days(slots),
        "previous_week": monday - WEEK if monday > this_week else None,
        "next_week": monday + WEEK if monday + WEEK <= last_day else None,
    }


def service_detail(request, slug):
    service = get_object_or_404(
        ConsultingService.objects.active().prefetch_related("consultants"), slug=slug
    )
    return render(
        request,
        "centre/consulting/service.html",
        {"title": service.name, "service": service, **_week_context(request, service)},
    )


def book(request, slug):
    service = get_object_or_404(ConsultingService.objects.active(), slug=slug)
    parsed = parse_slot(request.POST.get("slot") or request.GET.get("slot", ""))
    consultant = (
        service.consultants.filter(pk=parsed[0], is_active=True).first() if parsed else None
    )
    if consultant is None:
        messages.error(request, _("Please choose a time from the list."))
        return redirect("centre:consulting-service", slug=service.slug)
    start = parsed[1]
    if not is_free(service, consultant, start):
        messages.error(request, _("This time is no longer free. Please choose another one."))
        return redirect("centre:consulting-service", slug=service.slug)
    form = BookingForm(
        request.POST if "question" in request.POST else None, service=service, user=request.user
    )
    if form.is_bound and form.is_valid():
        try:
            appointment = services.book_appointment(
                service=service,
                consultant=consultant,
                start=start,
                language=_language(),
                **form.service_arguments(),
            )
        except services.SlotTaken as error:
            messages.error(request, " ".join(error.messages))
            return redirect("centre:consulting-service", slug=service.slug)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if appointment.status == Appointment.Status.UNCONFIRMED:
                messages.success(
                    request,
                    _(
                        "Almost done: check your inbox and open the link we sent to confirm "
                        "your booking."
                    ),
                )
                return redirect("centre:consulting-service", slug=service.slug)
            messages.success(request, _("Your consultation is booked."))
            return redirect("centre:consulting-appointment", pk=appointment.pk)
    return render(
        request,
        "centre/consulting/book.html",
        {
            "title": _("Book: %(service)s") % {"service": service.name},
            "service": service,
            "consultant": consultant,
            "start": start,
            "end": start + datetime.timedelta(minutes=service.duration_minutes),
            "slot": f"{consultant.pk}|{start.isoformat()}",
            "form": form,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _from_token(view):
    """A forged or expired link is a clear page with status 400, never an error."""

    @functools.wraps(view)
    def wrapped(request, token, *args, **kwargs):
        try:
            appointment = services.appointment_from_token(token)
        except services.InvalidToken:
            return render(
                request,
                "centre/consulting/invalid_link.html",
                {"title": _("This link is not valid")},
                status=400,
            )
        return view(request, appointment, token, *args, **kwargs)

    return wrapped


@_from_token
def confirm(request, appointment, token):
    """GET only shows a button: mail scanners open links, and opening must not book."""
    if request.method == "POST":
        try:
            services.confirm_appointment(appointment=appointment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your consultation is booked."))
        return redirect("centre:consulting-manage", token=token)
    if appointment.status != Appointment.Status.UNCONFIRMED:
        return redirect("centre:consulting-manage", token=token)
    return render(
        request,
        "centre/consulting/confirm.html",
        {"title": _("Confirm your booking"), "appointment": appointment, "token": token},
    )


@_from_token
def manage(request, appointment, token):
    return _appointment_page(request, appointment, token=token)


@login_required
def appointment_detail(request, pk):
    appointment = get_appointment_for_user(request.user, pk)
    record_view(request=request, subject=appointment, what="appointment")
    return _appointment_page(request, appointment, token=None)


def _appointment_page(request, appointment, *, token):
    is_client = token is not None or appointment.user_id == request.user.pk
    may_change = is_client or can_record_outcome(request.user, appointment)
    upcoming = (
        appointment.status == Appointment.Status.BOOKED and appointment.start > timezone.now()
    )
    context = {
        "title": _("Consultation: %(service)s") % {"service": appointment.service.name},
        "appointment": appointment,
        "token": token,
        "where": f"{settings.CENTRE_NAME}, {settings.CENTRE_ADDRESS}",
        "show_notes": can_see_appointment_notes(request.user, appointment),
        "may_cancel": may_change
        and appointment.status in Appointment.HOLDING_STATUSES
        and appointment.start > timezone.now(),
        "may_reschedule": may_change and upcoming,
        "may_record_outcome": can_record_outcome(request.user, appointment)
        and appointment.start <= timezone.now()
        and appointment.status != Appointment.Status.CANCELLED
        and appointment.status != Appointment.Status.UNCONFIRMED,
        "cancel_form": CancelForm(),
        "actions": _action_urls(appointment, token),
    }
    return render(request, "centre/consulting/appointment.html", context)


def _action_urls(appointment, token) -> dict:
    if token:
        return {
            "cancel": reverse("centre:consulting-manage-cancel", args=[token]),
            "reschedule": reverse("centre:consulting-manage-reschedule", args=[token]),
            "page": reverse("centre:consulting-manage", args=[token]),
        }
    return {
        "cancel": reverse("centre:consulting-cancel", args=[appointment.pk]),
        "reschedule": reverse("centre:consulting-reschedule", args=[appointment.pk]),
        "page": reverse("centre:consulting-appointment", args=[appointment.pk]),
        "outcome": reverse("centre:consulting-outcome", args=[appointment.pk]),
    }


def _changeable_for_user(request, pk):
    """The client, the consultant and appointment managers may cancel or move; 404 otherwise."""
    appointment = get_appointment_for_user(request.user, pk)
    if appointment.user_id != request.user.pk and not can_record_outcome(request.user, appointment):
        raise Http404
    return appointment


def _cancel(request, appointment, *, back):
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.cancel_appointment(appointment=appointment, by=request.user, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The appointment is cancelled."))
    return redirect(back)


@login_required
@require_POST
def cancel(request, pk):
    appointment = _changeable_for_user(request, pk)
    return _cancel(request, appointment, back=reverse("centre:consulting-appointment", args=[pk]))


@require_POST
@_from_token
def manage_cancel(request, appointment, token):
    return _cancel(request, appointment, back=reverse("centre:consulting-manage", args=[token]))


def _reschedule(request, appointment, *, page_url, action_url):
    if request.method == "POST":
        parsed = parse_slot(request.POST.get("slot", ""))
        if parsed is None or parsed[0] != appointment.consultant_id:
            messages.error(request, _("Please choose a time from the list."))
            return redirect(action_url)
        try:
            new = services.reschedule_appointment(
                appointment=appointment, start=parsed[1], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(action_url)
        messages.success(request, _("The appointment has moved to the new time."))
        if page_url is None:
            return redirect("centre:consulting-appointment", pk=new.pk)
        return redirect(page_url)
    if appointment.status != Appointment.Status.BOOKED:
        messages.error(request, _("Only a booked appointment can be moved."))
        return redirect(page_url or reverse("centre:consulting-appointment", args=[appointment.pk]))
    return render(
        request,
        "centre/consulting/reschedule.html",
        {
            "title": _("Move the appointment"),
            "appointment": appointment,
            "action_url": action_url,
            **_week_context(request, appointment.service, consultant=appointment.consultant),
        },
    )


@login_required
def reschedule(request, pk):
    appointment = _changeable_for_user(request, pk)
    return _reschedule(
        request,
        appointment,
        page_url=None,
        action_url=reverse("centre:consulting-reschedule", args=[pk]),
    )


@_from_token
def manage_reschedule(request, appointment, token):
    response = _reschedule(
        request,
        appointment,
        page_url=reverse("centre:consulting-manage", args=[token]),
        action_url=reverse("centre:consulting-manage-reschedule", args=[token]),
    )
    if request.method == "POST" and response.status_code == 302:
        moved = Appointment.objects.filter(rescheduled_from=appointment).order_by("-pk").first()
        if moved is not None and moved.status == Appointment.Status.BOOKED:
            return redirect("centre:consulting-manage", token=services.make_token(moved))
    return response


@login_required
def outcome(request, pk):
    appointment = get_appointment_for_user(request.user, pk)
    if not can_record_outcome(request.user, appointment):
        raise Http404
    form = OutcomeForm(request.POST or None, instance=appointment)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_outcome(
                appointment=appointment, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The outcome is saved."))
            return redirect("centre:consulting-appointment", pk=pk)
    return render(
        request,
        "centre/consulting/outcome.html",
        {"title": _("Outcome of the consultation"), "appointment": appointment, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


def _staff_view(view):
    """Consultants and appointment managers; a 404 for everyone else."""

    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if consultant_for(request.user) is None and not can_manage_appointments(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _chosen_consultant(request) -> Consultant | None:
    """Managers may look at any consultant (?konsultant=pk); a consultant sees themselves."""
    own = consultant_for(request.user)
    if can_manage_appointments(request.user) and request.GET.get("konsultant", "").isdigit():
        return get_object_or_404(Consultant, pk=request.GET["konsultant"])
    return own


@_staff_view
def appointments(request):
    chosen = _chosen_consultant(request)
    record_view(request=request, subject=None, what="list")
    listed = (
        Appointment.objects.upcoming()
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("service", "consultant", "organization")
    )
    past = Appointment.objects.filter(
        status=Appointment.Status.BOOKED, start__lte=timezone.now()
    ).select_related("service", "consultant", "organization")
    if chosen is not None:
        listed, past = listed.filter(consultant=chosen), past.filter(consultant=chosen)
    return render(
        request,
        "centre/consulting/appointments.html",
        {
            "title": _("Consulting appointments"),
            "appointments": listed,
            "awaiting_outcome": past.order_by("-start")[:50],
            "chosen": chosen,
            "consultants": Consultant.objects.all()
            if can_manage_appointments(request.user)
            else [],
        },
    )


@_staff_view
def availability(request):
    consultant = _chosen_consultant(request)
    if consultant is None:
        raise Http404
    form = ExceptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_availability_exception(
                consultant=consultant, by=request.user, exception=form.instance
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The change to your availability is saved."))
            return redirect(request.get_full_path())
    return render(
        request,
        "centre/consulting/availability.html",
        {
            "title": _("Availability of %(name)s") % {"name": consultant.display_name},
            "consultant": consultant,
            "rules": consultant.rules.all(),
            "exceptions": consultant.exceptions.filter(date__gte=timezone.localdate()),
            "form": form,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@_staff_view
@require_POST
def availability_remove(request, pk):
    exception = get_object_or_404(AvailabilityException.objects.select_related("consultant"), pk=pk)
    if exception.consultant.user_id != request.user.pk and not can_manage_appointments(
        request.user
    ):
        raise Http404
    services.remove_availability_exception(exception=exception, by=request.user)
    messages.success(request, _("The change to your availability is removed."))
    url = reverse("centre:consulting-availability")
    if exception.consultant.user_id != request.user.pk:
        url += f"?konsultant={exception.consultant_id}"
    return redirect(url)


def mine_appointments(user) -> list:
    """For the /moje/ page: the user's upcoming appointments, as client or as consultant."""
    if not user.is_authenticated:
        return []
    return list(
        Appointment.objects.for_user(user)
        .upcoming()
        .filter(status__in=Appointment.HOLDING_STATUSES)
        .select_related("service", "consultant")
    )
