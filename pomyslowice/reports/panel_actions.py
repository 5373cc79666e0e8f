"""Inline actions of the staff panel: one POST per row, calling the owning app's service.

Without JavaScript the form posts, the result is flashed as a message and the panel reloads.
With htmx (the HX-Request header) only the row comes back, saying what happened, and replaces
the row it came from. A decided, racing or impossible action is the service's translated
ValidationError shown as a message, never an error page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.centre import equipment_services, room_services
from pomyslowice.centre.permissions import (
    can_decide_bookings,
    can_lend_equipment,
    get_reservation_for_user,
    get_room_booking_for_user,
)
from pomyslowice.volunteering import hours_services
from pomyslowice.volunteering.permissions import can_review_offers, get_hours_entry_for_user

from .permissions import can_use_panel, require


def _attempt(service, **arguments) -> tuple[bool, str]:
    try:
        service(**arguments)
    except ValidationError as error:
        return False, " ".join(error.messages)
    return True, ""


def _respond(request, *, row_id: str, columns: int, done: bool, message: str):
    if request.headers.get("HX-Request") == "true":
        return render(
            request,
            "reports/panel/action_result.html",
            {"row_id": row_id, "columns": columns, "done": done, "message": message},
        )
    messages.add_message(request, messages.SUCCESS if done else messages.ERROR, message)
    return redirect("reports:panel")


@login_required
@require_POST
def booking_approve(request, pk):
    require(can_use_panel(request.user) and can_decide_bookings(request.user))
    booking = get_room_booking_for_user(request.user, pk)
    done, problem = _attempt(
        room_services.approve_booking,
        booking=booking,
        by=request.user,
        language=translation.get_language(),
    )
    message = _("The booking is approved; the requester has been told.") if done else problem
    return _respond(request, row_id=f"booking-{pk}", columns=4, done=done, message=message)


@login_required
@require_POST
def equipment_check_out(request, pk):
    require(can_use_panel(request.user) and can_lend_equipment(request.user))
    reservation = get_reservation_for_user(request.user, pk)
    done, problem = _attempt(equipment_services.check_out, reservation=reservation, by=request.user)
    message = _("Lent out: %(what)s.") % {"what": reservation} if done else problem
    return _respond(request, row_id=f"reservation-{pk}", columns=4, done=done, message=message)


@login_required
@require_POST
def hours_approve(request, pk):
    require(can_use_panel(request.user) and can_review_offers(request.user))
    entry = get_hours_entry_for_user(request.user, pk)
    done, problem = _attempt(hours_services.approve_hours, entry=entry, by=request.user)
    message = _("The hours have been approved.") if done else problem
    return _respond(request, row_id=f"hours-{pk}", columns=4, done=done, message=message)
