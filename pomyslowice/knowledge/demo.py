"""Demo articles of the knowledge base (texts in demo_articles.ARTICLES), loaded idempotently."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.models import Organization

from .models import Article
from .services import DATE_FIELDS, _record_revision, tags_for


def _load_articles() -> list[dict]:
    from .demo_articles import ARTICLES

    return ARTICLES


@transaction.atomic
def seed(articles: list[dict] | None = None, *, author=None) -> int:
    """Create the demo articles missing by slug; existing ones are left as they are. Returns
    how many were created."""
    created = 0
    for item in _load_articles() if articles is None else articles:
        if Article.objects.filter(slug=item["slug"]).exists():
            continue
        _create(item, author)
        created += 1
    return created


def _create(item: dict, author) -> Article:
    kind = item["kind"]
    fields = {
        name: value
        for name, value in (item.get("fields") or {}).items()
        if name in Article.KIND_FIELDS[kind] and name != "report"
    }
    for name in DATE_FIELDS:
        if name in fields:
            fields[name] = date.fromisoformat(fields[name]) if fields[name] else None
    article = Article(
        kind=kind,
        title=item["title"],
        slug=item["slug"],
        lead=item.get("lead", ""),
        body=clean_html(item.get("body", "")),
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=item.get("days_ago", 0)),
        author=author,
        **fields,
    )
    article.full_clean()
    article.save()
    article.areas.set(AreaOfBenefit.objects.filter(code__in=item.get("areas", [])))
    article.tags.set(tags_for(item.get("tags", [])))
    article.organizations.set(Organization.objects.filter(slug__in=item.get("organizations", [])))
    _record_revision(article, author, "Demo")
    return article
