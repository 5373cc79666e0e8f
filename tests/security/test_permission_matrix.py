"""Every URL and API operation, for every persona, answers what permission_matrix.py says.

The routes are read from the URL conf and the API's OpenAPI schema, so a new page without an
entry in the table fails here, and so does an entry whose page is gone. Beyond the expected
status of a GET, anyone not allowed to change something is refused on POST and nothing changes.
"""

import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from pomyslowice.api.api import api
from tests.conftest import PERSONAS

from . import permission_matrix as matrix

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ("admin:index", "admin:core_areaofbenefit_changelist")


@dataclass(frozen=True)
class Route:
    key: str
    path: str
    methods: tuple[str, ...]


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            path = prefix + str(pattern.pattern)
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield name or path, path


def _api_operations() -> list[Route]:
    routes = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            routes.append(Route(operation["operationId"], path.lstrip("/"), (method.upper(),)))
    return routes


def _api_path_as_django(path: str) -> str:
    return re.sub(r"\{(\w+)\}", r"<\1>", path)


def collect_routes() -> dict[str, Route]:
    """Every route of the project once: URL names, API operation ids, and the admin site as
    two pages standing for all of it (Django guards every admin page the same way)."""
    api_routes = _api_operations()
    api_paths = {_api_path_as_django(route.path) for route in api_routes}
    routes = {route.key: route for route in api_routes}
    for key, path in _walk(get_resolver().url_patterns):
        if path.startswith("admin/"):
            routes.update({name: Route(name, path, ("GET",)) for name in ADMIN_PAGES})
        elif path not in api_paths:
            routes.setdefault(key, Route(key, path, ("GET", "POST")))
    return routes


ROUTES = collect_routes()
API_KEYS = {route.key for route in _api_operations()}
# Unnamed routes have no name to reverse; these addresses reach them.
UNNAMED_ROUTE_URLS = {"^api/": "/api/nieznany-adres/"}
LOGIN_PATHS = ("/konto/login/", "/admin/login/")


def outcome(response) -> int | str:
    """The status, with redirects told apart: to a log-in page, or anywhere else."""
    if response.status_code == 302:
        location = response.headers["Location"]
        return matrix.LOGIN if location.startswith(LOGIN_PATHS) else matrix.REDIRECT
    return response.status_code


def url_of(world, route: Route) -> str:
    if route.key in UNNAMED_ROUTE_URLS:
        return UNNAMED_ROUTE_URLS[route.key]
    entry = matrix.MATRIX[route.key]
    kwargs = world.samples[entry.on] if entry.on else {}
    if route.key in API_KEYS:
        path = "/" + route.path.format(**kwargs)
    else:
        path = reverse(route.key, kwargs=kwargs)
    return f"{path}?{entry.query}" if entry.query else path


def send(world, route: Route, persona: str, method: str):
    """API operations authenticate with the persona's token; pages with its session."""
    url = url_of(world, route)
    client = Client()
    if route.key in API_KEYS:
        token = world.api_tokens.get(persona)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return client.generic(method, url, headers=headers, content_type="application/json")
    if world.users[persona] is not None:
        client.force_login(world.users[persona])
    return client.generic(method, url)


def table_sizes() -> tuple[int, ...]:
    """Row counts of every table but the sessions (logging in writes one), in one query: a
    refused request must create or delete nothing, and changes nothing without an audit entry,
    which is counted here too."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.managed and model._meta.db_table != "django_session"
    )
    counts = ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return tuple(cursor.fetchone())


def _get_cases():
    for key, route in ROUTES.items():
        if key not in matrix.MATRIX or "GET" not in route.methods:
            continue
        for persona in PERSONAS:
            status = matrix.MATRIX[key].get[persona]
            yield pytest.param(key, persona, status, id=f"{key}-{persona}")


def _refused_write_cases():
    for key, route in ROUTES.items():
        if key not in matrix.MATRIX or "POST" not in route.methods:
            continue
        for persona in PERSONAS:
            if not matrix.MATRIX[key].may_write(persona):
                yield pytest.param(key, persona, id=f"{key}-{persona}")


def test_every_route_has_an_entry():
    missing = sorted(set(ROUTES) - set(matrix.MATRIX))
    assert not missing, (
        f"Routes without an entry, add them to tests/security/permission_matrix.py: {missing}"
    )


def test_every_entry_is_still_a_route():
    stale = sorted(set(matrix.MATRIX) - set(ROUTES))
    assert not stale, f"Entries in tests/security/permission_matrix.py for no route: {stale}"


@pytest.mark.parametrize(("key", "persona", "expected"), list(_get_cases()))
def test_get(world, key, persona, expected):
    route = ROUTES[key]
    response = send(world, route, persona, "GET")

    assert response.status_code != 500
    assert outcome(response) == expected, f"GET {url_of(world, route)} as {persona}"


@pytest.mark.parametrize(("key", "persona"), list(_refused_write_cases()))
def test_refused_post_changes_nothing(world, key, persona):
    route = ROUTES[key]
    entry = matrix.MATRIX[key]
    refused = matrix.REFUSED | ({matrix.REDIRECT} if persona in entry.bounced else set())
    before = table_sizes()

    response = send(world, route, persona, "POST")

    assert outcome(response) in refused, f"POST {url_of(world, route)} as {persona}"
    assert table_sizes() == before
