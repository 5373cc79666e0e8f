"""Demo data of the volunteer centre, after organisations and events: each area seeds its part
from what the areas before it made (offers → profiles → applications → engagements → hours),
then the outreach log credits the profiles it brought."""

from django.conf import settings
from django.utils import translation

from . import (
    demo_applications,
    demo_engagements,
    demo_hours,
    demo_offers,
    demo_outreach,
    demo_profiles,
)


def seed(*, users: dict, organizations: dict, areas: dict, districts: dict) -> dict:
    made = {"users": users, "organizations": organizations, "areas": areas, "districts": districts}
    counts = {}
    # Consents keep the wording people saw and agreements their default texts: in the site's
    # language, as on the site, not in the management command's.
    with translation.override(settings.LANGUAGE_CODE):
        for area in (
            demo_offers,
            demo_profiles,
            demo_applications,
            demo_engagements,
            demo_hours,
            demo_outreach,
        ):
            result = area.seed(**made)
            counts.update(result.pop("counts"))
            made.update(result)
    return counts
