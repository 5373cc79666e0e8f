"""Public API of the knowledge base: published articles only (scheduled ones once their moment
has come; archived ones are not listed). Drafts, review notes and authors' e-mails never leave
the database through this module."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.errors import ErrorOut
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, OrganizationRefOut, absolute_url
from pomyslowice.organizations.models import Organization

from .models import Article

router = Router()


class TagOut(Schema):
    slug: str
    name: str


class AttachmentOut(Schema):
    title: str
    content_type: str
    size: int
    url: str

    @staticmethod
    def resolve_url(attachment) -> str:
        return absolute_url(attachment.get_absolute_url())


class ArticleOut(Schema):
    slug: str
    title: str
    kind: Article.Kind
    kind_label: str
    lead: str
    body: str = Field(description="Sanitised HTML.")
    published_at: datetime
    url: str = Field(description="The article's page on the site.")
    areas: list[AreaOut]
    tags: list[TagOut]
    organizations: list[OrganizationRefOut] = Field(description="Published organisations only.")
    attachments: list[AttachmentOut]
    details: dict[str, str | None] = Field(
        description="Fields of the article's kind: a good practice's problem, actions, results, "
        "partners, cost, contact; research's method, sample, findings, report_url; a "
        "regulation's legal_act, act_date, in_force_from, in_force_to, source_url."
    )

    @staticmethod
    def resolve_kind_label(article: Article) -> str:
        return str(article.get_kind_display())

    @staticmethod
    def resolve_body(article: Article) -> str:
        return clean_html(article.body)

    @staticmethod
    def resolve_url(article: Article) -> str:
        return absolute_url(article.get_absolute_url())

    @staticmethod
    def resolve_areas(article: Article) -> list:
        return list(article.areas.all())

    @staticmethod
    def resolve_tags(article: Article) -> list:
        return list(article.tags.all())

    @staticmethod
    def resolve_organizations(article: Article) -> list:
        return [
            org
            for org in article.organizations.all()
            if org.status == Organization.Status.PUBLISHED
        ]

    @staticmethod
    def resolve_attachments(article: Article) -> list:
        return list(article.attachments.all())

    @staticmethod
    def resolve_details(article: Article) -> dict:
        details = {}
        for name in Article.KIND_FIELDS[article.kind]:
            value = getattr(article, name)
            if name == "report":
                url = absolute_url(f"{article.get_absolute_url()}raport/") if value else None
                details["report_url"] = url
            elif isinstance(value, date):
                details[name] = value.isoformat()
            else:
                details[name] = value or None
        return details


class ArticleFilters(Schema):
    kind: Article.Kind | None = None
    area: str | None = Field(None, max_length=100, description="Slug of an area of benefit.")
    tag: str | None = Field(None, max_length=80, description="Slug of a tag.")

    def apply(self, articles):
        if self.kind:
            articles = articles.filter(kind=self.kind)
        if self.area:
            articles = articles.filter(areas__slug=self.area)
        if self.tag:
            articles = articles.filter(tags__slug=self.tag)
        return articles


def _public_articles():
    return Article.objects.published().prefetch_related(
        "areas", "tags", "organizations", "attachments"
    )


@router.get(
    "/articles",
    response=list[ArticleOut],
    tags=["knowledge"],
    url_name="article-list",
    operation_id="listArticles",
    summary="Published articles of the knowledge base, newest first",
)
@paginate(LimitOffsetPagination)
def list_articles(request, filters: Query[ArticleFilters]):
    return filters.apply(_public_articles()).distinct().newest_first()


@router.get(
    "/articles/{slug}",
    response={200: ArticleOut, 404: ErrorOut},
    tags=["knowledge"],
    url_name="article-detail",
    operation_id="getArticle",
    summary="One published article",
)
def get_article(request, slug: str):
    return get_object_or_404(_public_articles(), slug=slug)
