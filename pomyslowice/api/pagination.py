"""One pagination for every list: `?limit=&offset=` in, `{"count": n, "items": [...]}` out.

Use it as `@paginate(LimitOffsetPagination)` (from ninja.pagination import paginate).
"""

from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja import pagination as ninja_pagination

DEFAULT_LIMIT = settings.NINJA_PAGINATION_PER_PAGE
MAX_LIMIT = settings.NINJA_PAGINATION_MAX_LIMIT
# Far beyond any real list, yet small enough for every database's OFFSET (SQLite rejects
# numbers above 2**63 - 1 with an error rather than an empty page).
MAX_OFFSET = 1_000_000_000


class LimitOffsetPagination(ninja_pagination.LimitOffsetPagination):
    """A limit above MAX_LIMIT is a 400 rather than silently cut, so clients never miss items."""

    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT,
            ge=1,
            le=MAX_LIMIT,
            description=f"How many items to return (at most {MAX_LIMIT}).",
            examples=[DEFAULT_LIMIT],
        )
        offset: int = Field(
            0, ge=0, le=MAX_OFFSET, description="How many items to skip.", examples=[0]
        )

    class Output(Schema):
        count: int = Field(description="How many items match, on all pages.", examples=[57])
        items: list[Any] = Field(description="This page of them.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
