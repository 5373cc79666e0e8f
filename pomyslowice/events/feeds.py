from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from pomyslowice.core.sanitize import plain_text

from .models import Event

FEED_LENGTH = 30


class NewEventsFeed(Feed):
    """Newly published events, newest first, for feed readers and local news sites."""

    feed_type = Atom1Feed

    def title(self):
        return _("%(site)s: new events") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("Events newly published in the calendar of %(city)s.") % {
            "city": settings.CENTRE_CITY
        }

    def link(self):
        return reverse("events:list")

    def items(self):
        return (
            Event.objects.published()
            .filter(published_at__isnull=False)
            .select_related("organizer")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, event):
        if event.status != Event.Status.PUBLISHED:
            return f"{event.title} ({event.get_status_display()})"
        return event.title

    def item_description(self, event):
        return plain_text(event.description)

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_author_name(self, event):
        return event.organizer.name if event.organizer else None
