from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .forms import SLUG_TO_KIND
from .models import Article

FEED_LENGTH = 30


class KindFeed(Feed):
    """Newly published articles of one kind, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, kind_slug):
        if kind_slug not in SLUG_TO_KIND:
            raise Http404
        return SLUG_TO_KIND[kind_slug]

    def title(self, kind):
        return _("%(site)s: %(kind)s") % {
            "site": settings.SITE_NAME,
            "kind": Article.Kind(kind).label,
        }

    def subtitle(self, kind):
        return _("New articles in the knowledge base of %(site)s.") % {"site": settings.SITE_NAME}

    def link(self, kind):
        return reverse("knowledge:kind", kwargs={"kind_slug": Article.KIND_SLUGS[kind]})

    def items(self, kind):
        return (
            Article.objects.published()
            .filter(kind=kind)
            .prefetch_related("tags")
            .newest_first()[:FEED_LENGTH]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]
