"""Reads of public pages by anonymous visitors go to the replica; everything else to the primary.

The "replica" alias here is a second connection to the test database, added for one test, so
the queries it receives are the replica's share of the work.
"""

import copy

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from ninja import Router
from ninja.testing import TestClient

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.core.db_routing import REPLICA_DB_ALIAS, ReplicaRouter, read_from_replica
from pomyslowice.organizations.models import Organization
from tests.conftest import create_user

ROUTER = "pomyslowice.core.db_routing.ReplicaRouter"
# Transactional: the replica's connection sees only committed rows, like a real replica.
BOTH_DATABASES = pytest.mark.django_db(transaction=True, databases=["default", REPLICA_DB_ALIAS])


# Module scope: the alias must exist before pytest-django prepares a test that lists it.
@pytest.fixture(scope="module")
def replica_alias(django_db_setup):
    connections.settings[REPLICA_DB_ALIAS] = copy.deepcopy(connections["default"].settings_dict)
    yield
    connections[REPLICA_DB_ALIAS].close()
    del connections[REPLICA_DB_ALIAS]
    del connections.settings[REPLICA_DB_ALIAS]


@pytest.fixture
def replica(replica_alias, settings):
    settings.DATABASE_ROUTERS = [ROUTER]


class LoggedIn:
    is_authenticated = True


class Anonymous:
    is_authenticated = False


def read_target(method="get", user=None, **headers) -> str:
    """Where a marked view's reads go for this request."""
    seen = {}

    @read_from_replica
    def view(request):
        seen["db"] = ReplicaRouter().db_for_read(Organization)
        return HttpResponse()

    request = getattr(RequestFactory(), method)("/", headers=headers)
    request.user = user or Anonymous()
    view(request)
    return seen["db"]


def test_anonymous_get_and_head_of_a_marked_view_read_the_replica(replica):
    assert read_target("get") == REPLICA_DB_ALIAS
    assert read_target("head") == REPLICA_DB_ALIAS


def test_logged_in_visitors_credentials_and_writes_read_the_primary(replica):
    assert read_target("get", user=LoggedIn()) == DEFAULT_DB_ALIAS
    assert read_target("get", Authorization="Bearer abc") == DEFAULT_DB_ALIAS
    assert read_target("post") == DEFAULT_DB_ALIAS


def test_the_flag_ends_with_the_view(replica):
    read_target("get")

    assert ReplicaRouter().db_for_read(Organization) == DEFAULT_DB_ALIAS


def test_without_a_replica_alias_reads_stay_on_the_primary(settings, monkeypatch):
    settings.DATABASE_ROUTERS = [ROUTER]
    monkeypatch.delitem(connections.settings, REPLICA_DB_ALIAS, raising=False)
    assert read_target("get") == DEFAULT_DB_ALIAS


@pytest.mark.django_db(transaction=True)
def test_reads_inside_an_atomic_block_stay_on_the_primary(replica):
    seen = {}

    @read_from_replica
    def view(request):
        with transaction.atomic():
            seen["inside"] = ReplicaRouter().db_for_read(Organization)
        seen["after"] = ReplicaRouter().db_for_read(Organization)
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = Anonymous()
    view(request)

    assert seen == {"inside": DEFAULT_DB_ALIAS, "after": REPLICA_DB_ALIAS}


def test_writes_and_migrations_only_touch_the_primary(replica):
    router = ReplicaRouter()
    from_replica = Organization(name="Z repliki")
    from_replica._state.db = REPLICA_DB_ALIAS

    assert router.db_for_write(Organization, instance=from_replica) == DEFAULT_DB_ALIAS
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "organizations") is True
    assert router.allow_migrate(REPLICA_DB_ALIAS, "organizations") is False
    assert router.allow_relation(from_replica, Organization()) is True


def queries_on_each_database(client, url: str, **headers) -> tuple[int, int, int]:
    with (
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary,
        CaptureQueriesContext(connections[REPLICA_DB_ALIAS]) as secondary,
    ):
        response = client.get(url, headers=headers)
    return response.status_code, len(primary), len(secondary)


@BOTH_DATABASES
def test_an_anonymous_page_reads_only_the_replica_and_a_logged_in_one_only_the_primary(
    client, make_organizations, replica
):
    make_organizations(3)

    status, primary, secondary = queries_on_each_database(client, "/en/organizacje/")
    assert (status, primary) == (200, 0)
    assert secondary > 0

    client.force_login(create_user("ktos@example.org"))
    status, primary, secondary = queries_on_each_database(client, "/en/organizacje/")
    assert (status, secondary) == (200, 0)
    assert primary > 0


@BOTH_DATABASES
def test_a_paginated_api_list_counts_and_serialises_on_the_replica(
    client, make_organizations, replica
):
    make_organizations(3)

    status, primary, secondary = queries_on_each_database(client, "/api/v1/organizations?limit=2")

    assert (status, primary) == (200, 0)
    # the count, the page of rows and their areas: all after the function returned
    assert secondary >= 2
    assert len(client.get("/api/v1/organizations?limit=2").json()["items"]) == 2


@BOTH_DATABASES
def test_an_api_call_with_a_token_reads_the_primary(client, make_organizations, replica):
    make_organizations(1)
    _token, raw = create_api_token(user=create_user("api@example.org"), name="test")

    status, primary, secondary = queries_on_each_database(
        client, "/api/v1/organizations", Authorization=f"Bearer {raw}"
    )

    assert (status, secondary) == (200, 0)
    assert primary > 0


lazy_router = Router()


@lazy_router.get("/names", response=list[str])
@read_from_replica
def organization_names(request):
    # Returned unevaluated: ninja runs the query while serialising, after this function returned.
    return Organization.objects.order_by("name").values_list("name", flat=True)


@BOTH_DATABASES
def test_a_ninja_operation_serialises_its_queryset_under_the_flag(make_organizations, replica):
    make_organizations(2)
    client = TestClient(lazy_router)

    with (
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary,
        CaptureQueriesContext(connections[REPLICA_DB_ALIAS]) as secondary,
    ):
        response = client.get("/names", user=AnonymousUser())

    assert response.json() == ["Organizacja testowa 0000", "Organizacja testowa 0001"]
    assert (len(primary), len(secondary)) == (0, 1)
