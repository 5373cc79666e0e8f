"""Every form, fuzzed with hostile input: never a 500, and nothing stored half-way.

Each route a persona may post to (see form_targets.py: derived from the URL conf and the
permission matrix, so a new form is fuzzed without being listed) gets hypothesis-drawn values in
the fields its page shows: huge strings, control characters, direction marks, emoji, SQL, HTML
and template fragments, numbers and dates that make no sense, repeated and missing fields,
unknown choices and files of the wrong kind. A refused request must change no table; an
accepted one must not leave a row with an empty required text, a NUL or a text too long for
its column (PostgreSQL would have refused it).
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.db import connection, models, transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import form_targets
from . import permission_matrix as matrix
from .test_permission_matrix import ROUTES, url_of

pytestmark = pytest.mark.django_db

TARGETS = form_targets.targets(ROUTES)
FAILED_FORM_MARKERS = (b'class="errorlist', b'aria-invalid="true"')
# Tables a request may write whatever its outcome: the session of the logged-in client.
ALWAYS_WRITTEN = {"django_session"}


def _checked_models() -> list[type[models.Model]]:
    return sorted(
        (
            model
            for model in apps.get_models()
            if model._meta.managed and model._meta.db_table not in ALWAYS_WRITTEN
        ),
        key=lambda model: model._meta.db_table,
    )


CHECKED_MODELS = _checked_models()


def _is_numbered(model) -> bool:
    return isinstance(model._meta.pk, models.AutoField)


@dataclass(frozen=True)
class TableState:
    counts: tuple[int, ...]
    last_pks: tuple


def table_state() -> TableState:
    """Row count and highest primary key of every table, in one query."""
    columns = []
    for model in CHECKED_MODELS:
        table = connection.ops.quote_name(model._meta.db_table)
        pk = connection.ops.quote_name(model._meta.pk.column)
        # PostgreSQL has no MAX of a UUID; only numbered rows are looked up as new.
        last = f"(SELECT MAX({pk}) FROM {table})" if _is_numbered(model) else "NULL"
        columns.append(f"(SELECT COUNT(*) FROM {table}), {last}")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}")
        row = cursor.fetchone()
    return TableState(counts=tuple(row[0::2]), last_pks=tuple(row[1::2]))


def _text_fields(model) -> list[models.Field]:
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, (models.CharField, models.TextField))
    ]


def half_stored(model, row_pk, row) -> list[str]:
    """What is wrong with a freshly stored row: a required text left empty, a NUL, or a text
    longer than its column."""
    problems = []
    for model_field in _text_fields(model):
        value = getattr(row, model_field.attname)
        if not isinstance(value, str):
            continue
        where = f"{model.__name__}#{row_pk}.{model_field.name}"
        if value == "" and not model_field.blank:
            problems.append(f"{where} is empty but required")
        if "\x00" in value:
            problems.append(f"{where} holds a NUL character")
        if model_field.max_length and len(value) > model_field.max_length:
            problems.append(f"{where} is longer than {model_field.max_length}")
    return problems


def new_rows_problems(before: TableState, after: TableState) -> list[str]:
    problems = []
    for index, model in enumerate(CHECKED_MODELS):
        if after.counts[index] <= before.counts[index]:
            continue
        if not _is_numbered(model):
            continue
        rows = model._base_manager.all()
        if before.last_pks[index] is not None:
            rows = rows.filter(pk__gt=before.last_pks[index])
        for row in rows:
            problems.extend(half_stored(model, row.pk, row))
    return problems


def changed_tables(before: TableState, after: TableState) -> list[str]:
    return [
        model._meta.db_table
        for model, old, new in zip(CHECKED_MODELS, before.counts, after.counts, strict=True)
        if old != new
    ]


def is_refusal(response) -> bool:
    if response.status_code >= 400:
        return True
    if response.status_code != 200 or response.streaming:
        return False
    return any(marker in response.content for marker in FAILED_FORM_MARKERS)


def _route_key(path: str) -> str | None:
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    return match.view_name


def _is_page(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.headers.get("Content-Type", "").startswith("text/html")
    )


def _client(world, persona: str) -> Client:
    client = Client()
    if world.users[persona] is not None:
        client.force_login(world.users[persona])
    return client


@pytest.fixture(scope="module")
def forms_by_route(world, django_db_blocker, media_dirs) -> dict[tuple[str, str], dict]:
    """The fields of each route's form, as each target persona's pages show them: every target
    page is opened once and its POST forms are filed under the route they post to."""
    found: dict[tuple[str, str], dict] = {}
    static_from_apps = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with (
        django_db_blocker.unblock(),
        override_settings(STORAGES=static_from_apps, **media_dirs),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            for target in TARGETS:
                if matrix.MATRIX[target.key].get.get(target.persona) != 200:
                    continue
                url = url_of(world, ROUTES[target.key])
                response = _client(world, target.persona).get(url)
                if not _is_page(response):
                    continue
                for form in form_targets.forms_of(response.content.decode(), url):
                    key = _route_key(form.action)
                    found.setdefault((key, target.persona), form.fields)
                    found.setdefault((key, "*"), form.fields)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
    return found


def test_every_post_route_is_fuzzed():
    fuzzed = {target.key for target in TARGETS}
    missing = sorted(
        key
        for key, route in ROUTES.items()
        if "POST" in route.methods and form_targets.is_fuzzed(route.path) and key not in fuzzed
    )
    assert not missing, (
        "POST routes without a fuzz target; give them an entry in "
        f"tests/security/permission_matrix.py and they are fuzzed: {missing}"
    )


def test_forms_are_found(forms_by_route):
    """The crawl reads real forms: the log-in, sign-up and password reset forms among them."""
    assert {"login", "password"} <= set(forms_by_route[("account_login", "anonymous")])
    assert "email" in forms_by_route[("account_signup", "anonymous")]
    assert "email" in forms_by_route[("account_reset_password", "anonymous")]
    assert len(forms_by_route) > 50


def post_once(client: Client, url: str, data: dict):
    """One hostile request in a savepoint rolled back afterwards, so every example starts from
    the same world; the cache (rate limits) and the outbox start empty too."""
    cache.clear()
    mail.outbox = []
    with transaction.atomic():
        before = table_state()
        response = client.post(url, data)
        after = table_state()
        transaction.set_rollback(True)
    return response, before, after


@pytest.mark.parametrize("target", TARGETS, ids=[target.id for target in TARGETS])
@settings(
    max_examples=4,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_hostile_post(world, forms_by_route, target, data):
    url = url_of(world, ROUTES[target.key])
    fields = forms_by_route.get((target.key, target.persona)) or forms_by_route.get(
        (target.key, "*"), {}
    )
    payload = data.draw(form_targets.form_data(fields), label="payload")
    client = _client(world, target.persona)

    response, before, after = post_once(client, url, payload)

    assert response.status_code < 500, f"POST {url} as {target.persona}"
    if is_refusal(response):
        assert changed_tables(before, after) == [], f"refused POST {url} changed tables"
    else:
        assert new_rows_problems(before, after) == []
