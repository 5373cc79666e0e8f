"""Property-based run of every API operation against its own OpenAPI document.

Schemathesis generates valid and invalid requests from /api/v1/openapi.json and calls the WSGI
application in-process over the demo data, with a valid token so that authenticated operations
get past the 401. Any 500, undocumented status code, wrong content type, header or response
not matching its schema fails the test. Seeded (derandomize) so CI runs are reproducible.
"""

from io import StringIO

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pomyslowice.accounts.models import User
from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.wsgi import application

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(scope="module")
def connection_kept_open():
    """The WSGI handler closes the database connection after each request, as in production;
    the tests' transaction lives on that connection (Django's test Client does the same)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def token(django_db_setup, django_db_blocker, connection_kept_open):
    """Demo data seeded once for all operations (rolled back at the end, like setUpTestData)
    and a token of an organisation's representative, so writes reach their validation."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("seed_demo", stdout=StringIO())
        representative = User.objects.filter(memberships__isnull=False, is_staff=False).first()
        _, secret = create_api_token(user=representative, name="schemathesis")
    yield secret
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_openapi_document(case, token, db):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
