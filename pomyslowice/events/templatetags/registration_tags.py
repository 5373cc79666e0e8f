from django import template

from ..models import Registration
from ..permissions import can_manage_registrations
from ..registration_services import make_token, registration_problem, seats_left

register = template.Library()


@register.simple_tag(takes_context=True)
def registration_state(context, event):
    """What the event page's registration panel shows to the person looking at it."""
    user = context["request"].user
    mine = None
    if user.is_authenticated:
        mine = event.registrations.active().filter(user=user).first()
    return {
        "problem": registration_problem(event),
        "seats_left": seats_left(event),
        "waiting": event.registrations.filter(status=Registration.Status.WAITLISTED).count(),
        "mine": mine,
        "cancel_token": make_token(mine) if mine else "",
        "can_manage": can_manage_registrations(user, event),
    }
