"""How domain apps make their objects searchable, without the search app importing them.

Each app registers its searchable models in its AppConfig.ready():

    from pomyslowice.search.registry import Searchable, register

    register(
        Searchable(
            kind="organization",
            label=_("Organisations"),
            model=Organization,
            document=organization_document,   # obj -> Document, or None while not public
            queryset=lambda: Organization.objects.published(),  # what a rebuild indexes
            watch={Membership: lambda m: [m.organization]},     # related saves that re-index
        )
    )

The search app keeps the index current from these registrations (signals are used only for
this upkeep) and rebuilds it with `manage.py rebuild_search_index`.
"""

import dataclasses
import datetime
from collections.abc import Callable, Iterable

from django.db import models


@dataclasses.dataclass(frozen=True)
class Document:
    """What the index holds of one public object. Text is plain (no HTML)."""

    title: str
    body: str
    url: str
    # The moment that makes it current: an event's start, a call's deadline, an article's
    # publication. Used for "recent first" ranking; None when it has none.
    date: datetime.datetime | None = None
    # Not shown before this moment (scheduled publication); None = at once.
    visible_from: datetime.datetime | None = None
    # Not shown from this moment on (an offer past its validity); None = until it changes.
    visible_until: datetime.datetime | None = None
    # Hidden from people known to be younger (a volunteer offer not open to minors); people
    # whose age is unknown, anonymous visitors included, see it.
    min_age: int | None = None


@dataclasses.dataclass(frozen=True)
class Searchable:
    kind: str
    label: str
    model: type[models.Model]
    document: Callable[[models.Model], Document | None]
    queryset: Callable[[], models.QuerySet]
    watch: dict[type[models.Model], Callable[[models.Model], Iterable[models.Model]]] = (
        dataclasses.field(default_factory=dict)
    )
    # Whether dates of this kind rank recent above old (events, grant calls).
    rank_recent: bool = False


_registry: dict[str, Searchable] = {}


def register(searchable: Searchable) -> None:
    if searchable.kind in _registry and _registry[searchable.kind] != searchable:
        raise ValueError(f"Search kind {searchable.kind!r} is registered twice.")
    _registry[searchable.kind] = searchable
    # Imported here: the index needs the app registry ready, which it is in ready().
    from .index import connect

    connect(searchable)


def registered() -> dict[str, Searchable]:
    """Kinds in registration order (the order apps are installed)."""
    return dict(_registry)


def kind_of(model: type[models.Model]) -> Searchable | None:
    return next((item for item in _registry.values() if item.model is model), None)
