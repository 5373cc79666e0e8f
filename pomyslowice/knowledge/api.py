"""Public API of the knowledge base: published articles only (scheduled ones once their moment
has come; archived ones are not listed). Drafts, review notes and authors' e-mails never leave
the database through this module."""

from datetime import date, datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from pomyslowice.api.errors import error_responses
from pomyslowice.api.pagination import LimitOffsetPagination
from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_api
from pomyslowice.core.sanitize import clean_html
from pomyslowice.organizations.api import AreaOut, OrganizationRefOut, absolute_url
from pomyslowice.organizations.models import Organization

from .models import Article

router = Router()
# Inlined in OpenAPI: several models have an enum called Kind, which would share one schema.
ArticleKind = Literal[tuple(Article.Kind.values)]


class TagOut(Schema):
    slug: str = Field(description="Stable identifier, used by the `tag` filter.", examples=["rodo"])
    name: str = Field(description="Name.", examples=["RODO"])


class AttachmentOut(Schema):
    title: str = Field(description="Title of the document.", examples=["Raport z badania"])
    content_type: str = Field(description="MIME type.", examples=["application/pdf"])
    size: int = Field(description="Size in bytes.", examples=[482113])
    url: str = Field(
        description="Absolute address of the file.",
        examples=["https://pomyslowice.example.org/wiedza/zalaczniki/12/"],
    )

    @staticmethod
    def resolve_url(attachment) -> str:
        return absolute_url(attachment.get_absolute_url())


class ArticleOut(Schema):
    id: int = Field(description="Stable identifier.", examples=[64])
    slug: str = Field(description="Stable address part of its page.", examples=["rodo-w-ngo"])
    title: str = Field(description="Title.", examples=["RODO w małej organizacji"])
    kind: ArticleKind = Field(description="Kind of article.", examples=["fundraising"])
    kind_label: str = Field(
        description="Kind of article in the request's language.", examples=["fundraising guide"]
    )
    lead: str = Field(description="Plain-text summary.", examples=["Co musi zrobić mała NGO."])
    body: str = Field(description="Sanitised HTML.", examples=["<p>Najważniejsze zasady.</p>"])
    published_at: datetime = Field(
        description="When it was published.", examples=["2026-10-05T09:00:00+02:00"]
    )
    url: str = Field(
        description="The article's page on the site.",
        examples=["https://pomyslowice.example.org/wiedza/rodo-w-ngo/"],
    )
    areas: list[AreaOut] = Field(description="Areas of public benefit it concerns.")
    tags: list[TagOut] = Field(description="Its tags.")
    organizations: list[OrganizationRefOut] = Field(description="Published organisations only.")
    attachments: list[AttachmentOut] = Field(description="Documents attached to it.")
    details: dict[str, str | None] = Field(
        description="Fields of the article's kind: a good practice's problem, actions, results, "
        "partners, cost, contact; research's method, sample, findings, report_url; a "
        "regulation's legal_act, act_date, in_force_from, in_force_to, source_url.",
        examples=[{"legal_act": "Dz.U. 2024 poz. 1491", "in_force_from": "2024-10-01"}],
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
    kind: ArticleKind | None = Field(None, description="Only this kind of article.")
    area: str | None = Field(
        None, max_length=100, description="Slug of an area of benefit (see /areas)."
    )
    tag: str | None = Field(None, max_length=80, description="Slug of a tag.", examples=["rodo"])

    def apply(self, articles):
        if self.kind:
            articles = articles.filter(kind=self.kind)
        if self.area:
            articles = articles.through_relation(areas__slug=self.area)
        if self.tag:
            articles = articles.through_relation(tags__slug=self.tag)
        return articles


def _public_articles():
    return Article.objects.published().prefetch_related(
        "areas", "tags", "organizations", "attachments"
    )


@router.get(
    "/articles",
    response={200: list[ArticleOut], **error_responses(400, 401)},
    tags=["knowledge"],
    url_name="article-list",
    operation_id="listArticles",
    summary="Published articles of the knowledge base, newest first",
    description="Good practices, research results, regulations, fundraising guides and news. "
    "Unknown slugs in filters give an empty list; a value of the wrong type is a 400.",
)
@cache_public_api("knowledge", "organizations")
@read_from_replica
@paginate(LimitOffsetPagination)
def list_articles(request, filters: Query[ArticleFilters]):
    return filters.apply(_public_articles()).newest_first()


@router.get(
    "/articles/{slug}",
    response={200: ArticleOut, **error_responses(401, 404)},
    tags=["knowledge"],
    url_name="article-detail",
    operation_id="getArticle",
    summary="One published article",
    description="By its slug; a draft, an article in review or an archived one is a 404.",
)
@cache_public_api("knowledge", "organizations")
@read_from_replica
def get_article(request, slug: str):
    return get_object_or_404(_public_articles(), slug=slug)
