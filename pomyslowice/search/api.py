"""GET /api/v1/search: the same index as the /szukaj/ page, as JSON."""

import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from pomyslowice.api.errors import error_responses
from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.page_cache import cache_public_api

from .query import COUNT_CAP, search
from .registry import registered

router = Router()


class SearchParams(Schema):
    q: str = Field(
        "",
        description="What to look for; Polish word forms and missing Polish letters do not matter.",
        examples=["dotacje dla seniorow"],
    )
    kind: str | None = Field(
        None,
        max_length=50,
        description="Only results of this kind (see `counts_by_kind`).",
        examples=["event"],
    )
    limit: int = Field(20, ge=1, le=100, description="How many results to return.", examples=[20])
    offset: int = Field(0, ge=0, le=10_000, description="How many results to skip.", examples=[0])


class SearchItemOut(Schema):
    kind: str = Field(description="What the result is.", examples=["event"])
    title: str = Field(description="Its title or name.", examples=["Warsztaty dla seniorów"])
    url: str = Field(
        description="Absolute address of the result's page.",
        examples=["https://pomyslowice.example.org/wydarzenia/warsztaty-dla-seniorow/"],
    )
    snippet: str = Field(
        description="Plain text around the first match.", examples=["…zajęcia dla seniorów…"]
    )
    date: datetime.datetime | None = Field(
        description="Event start, call deadline or publication.",
        examples=["2026-12-03T17:00:00+01:00"],
    )


class SearchOut(Schema):
    count: int = Field(
        description=f"How many results; at most {COUNT_CAP} (see `count_is_estimate`)."
    )
    count_is_estimate: bool = Field(
        description=f"True when there are more than {COUNT_CAP} results: counting stops there, "
        f"`count` is {COUNT_CAP} and so is the last result reachable with `offset`. Narrow the "
        "query or filter by `kind` to reach the rest."
    )
    items: list[SearchItemOut] = Field(description="This page of results.")
    counts_by_kind: dict[str, int] = Field(
        description="Results per kind (of all kinds, whatever `kind` asks for). When there are "
        f"more than {COUNT_CAP} results in all, these are counted among the first "
        f"{COUNT_CAP + 1} found only, so they are lower bounds and a kind may be missing."
    )
    suggestion: str | None = Field(
        description="Did you mean: the query with unknown words corrected."
    )
    message: str | None = Field(
        description="Why nothing was searched for (empty or unusable query)."
    )


@router.get(
    "/search",
    response={200: SearchOut, **error_responses(400, 401)},
    tags=["search"],
    url_name="search",
    operation_id="search",
    summary="Search everything public",
)
@cache_public_api("organizations", "events", "knowledge", "volunteering")
@read_from_replica
def search_everything(request: HttpRequest, params: Query[SearchParams]):
    """Published organisations, consented people, public events, grant calls and articles."""
    if params.kind is not None and params.kind not in registered():
        known = ", ".join(registered())
        return Status(400, {"detail": _("Unknown kind. Use one of: %(kinds)s.") % {"kinds": known}})
    found = search(
        params.q,
        kinds=[params.kind] if params.kind else None,
        limit=params.limit,
        offset=params.offset,
        user=request.user,
    )
    return {
        "count": found.count,
        "count_is_estimate": found.count_is_capped,
        "items": [
            {
                "kind": item.kind,
                "title": item.title,
                "url": urljoin(settings.SITE_URL, item.url),
                "snippet": item.plain_snippet,
                "date": item.date,
            }
            for item in found.items
        ],
        "counts_by_kind": found.counts_by_kind,
        "suggestion": found.suggestion,
        "message": found.problem,
    }
