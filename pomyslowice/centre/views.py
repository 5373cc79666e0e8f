from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from .models import ConsultingService, Equipment, Room
from .permissions import (
    can_decide_bookings,
    can_lend_equipment,
    can_manage_appointments,
    can_manage_mail,
    can_see_timeline,
    consultant_for,
)


def index(request):
    """What the centre offers, and for staff the way into their daily work."""
    user = request.user
    return render(
        request,
        "centre/index.html",
        {
            "title": _("Centre services"),
            "centre_address": settings.CENTRE_ADDRESS,
            "services": ConsultingService.objects.active(),
            "rooms": Room.objects.active(),
            "equipment": Equipment.objects.active(),
            "staff_links": {
                "bookings": can_decide_bookings(user),
                "lending": can_lend_equipment(user),
                "appointments": can_manage_appointments(user) or consultant_for(user),
                "mail": can_manage_mail(user),
                "caretaking": can_see_timeline(user),
            },
        },
    )
