"""What the platform's search holds of an article."""

from pomyslowice.core.sanitize import plain_text
from pomyslowice.search.registry import Document

from .models import Article

_TEXT_FIELDS = (
    "problem",
    "actions",
    "results",
    "partners",
    "cost",
    "method",
    "sample",
    "findings",
    "legal_act",
)


def article_document(article: Article) -> Document | None:
    """Published articles only; a scheduled one is indexed but shown from its moment on."""
    if article.status != Article.Status.PUBLISHED or article.published_at is None:
        return None
    parts = [article.lead, plain_text(article.body)]
    parts += [getattr(article, name) for name in _TEXT_FIELDS if getattr(article, name)]
    return Document(
        title=article.title,
        body="\n".join(part for part in parts if part),
        url=article.get_absolute_url(),
        date=article.published_at,
        visible_from=article.published_at,
    )


def searchable_articles():
    return Article.objects.filter(status=Article.Status.PUBLISHED, published_at__isnull=False)
