"""Knowledge-base articles of every kind over the dataset's years, with tags and areas."""

import datetime

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.knowledge.models import Article, Tag

from . import text
from .base import Context

BLOCK = 20_000
KIND_WEIGHTS = {
    Article.Kind.NEWS: 40,
    Article.Kind.GOOD_PRACTICE: 25,
    Article.Kind.FUNDRAISING: 15,
    Article.Kind.REGULATION: 10,
    Article.Kind.RESEARCH: 10,
}
STATUS_WEIGHTS = {
    Article.Status.PUBLISHED: 90,
    Article.Status.ARCHIVED: 4,
    Article.Status.IN_REVIEW: 3,
    Article.Status.DRAFT: 3,
}
TAGS = """wolontariat granty seniorzy młodzież ekologia kultura sport edukacja zdrowie integracja
sąsiedztwo dotacje sprawozdawczość RODO księgowość promocja partnerstwo niepełnosprawność
rodzina historia""".split()
SOURCE_URL = "https://isap.sejm.gov.pl/"


def generate(ctx: Context) -> None:
    refs = {
        "tags": _tags(ctx),
        "areas": list(AreaOfBenefit.objects.values_list("pk", flat=True)),
        # Staff write most articles; representatives propose good practice and news.
        "staff": list(User.objects.filter(is_staff=True).values_list("pk", flat=True)),
        "representatives": ctx.ids.get("representative_users", range(0)),
        "organizations": ctx.ids.get("organizations", range(0)),
        "geography": text.geography(ctx.scale.name),
        "kinds": list(KIND_WEIGHTS),
        "kind_weights": text.cumulative(KIND_WEIGHTS.values()),
        "statuses": list(STATUS_WEIGHTS),
        "status_weights": text.cumulative(STATUS_WEIGHTS.values()),
    }
    articles = ctx.writer.reserve(Article, ctx.scale.articles)
    ctx.ids["articles"] = articles
    for start in range(0, len(articles), BLOCK):
        rows = [_article(ctx, refs, pk) for pk in articles[start : start + BLOCK]]
        ctx.writer.insert(Article, rows)
        _links(ctx, Article.tags.through, "tag_id", rows, refs["tags"], 1, 3)
        _links(ctx, Article.areas.through, "areaofbenefit_id", rows, refs["areas"], 1, 2)
        _links(ctx, Article.organizations.through, "organization_id", rows, refs["organizations"])


def _tags(ctx: Context) -> list[int]:
    """The tags' ids in TAGS order; names are unique, so a second run reuses the first's."""
    ids = dict(Tag.objects.filter(name__in=TAGS).values_list("name", "pk"))
    missing = [name for name in TAGS if name not in ids]
    ids |= zip(missing, ctx.writer.reserve(Tag, len(missing)), strict=True)
    ctx.writer.insert(
        Tag,
        ({"id": ids[name], "name": name, "slug": text.slug(name, ids[name])} for name in missing),
    )
    return [ids[name] for name in TAGS]


def _article(ctx: Context, refs: dict, pk: int) -> dict:
    rng = ctx.rng
    kind = rng.choices(refs["kinds"], cum_weights=refs["kind_weights"])[0]
    status = rng.choices(refs["statuses"], cum_weights=refs["status_weights"])[0]
    title = text.article_title(kind, refs["geography"].town(rng), rng)
    created_at = ctx.start + (ctx.now - ctx.start) * rng.random()
    shown = status in (Article.Status.PUBLISHED, Article.Status.ARCHIVED)
    published_at = created_at + datetime.timedelta(days=rng.randint(0, 10)) if shown else None
    return {
        "id": pk,
        "kind": kind,
        "title": title[:200],
        "slug": text.slug(title, pk),
        "lead": text.article_lead(rng)[:600],
        "body": text.rich_text(rng, rng.randint(3, 6)),
        "author_id": _author(rng, refs, kind),
        "status": status,
        "published_at": published_at,
        "created_at": created_at,
        "updated_at": published_at or created_at,
        **_kind_fields(ctx, kind, created_at),
    }


def _author(rng, refs: dict, kind: str) -> int | None:
    if kind in Article.PROPOSABLE_KINDS and refs["representatives"] and rng.random() < 0.4:
        return rng.choice(refs["representatives"])
    return rng.choice(refs["staff"]) if refs["staff"] else None


def _kind_fields(ctx: Context, kind: str, created_at: datetime.datetime) -> dict:
    rng = ctx.rng
    if kind == Article.Kind.GOOD_PRACTICE:
        return {
            "problem": text.paragraph(rng, 2),
            "actions": text.paragraph(rng, 3),
            "results": text.paragraph(rng, 2),
            "partners": f"Współpraca z {rng.choice(text.PARTNERS)}.",
            "cost": f"{rng.randint(1, 50) * 1000} zł",
        }
    if kind == Article.Kind.RESEARCH:
        return {
            "method": "Ankieta internetowa i wywiady pogłębione.",
            "sample": f"{rng.randint(100, 2000)} organizacji z całej Polski",
            "findings": text.paragraph(rng, 3),
        }
    if kind == Article.Kind.REGULATION:
        act_date = (created_at - datetime.timedelta(days=rng.randint(30, 400))).date()
        return {
            "legal_act": rng.choice(text.LEGAL_ACTS),
            "act_date": act_date,
            "in_force_from": act_date + datetime.timedelta(days=rng.choice((14, 30, 90))),
            "source_url": SOURCE_URL,
        }
    return {}


def _links(ctx: Context, through, column: str, rows, pool, low: int = 0, high: int = 1) -> None:
    rng = ctx.rng
    pairs = [
        (row["id"], other)
        for row in rows
        for other in (rng.sample(pool, min(rng.randint(low, high), len(pool))) if pool else ())
    ]
    ids = ctx.writer.reserve(through, len(pairs))
    ctx.writer.insert(
        through,
        (
            {"id": pk, "article_id": article, column: other}
            for pk, (article, other) in zip(ids, pairs, strict=True)
        ),
    )
