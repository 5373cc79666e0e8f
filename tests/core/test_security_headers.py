"""Security headers on every response: a Content-Security-Policy without inline code, a
Permissions-Policy, and the deployment check clean for a production configuration."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from pomyslowice.core.security import ERROR_PAGE, _source_hash

ROOT = Path(__file__).resolve().parents[2]


def _policy(response) -> dict[str, list[str]]:
    directives = response.headers["Content-Security-Policy"].split(";")
    return {name: values for name, *values in (d.split() for d in directives)}


@pytest.mark.parametrize("url", ["/", "/en/wydarzenia/", "/api/v1/events", "/nie-ma-takiej/"])
def test_every_response_carries_the_policy(client, db, url):
    response = client.get(url)
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_error_pages_inline_style_is_allowed_by_its_hash_alone(client, db):
    style = re.search(r"<style>(.*?)</style>", ERROR_PAGE.read_text(), re.DOTALL)[1]
    assert _source_hash(style) in _policy(client.get("/"))["style-src"]


def test_the_rich_text_import_map_is_allowed_as_the_page_renders_it(client, db, users):
    client = Client()
    client.force_login(users["coordinator"])
    response = client.get("/wiedza/nowy/")
    importmap = re.search(r'<script type="importmap">(.*?)</script>', response.text, re.DOTALL)
    assert importmap, "the editor's page has an import map"
    assert _source_hash(importmap[1]) in _policy(response)["script-src"]


def test_a_view_with_its_own_policy_keeps_it(client, db):
    response = client.get("/wydarzenia/widget/")
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]


def test_deployment_check_is_clean_for_a_production_configuration(tmp_path):
    environment = {
        **os.environ,
        "DEBUG": "0",
        "HTTPS": "1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "ngo.example.org",
        "EMAIL_URL": "locmem://",
        "VAR_DIR": str(tmp_path),
    }
    # The browser tests' relaxation of Django's async guard is for tests only.
    for test_only in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        environment.pop(test_only, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
