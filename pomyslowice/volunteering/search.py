"""What the search index holds of volunteer offers: open ones only.

An offer leaves the index when it is no longer published (filled, closed, returned), stops being
shown the day after `expires_on`, and is hidden from people younger than its minimum age, as on
the offers' own pages.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.sanitize import plain_text
from pomyslowice.search.registry import Document, Searchable, register

from .models import Offer


def offer_document(offer: Offer) -> Document | None:
    if offer.status != Offer.Status.PUBLISHED:
        return None
    if offer.expires_on and offer.expires_on < timezone.localdate():
        return None
    body = [
        offer.host.name,
        plain_text(offer.description),
        offer.tasks,
        offer.get_schedule_display(),
        offer.schedule_note,
        offer.address,
        offer.district.name if offer.district else "",
        *(skill.name for skill in offer.skills.all()),
        *(area.name for area in offer.areas.all()),
    ]
    return Document(
        title=offer.title,
        body="\n".join(str(part) for part in body if part),
        url=offer.get_absolute_url(),
        date=offer.published_at,
        visible_until=_day_after(offer.expires_on),
        min_age=offer.min_age,
    )


def _day_after(day: datetime.date | None) -> datetime.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    )


def searchable_offers():
    return (
        Offer.objects.open().select_related("host", "district").prefetch_related("skills", "areas")
    )


register(
    Searchable(
        kind="opportunity",
        label=_("Volunteer offers"),
        model=Offer,
        document=offer_document,
        queryset=searchable_offers,
    )
)
