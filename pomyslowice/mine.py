"""A person's own page (/moje/) gathers what they have in every part of the platform, so it
lives above the apps, like the home page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from pomyslowice.centre.consulting_views import mine_appointments
from pomyslowice.centre.equipment_views import mine_reservations
from pomyslowice.centre.mail_views import mail_for_mine
from pomyslowice.centre.permissions import can_request_room, can_reserve_equipment
from pomyslowice.centre.room_views import mine_room_bookings
from pomyslowice.centre.strategy_views import mine_strategy_context
from pomyslowice.knowledge.permissions import can_read_drafts, can_write
from pomyslowice.organizations.views import my_page_context
from pomyslowice.volunteering.profile_views import mine_volunteering


@login_required
def mine(request):
    user = request.user
    context = {
        "title": _("My page"),
        **my_page_context(user),
        "appointments": mine_appointments(user),
        "room_bookings": mine_room_bookings(user),
        "can_request_room": can_request_room(user),
        "equipment_reservations": mine_reservations(user),
        "can_reserve_equipment": can_reserve_equipment(user),
        "mail_items": mail_for_mine(user),
        **mine_strategy_context(user),
        "can_write_articles": can_write(user),
        "can_read_article_drafts": can_read_drafts(user),
        **mine_volunteering(user),
    }
    return render(request, "mine.html", context)
