from django.urls import include, path

from . import (
    application_urls,
    engagement_urls,
    group_urls,
    hours_urls,
    matching_urls,
    offer_urls,
    outreach_urls,
    profile_urls,
)

app_name = "volunteering"

# Each area owns its full paths (see the area's *_urls module); all live under /wolontariat/.
urlpatterns = [
    path("", include(offer_urls)),
    path("", include(profile_urls)),
    path("", include(application_urls)),
    path("", include(matching_urls)),
    path("", include(engagement_urls)),
    path("", include(hours_urls)),
    path("promocja/", include(outreach_urls)),
    path("grupa-inicjatywna/", include(group_urls)),
]
