"""Anonymous reads of public pages from the PostgreSQL replica; everything else on the primary.

A replica lags the primary by a moment, so only pages that show nobody's own state read from it:
a view opts in with `@read_from_replica`, and even then only a GET or HEAD request without
credentials (no logged-in user, no Authorization header) uses it. Inside an atomic block reads
stay on the primary, next to the writes they belong with. Settings install the router only when
DATABASE_REPLICA_URL is set.
"""

import functools
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections
from ninja.decorators import decorate_view

REPLICA_DB_ALIAS = "replica"
READ_METHODS = {"GET", "HEAD"}

_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)
_primary_required: ContextVar[bool] = ContextVar("primary_required", default=False)


def is_anonymous_read(request) -> bool:
    # The header counts as credentials before django-ninja has authenticated the API token.
    user = getattr(request, "user", None)
    return (
        request.method in READ_METHODS
        and not (user is not None and user.is_authenticated)
        and "Authorization" not in request.headers
    )


@contextmanager
def replica_reads(request):
    """Let the router use the replica for the duration of the block, if the request allows it."""
    if not is_anonymous_read(request):
        yield
        return
    token = _replica_allowed.set(True)
    try:
        yield
    finally:
        _replica_allowed.reset(token)


@contextmanager
def primary_reads():
    """Read from the primary inside the block, whatever the view allows: for a page that is
    about to be kept in the cache right after a change the replica may not have yet."""
    token = _primary_required.set(True)
    try:
        yield
    finally:
        _primary_required.reset(token)


def _reading_from_replica(view: Callable) -> Callable:
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with replica_reads(request):
            return view(request, *args, **kwargs)

    return wrapper


def read_from_replica(view: Callable) -> Callable:
    """Mark a public read-only view (or a django-ninja operation, placed under @router.get).

    For a ninja operation the whole run is wrapped: pagination and serialisation evaluate the
    queryset after the function has returned.
    """
    return decorate_view(_reading_from_replica)(_reading_from_replica(view))


def replica_in_use() -> bool:
    return (
        _replica_allowed.get()
        and not _primary_required.get()
        and REPLICA_DB_ALIAS in connections.settings
        and not connections[DEFAULT_DB_ALIAS].in_atomic_block
    )


class ReplicaRouter:
    """Explicit "default" rather than None: Django would otherwise route by the instance's own
    database, sending a write or a later read of an object loaded from the replica there."""

    def db_for_read(self, model, **hints) -> str:
        return REPLICA_DB_ALIAS if replica_in_use() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        # The replica copies the primary's schema by streaming replication.
        return db == DEFAULT_DB_ALIAS
