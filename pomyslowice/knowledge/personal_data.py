"""Personal data the knowledge base holds: who wrote or proposed an article (see
privacy.registry for the contract)."""

from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.personal_data import iso
from pomyslowice.privacy.registry import PersonalDataSource, Report, Subject, register_source

from .models import Article, ArticleRevision

UNPUBLISHED = (Article.Status.DRAFT, Article.Status.IN_REVIEW)


def export_articles(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {
            "title": article.title,
            "kind": article.kind,
            "kind_label": str(article.get_kind_display()),
            "status": article.status,
            "status_label": str(article.get_status_display()),
            "lead": article.lead,
            "text": article.body,
            "contact": article.contact,
            "created_at": iso(article.created_at),
            "published_at": iso(article.published_at),
        }
        for article in Article.objects.filter(author=subject.user)
    ]


def erase_articles(subject: Subject) -> Report:
    """A proposal that was never published goes with its author; a published article belongs
    to the knowledge base and only loses its author (the staff's own drafts are the centre's
    work and stay too)."""
    if subject.user is None:
        return Report()
    articles = Article.objects.filter(author=subject.user)
    deleted = 0
    if not subject.user.is_staff:
        proposals = articles.filter(status__in=UNPUBLISHED)
        deleted = proposals.count()
        proposals.delete()
    articles.filter(contact__icontains=subject.email).update(contact="")
    detached = articles.update(author=None)
    detached += ArticleRevision.objects.filter(author=subject.user).update(author=None)
    return Report(erased=deleted + detached)


register_source(
    PersonalDataSource(
        name="knowledge.articles",
        label=_("Articles written or proposed"),
        export=export_articles,
        erase=erase_articles,
    )
)
