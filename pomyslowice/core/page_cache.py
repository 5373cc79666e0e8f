"""Whole public pages kept in the cache for anonymous visitors, dropped as their data changes.

A page names the parts of the platform it shows (`@cache_public_page("events", "organizations")`)
and each domain app names the models those parts show (`shown_in("events", Event, ...)`). Each
part has a generation number in the cache and a page's key holds the numbers it was built
with. A saved or deleted row of a part's models moves that part's number on, so the next visitor
gets a freshly built page; `invalidate_everything()` moves the number every key holds (after bulk
changes that send no signals: erasure, retention). `PAGE_CACHE_SECONDS` bounds how long a page
may show time-dependent text ("upcoming", "3 days left") after it was built. A page built within
`REPLICA_LAG_SECONDS` of a change reads the primary, not the replica (core.db_routing), so that it
is not kept with data the replica has yet to receive.

Only what every anonymous visitor would get is kept: GET/HEAD answered 200 with no cookie set, no
CSRF token used (a form's token belongs to one browser) and no message waiting for the visitor.
Logged-in people always get a page built for them.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from ninja.decorators import decorate_view

from .db_routing import primary_reads

EVERYTHING = "everything"
PARTS = ("organizations", "events", "knowledge", "volunteering")
# The models whose rows public pages show, by part; each domain app lists its own (shown_in).
# Others never move a part on, so busy private records (support records, volunteer profiles, a
# digest touching thousands of them) leave the public pages kept.
_PART_OF_MODEL: dict[type, str] = {}


def shown_in(part: str, *models) -> None:
    """Declare that pages of `part` show rows of `models` (and of their many-to-many links)."""
    if part not in PARTS:
        raise ValueError(f"Unknown page cache part: {part}")
    _PART_OF_MODEL.update(dict.fromkeys(models, part))


def cache_public_page(*parts: str):
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ValueError(f"Unknown page cache parts: {sorted(unknown)}")

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _may_use_cache(request):
                return view(request, *args, **kwargs)
            generations = _generations(parts)
            key = _page_key(request, generations)
            response = cache.get(key)
            if response is not None:
                return response
            if _changed_within(generations, settings.REPLICA_LAG_SECONDS):
                # A replica may not have the change yet, and the page would keep its old state.
                with primary_reads():
                    response = view(request, *args, **kwargs)
            else:
                response = view(request, *args, **kwargs)
            _keep_when_rendered(request, key, response)
            return response

        return wrapper

    return decorator


def cache_public_api(*parts: str):
    """`cache_public_page` for a django-ninja GET operation (placed under @router.get): the whole
    answer, after pagination and serialisation, is kept."""
    return decorate_view(cache_public_page(*parts))


def invalidate(*parts: str) -> None:
    """Build the pages that show `parts` anew.

    Now, for this transaction's own later reads, and again after the commit: a visitor may have
    built and kept a page from the data as it was before the commit in between.
    """
    _move_on(parts)
    transaction.on_commit(lambda: _move_on(parts), robust=True)


def invalidate_everything() -> None:
    invalidate(EVERYTHING)


def connect_signals() -> None:
    """Called once from core's AppConfig.ready()."""
    post_save.connect(_on_change, dispatch_uid="page_cache:save")
    post_delete.connect(_on_change, dispatch_uid="page_cache:delete")
    m2m_changed.connect(_on_change, dispatch_uid="page_cache:m2m")


def _on_change(sender, **kwargs) -> None:
    # A many-to-many link's own model is made by Django for the model that declares the field.
    model = sender._meta.auto_created or sender
    part = _PART_OF_MODEL.get(model)
    if part is not None:
        invalidate(part)


def _move_on(parts) -> None:
    # A new number from the clock, not an increment: it also works when the key was evicted.
    cache.set_many({_generation_key(part): time.time_ns() for part in parts}, timeout=None)


def _generations(parts) -> list[int]:
    keys = [_generation_key(part) for part in (EVERYTHING, *parts)]
    known = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in known}
    if missing:
        cache.set_many(missing, timeout=None)
    return [known.get(key) or missing[key] for key in keys]


def _generation_key(part: str) -> str:
    return f"page:generation:{part}"


def _changed_within(generations: list[int], seconds: float) -> bool:
    # Generations are the moments of the last change, in nanoseconds.
    return max(generations) > time.time_ns() - seconds * 1_000_000_000


def _page_key(request, generations: list[int]) -> str:
    address = f"{request.method}:{request.get_full_path()}:{translation.get_language()}"
    generations = ".".join(str(number) for number in generations)
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{digest}:{generations}"


def _may_use_cache(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in {"GET", "HEAD"}:
        return False
    # An API token may see more than the public does, and is checked only inside the operation.
    if "Authorization" in request.headers:
        return False
    if request.user.is_authenticated or CookieStorage.cookie_name in request.COOKIES:
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.session_key and "_messages" in session)


def _keep_when_rendered(request, key: str, response) -> None:
    # A template response renders after the view returns, and only rendering shows whether the
    # page used a CSRF token.
    if hasattr(response, "render") and not response.is_rendered:
        response.add_post_render_callback(lambda rendered: _keep(request, key, rendered))
    else:
        _keep(request, key, response)


def _keep(request, key: str, response) -> None:
    if _is_the_same_for_everyone(request, response):
        cache.set(key, response, timeout=settings.PAGE_CACHE_SECONDS)


def _is_the_same_for_everyone(request, response) -> bool:
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not getattr(get_messages(request), "added_new", False)
        and "private" not in response.get("Cache-Control", "")
    )
