"""The home page gathers a little from every part of the platform, so it lives above the apps."""

from django.shortcuts import render

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_page
from pomyslowice.events import grant_views
from pomyslowice.events import views as event_views
from pomyslowice.organizations import views as organization_views
from pomyslowice.volunteering import offer_views


@cache_public_page("organizations", "events", "knowledge", "volunteering")
@read_from_replica
def home(request):
    context = {
        **organization_views.home_highlights(),
        **event_views.home_highlights(),
        **grant_views.home_highlights(),
        **offer_views.home_highlights(request.user),
    }
    return render(request, "home.html", context)
