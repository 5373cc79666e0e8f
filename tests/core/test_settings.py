"""The settings module as an operator meets it: environment in, a checked configuration out."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuv",
    "ALLOWED_HOSTS": "ngo.example.org",
    "SITE_URL": "https://ngo.example.org",
    "EMAIL_URL": "smtp+tls://user:pass@smtp.example.org:587",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {*PRODUCTION_ENV, "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "VAR_DIR": str(ROOT / "var" / "settings-test"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "EMAIL_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = manage("check", **env)

    assert result.returncode != 0
    assert missing in result.stderr


def test_unknown_email_scheme_is_a_clear_error():
    result = manage("check", **{**PRODUCTION_ENV, "EMAIL_URL": "carrier-pigeon://loft"})

    assert result.returncode != 0
    assert "EMAIL_URL scheme 'carrier-pigeon'" in result.stderr


def test_smtp_url_is_parsed_into_django_settings():
    code = (
        "from django.conf import settings as s;"
        "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER,"
        " s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS)"
    )
    env = {**PRODUCTION_ENV, "EMAIL_URL": "smtp+tls://centrum%40ngo.pl:tajne%21@mail.ngo.pl:2525"}

    result = manage("shell", "--no-imports", "-c", code, **env)

    assert result.stdout.split() == ["mail.ngo.pl", "2525", "centrum@ngo.pl", "tajne!", "True"]
