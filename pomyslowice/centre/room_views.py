import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.organizations.forms import add_service_errors

from . import room_services as services
from .models import Room, RoomBooking
from .permissions import (
    can_decide_bookings,
    can_request_room,
    get_booking_series_for_user,
    get_room_booking_for_user,
)
from .room_forms import BookingRequestForm, CancelForm, FreeRoomsForm, RejectForm

PAGE_SIZE = 50


def _staff_only(user) -> None:
    if not can_decide_bookings(user):
        raise PermissionDenied


def room_list(request):
    form = FreeRoomsForm(request.GET or None)
    free = None
    if form.is_bound and form.is_valid():
        try:
            free = services.free_rooms(
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                people=form.cleaned_data["people"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
    return render(
        request,
        "centre/rooms/list.html",
        {
            "title": _("Rooms"),
            "rooms": Room.objects.for_listing(),
            "form": form,
            "free": free,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _parse_day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def room_detail(request, slug):
    """The room with its public availability: one day (?dzien=) or a week (?tydzien=)."""
    room = get_object_or_404(Room.objects.for_listing(), slug=slug)
    today = timezone.localdate()
    day = _parse_day(request.GET.get("dzien"))
    week = _parse_day(request.GET.get("tydzien"))
    bad_date = any(
        request.GET.get(key) and value is None for key, value in (("dzien", day), ("tydzien", week))
    )
    context = {"title": room.name, "room": room, "today": today, "bad_date": bad_date}
    if day:
        context["day"] = services.day_schedule(room=room, day=day)
        context["previous_day"] = day - datetime.timedelta(days=1)
        context["next_day"] = day + datetime.timedelta(days=1)
    else:
        days = services.week_schedule(room=room, week_start=week or today)
        context["week"] = days
        context["previous_week"] = days[0].day - datetime.timedelta(weeks=1)
        context["next_week"] = days[0].day + datetime.timedelta(weeks=1)
    context["can_request"] = not request.user.is_authenticated or can_request_room(request.user)
    return render(request, "centre/rooms/detail.html", context, status=400 if bad_date else 200)


@login_required
def booking_request(request, slug):
    room = get_object_or_404(Room.objects.for_listing(), slug=slug)
    if not can_request_room(request.user):
        return render(
            request,
            "centre/rooms/cannot_request.html",
            {"title": _("Book %(room)s") % {"room": room.name}, "room": room},
        )
    form = BookingRequestForm(request.POST or None, room=room, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            result = _request(form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(result)
    return render(
        request,
        "centre/rooms/request.html",
        {"title": _("Book %(room)s") % {"room": room.name}, "room": room, "form": form},
    )


def _request(form: BookingRequestForm) -> str:
    """Make the booking (or the weekly series); the address of the page that shows it."""
    data, arguments = form.cleaned_data, form.service_arguments()
    language = translation.get_language()
    if data["weeks"] > 1:
        series = services.request_series(
            first_date=data["date"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            occurrences=data["weeks"],
            language=language,
            **arguments,
        )
        return series_url(series)
    booking = services.request_booking(
        start=data["start"], end=data["end"], language=language, **arguments
    )
    return booking_url(booking)


def booking_url(booking) -> str:
    return reverse("centre:booking-detail", kwargs={"pk": booking.pk})


def series_url(series) -> str:
    return reverse("centre:booking-series", kwargs={"pk": series.pk})


def _attempt(request, service, success: str, **arguments) -> None:
    """Run a booking service (cancel, approve, reject) as the user; tell them how it went."""
    try:
        service(by=request.user, language=translation.get_language(), **arguments)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)


def _after_decision(request, booking):
    """Back to the queue when deciding there, else to the booking."""
    if request.POST.get("next") == "queue":
        return redirect("centre:booking-queue")
    return redirect(booking_url(booking))


@login_required
def booking_series(request, pk):
    series = get_booking_series_for_user(request.user, pk)
    return render(
        request,
        "centre/rooms/series.html",
        {
            "title": _("Repeating booking of %(room)s") % {"room": series.room.name},
            "series": series,
            "bookings": series.bookings.select_related("room").order_by("start"),
        },
    )


def mine_room_bookings(user):
    """Coming bookings of the user and of the organisations they represent, for "/moje/"."""
    return (
        RoomBooking.objects.for_user(user)
        .holding()
        .upcoming()
        .select_related("room", "organization")
    )


@login_required
def my_bookings(request):
    bookings = RoomBooking.objects.for_user(request.user).select_related("room", "organization")
    now = timezone.now()
    return render(
        request,
        "centre/rooms/mine.html",
        {
            "title": _("My room bookings"),
            "upcoming": bookings.filter(end__gt=now).order_by("start", "pk"),
            "past": bookings.filter(end__lte=now).order_by("-start", "-pk")[:PAGE_SIZE],
            "can_request": can_request_room(request.user),
        },
    )


@login_required
def booking_detail(request, pk):
    booking = get_room_booking_for_user(request.user, pk)
    return _detail_page(request, booking)


def _detail_page(request, booking, *, cancel_form=None, reject_form=None, status=200):
    return render(
        request,
        "centre/rooms/booking.html",
        {
            "title": _("Booking of %(room)s") % {"room": booking.room.name},
            "booking": booking,
            "cancel_problem": services.cancel_problem(booking, request.user),
            "cancel_form": cancel_form or CancelForm(),
            "reject_form": reject_form or RejectForm(),
            "can_decide": can_decide_bookings(request.user),
        },
        status=status,
    )


@login_required
@require_POST
def booking_cancel(request, pk):
    booking = get_room_booking_for_user(request.user, pk)
    form = CancelForm(request.POST)
    if form.is_valid():
        _attempt(
            request,
            services.cancel_booking,
            _("The booking is cancelled."),
            booking=booking,
            reason=form.cleaned_data["reason"],
        )
    return redirect(booking_url(booking))


@login_required
@require_POST
def booking_approve(request, pk):
    booking = get_room_booking_for_user(request.user, pk)
    _staff_only(request.user)
    _attempt(
        request,
        services.approve_booking,
        _("The booking is approved; the requester has been told."),
        booking=booking,
    )
    return _after_decision(request, booking)


@login_required
@require_POST
def booking_reject(request, pk):
    booking = get_room_booking_for_user(request.user, pk)
    _staff_only(request.user)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, booking, reject_form=form, status=400)
    _attempt(
        request,
        services.reject_booking,
        _("The request is rejected; the requester has been told."),
        booking=booking,
        reason=form.cleaned_data["reason"],
    )
    return _after_decision(request, booking)


@login_required
def booking_queue(request):
    _staff_only(request.user)
    pending = (
        RoomBooking.objects.pending()
        .upcoming()
        .select_related("room", "organization", "requested_by")
    )
    return render(
        request,
        "centre/rooms/queue.html",
        {
            "title": _("Room requests awaiting approval"),
            "page": Paginator(pending, PAGE_SIZE).get_page(request.GET.get("strona")),
            "reject_form": RejectForm(),
        },
    )


@login_required
def booking_all(request):
    _staff_only(request.user)
    bookings = RoomBooking.objects.holding().upcoming().select_related("room", "organization")
    return render(
        request,
        "centre/rooms/all.html",
        {
            "title": _("Upcoming room bookings"),
            "page": Paginator(bookings, PAGE_SIZE).get_page(request.GET.get("strona")),
        },
    )
