import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors

from . import equipment_services as services
from .calendar import local_date, local_datetime
from .equipment_forms import AvailabilityForm, ReservationForm, ReturnForm
from .models import Equipment, EquipmentReservation
from .permissions import can_lend_equipment, can_reserve_equipment, get_reservation_for_user

Status = EquipmentReservation.Status


def _with_related(reservations):
    overdue = Q(status=Status.CHECKED_OUT, end__lt=timezone.now())
    return reservations.select_related("equipment", "organization", "requested_by").annotate(
        is_overdue=ExpressionWrapper(overdue, output_field=BooleanField())
    )


def mine_reservations(user):
    """Current and coming reservations of the user and of the organisations they represent,
    for the "/moje/" page (context variable `equipment_reservations`)."""
    return _with_related(
        EquipmentReservation.objects.for_user(user)
        .holding()
        .filter(Q(status=Status.CHECKED_OUT) | Q(end__gt=timezone.now()))
    ).order_by("start", "pk")


def equipment_list(request):
    equipment = list(Equipment.objects.active())
    form = AvailabilityForm(request.GET or None)
    available = None
    if form.is_valid():
        available = services.available_quantities(
            equipment_list=equipment,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
        for item in equipment:
            item.available = available[item.pk]
    return render(
        request,
        "centre/equipment/list.html",
        {
            "title": _("Equipment to borrow"),
            "equipment": equipment,
            "form": form,
            "checked": available is not None,
            "can_reserve": can_reserve_equipment(request.user),
            "can_lend": can_lend_equipment(request.user),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
def equipment_reserve(request):
    if not can_reserve_equipment(request.user):
        return render(
            request,
            "centre/equipment/cannot_reserve.html",
            {"title": _("Reserve equipment")},
            status=403,
        )
    initial = {}
    if request.GET.get("sprzet"):
        initial["equipment"] = Equipment.objects.active().filter(slug=request.GET["sprzet"]).first()
    form = ReservationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            reservation = services.reserve_equipment(
                language=translation.get_language(), **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The equipment is reserved. We sent the details by e-mail.")
            )
            return redirect("centre:equipment-reservation-detail", pk=reservation.pk)
    return render(
        request,
        "centre/equipment/reserve.html",
        {"title": _("Reserve equipment"), "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def equipment_mine(request):
    reservations = _with_related(EquipmentReservation.objects.for_user(request.user)).order_by(
        "-start", "-pk"
    )
    now = timezone.now()
    current, past = [], []
    for reservation in reservations:
        still_on = reservation.status == Status.CHECKED_OUT or (
            reservation.status == Status.RESERVED and reservation.end > now
        )
        (current if still_on else past).append(reservation)
    return render(
        request,
        "centre/equipment/mine.html",
        {
            "title": _("My equipment reservations"),
            "current": current[::-1],
            "past": past[:50],
            "can_reserve": can_reserve_equipment(request.user),
        },
    )


@login_required
def reservation_detail(request, pk):
    reservation = get_reservation_for_user(request.user, pk)
    return render(
        request,
        "centre/equipment/detail.html",
        {
            "title": _("Equipment reservation"),
            "reservation": reservation,
            "can_cancel": services.can_cancel(request.user, reservation),
            "can_lend": can_lend_equipment(request.user),
            "overdue": reservation.status == Status.CHECKED_OUT
            and reservation.end < timezone.now(),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def reservation_cancel(request, pk):
    reservation = get_reservation_for_user(request.user, pk)
    try:
        services.cancel_reservation(
            reservation=reservation, by=request.user, language=translation.get_language()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You cannot cancel this reservation."))
    else:
        messages.success(request, _("The reservation is cancelled."))
    return redirect("centre:equipment-reservation-detail", pk=reservation.pk)


def _lenders_only(view):
    @login_required
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_lend_equipment(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@_lenders_only
def equipment_lending(request):
    """Staff desk: what is picked up and brought back today, what is out, what is late."""
    now = timezone.now()
    today = local_date(now)
    tomorrow = local_datetime(today + datetime.timedelta(days=1), datetime.time(0))
    reservations = EquipmentReservation.objects.holding()
    pickups = _with_related(
        reservations.filter(status=Status.RESERVED, start__lt=tomorrow, end__gt=now)
    ).order_by("start", "pk")
    checked_out = list(
        _with_related(reservations.filter(status=Status.CHECKED_OUT)).order_by("end", "pk")
    )
    return render(
        request,
        "centre/equipment/lending.html",
        {
            "title": _("Equipment lending"),
            "pickups": pickups,
            "overdue": [item for item in checked_out if item.end < now],
            "returns_today": [item for item in checked_out if now <= item.end < tomorrow],
            "checked_out": [item for item in checked_out if item.end >= tomorrow],
            "return_form": ReturnForm(),
        },
    )


@_lenders_only
@require_POST
def reservation_check_out(request, pk):
    reservation = get_reservation_for_user(request.user, pk)
    try:
        services.check_out(reservation=reservation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Lent out: %(what)s to %(who)s.")
            % {"what": reservation, "who": reservation.organization or reservation.contact_name},
        )
    return redirect(_next_or_desk(request))


@_lenders_only
@require_POST
def reservation_return(request, pk):
    reservation = get_reservation_for_user(request.user, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["notes"]))
        return redirect(_next_or_desk(request))
    try:
        services.return_equipment(
            reservation=reservation, by=request.user, notes=form.cleaned_data["notes"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Taken back: %(what)s.") % {"what": reservation})
    return redirect(_next_or_desk(request))


def _next_or_desk(request) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("centre:equipment-lending")
