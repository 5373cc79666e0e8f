from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from pomyslowice.privacy.access_log import record_view

from . import availability, matching
from .models import VolunteerProfile
from .permissions import get_offer_for_host


@login_required
def offers_for_me(request):
    """The open offers that fit the volunteer's profile best, each with why."""
    try:
        profile = request.user.volunteer_profile
    except VolunteerProfile.DoesNotExist:
        profile = None
    return render(
        request,
        "volunteering/matching/offers_for_me.html",
        {
            "title": _("Offers for me"),
            "profile": profile,
            "ranking": matching.rank_offers_for(profile) if profile else None,
        },
    )


@login_required
def volunteers_for_offer(request, slug):
    """For the offer's host and the caretaker: volunteers who opted in, best fit first."""
    offer = get_offer_for_host(request.user, slug)
    record_view(request=request, subject=offer, what="volunteer_profile")
    ranking = matching.rank_volunteers_for(offer, viewer=request.user)
    return render(
        request,
        "volunteering/matching/volunteers_for_offer.html",
        {
            "title": _("Volunteers for %(offer)s") % {"offer": offer.title},
            "offer": offer,
            "ranking": ranking,
            "rows": [
                (ranked, availability.describe(ranked.item.availability))
                for ranked in ranking.items
            ],
        },
    )
