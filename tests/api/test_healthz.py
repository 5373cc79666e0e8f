"""/healthz: what the load balancer and the uptime monitor ask."""

from unittest import mock

from django.db import OperationalError


def test_healthz_ok(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_a_broken_database_with_503(client, db):
    with mock.patch(
        "pomyslowice.core.views.connection.cursor",
        side_effect=OperationalError("database is locked"),
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] != "ok"
    assert "locked" not in response.content.decode()  # no internals for the outside world


def test_healthz_works_again_after_the_database_recovers(client, db):
    with mock.patch(
        "pomyslowice.core.views.connection.cursor", side_effect=OperationalError("down")
    ):
        assert client.get("/healthz").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_healthz_is_get_only(client, db):
    assert client.post("/healthz").status_code == 405
