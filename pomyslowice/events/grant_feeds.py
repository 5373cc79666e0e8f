from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.sanitize import clean_html

from .models import GrantCall

NEWEST_IN_FEED = 30


class GrantCallFeed(Feed):
    """The newest published grant calls, for feed readers and other sites."""

    feed_type = Atom1Feed
    title = _("Grant calls")
    subtitle = _("New calls for grant applications for organisations in the region.")
    link = reverse_lazy("grants:list")

    def items(self):
        return (
            GrantCall.objects.published()
            .select_related("funder_organization")
            .order_by("-created_at", "-pk")[:NEWEST_IN_FEED]
        )

    def item_title(self, item: GrantCall) -> str:
        return item.title

    def item_description(self, item: GrantCall) -> str:
        return clean_html(item.description)

    def item_pubdate(self, item: GrantCall):
        return item.created_at

    def item_updateddate(self, item: GrantCall):
        return item.updated_at

    def item_author_name(self, item: GrantCall) -> str:
        return item.funder
