from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "pomyslowice.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from pomyslowice.core.page_cache import shown_in
        from pomyslowice.search.registry import Searchable, register

        from .models import Article, Attachment, Tag
        from .search import article_document, searchable_articles

        shown_in("knowledge", Article, Attachment, Tag)

        register(
            Searchable(
                kind="article",
                label=_("Knowledge"),
                model=Article,
                document=article_document,
                queryset=searchable_articles,
            )
        )
