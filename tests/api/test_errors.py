"""Every error is JSON with a "detail"; bad input is a 400, never a 500."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from ninja import NinjaAPI
from ninja.testing import TestClient

from pomyslowice.api.errors import install_error_handlers

LIST = "/api/v1/organizations"


@pytest.mark.parametrize(
    "query, field",
    [
        ("limit=abc", "limit"),
        ("limit=", "limit"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=1000", "limit"),
        ("offset=-5", "offset"),
        ("offset=x", "offset"),
        ("offset=100000000000000000000", "offset"),
        ("limit=1e3", "limit"),
    ],
)
def test_malformed_pagination_is_400_json(client, organization, query, field):
    response = client.get(f"{LIST}?{query}", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert body["detail"].startswith("Invalid request: ")
    assert field in body["detail"]
    assert body["errors"][0]["loc"] == ["query", field]
    assert set(body["errors"][0]) == {"loc", "msg", "type"}


def test_several_problems_are_all_reported(client, db):
    body = client.get(f"{LIST}?limit=abc&offset=-5").json()
    assert [error["loc"] for error in body["errors"]] == [["query", "limit"], ["query", "offset"]]


def test_limit_above_the_maximum_is_refused_not_cut(client, db):
    # A silently shortened page would look like the end of the list to a careless client.
    response = client.get(f"{LIST}?limit=1000")
    assert response.status_code == 400
    assert "100" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/people?limit=abc", "/api/v1/people?offset=-1", f"{LIST}/x?limit=abc"],
)
def test_other_endpoints_never_500_on_bad_input(client, db, path):
    response = client.get(path)
    assert response.status_code in {400, 404}
    assert "detail" in response.json()


@pytest.fixture
def failing_api():
    """A throwaway API with our handlers, for errors no public endpoint raises yet."""
    api = NinjaAPI(urls_namespace="test-errors")
    install_error_handlers(api)

    @api.get("/invalid-field")
    def invalid_field(request):
        raise ValidationError({"name": ["Give it a name."], "__all__": ["Try again."]})

    @api.get("/invalid")
    def invalid(request):
        raise ValidationError("Too late to register.")

    @api.get("/forbidden")
    def forbidden(request):
        raise PermissionDenied

    return TestClient(api)


def test_django_validation_error_is_400_with_fields(failing_api):
    response = failing_api.get("/invalid-field")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Give it a name. Try again.",
        "errors": [
            {"loc": ["name"], "msg": "Give it a name.", "type": "invalid"},
            {"loc": [], "msg": "Try again.", "type": "invalid"},
        ],
    }


def test_django_validation_error_without_fields(failing_api):
    response = failing_api.get("/invalid")

    assert response.status_code == 400
    assert response.json()["detail"] == "Too late to register."


def test_permission_denied_is_403_json(failing_api):
    response = failing_api.get("/forbidden")

    assert response.status_code == 403
    assert set(response.json()) == {"detail"}
