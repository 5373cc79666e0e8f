"""Production settings from the environment: replica, Redis, S3 media, health checks, /ping.

Each case starts a fresh interpreter, so the settings module reads exactly the environment given.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
BASE_ENV = {
    "DEBUG": "0",
    "HTTPS": "1",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuv",
    "EMAIL_URL": "locmem://",
}
PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
from django.core.files.storage import default_storage
on_s3 = settings.STORAGES["default"]["BACKEND"].endswith("S3Storage")
print(json.dumps({
    "databases": {alias: {key: db.get(key) for key in ("ENGINE", "NAME", "HOST", "PORT",
        "CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "TEST")} for alias, db in settings.DATABASES.items()},
    "routers": settings.DATABASE_ROUTERS,
    "caches": settings.CACHES,
    "session_engine": settings.SESSION_ENGINE,
    "session_cache_alias": settings.SESSION_CACHE_ALIAS,
    "storages": settings.STORAGES,
    "redirect_exempt": settings.SECURE_REDIRECT_EXEMPT,
    "logo_url": default_storage.url("logos/a.png") if on_s3 else None,
}, default=str))
"""
# Variables of the developer's shell that would change the answers.
CONTROLLED = {
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "DB_CONN_MAX_AGE",
    "DB_CONN_HEALTH_CHECKS",
    "REDIS_URL",
    "CACHE_DIR",
    "MEDIA_STORAGE",
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
    "S3_CUSTOM_DOMAIN",
}
PRIMARY = "postgres://app:secret@db1.example.org:5432/pomyslowice"
REPLICA = "postgres://reader:secret@db2.example.org:5433/pomyslowice"


def settings_with(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in CONTROLLED | BASE_ENV.keys()}
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "pomyslowice.settings",
            "VAR_DIR": str(ROOT / "var" / "settings-test"),
            **BASE_ENV,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def loaded(**env: str) -> dict:
    result = settings_with(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_the_new_variables_nothing_changes():
    config = loaded()

    assert list(config["databases"]) == ["default"]
    assert config["databases"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert config["routers"] == []
    assert list(config["caches"]) == ["default"]
    assert config["caches"]["default"]["BACKEND"].endswith("LocMemCache")
    assert config["session_engine"] == "django.contrib.sessions.backends.db"
    assert config["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")


def test_postgresql_connections_are_health_checked_by_default():
    primary = loaded(DATABASE_URL=PRIMARY)["databases"]["default"]

    assert primary["CONN_HEALTH_CHECKS"] is True
    assert primary["CONN_MAX_AGE"] == 60
    assert (
        loaded(DATABASE_URL=PRIMARY, DB_CONN_HEALTH_CHECKS="0")["databases"]["default"][
            "CONN_HEALTH_CHECKS"
        ]
        is False
    )


def test_a_replica_gets_its_own_alias_mirrored_in_tests_and_the_router():
    config = loaded(DATABASE_URL=PRIMARY, DATABASE_REPLICA_URL=REPLICA, DB_CONN_MAX_AGE="120")
    replica = config["databases"]["replica"]

    assert (replica["HOST"], replica["PORT"], replica["NAME"]) == (
        "db2.example.org",
        5433,
        "pomyslowice",
    )
    assert replica["ENGINE"] == "django.db.backends.postgresql"
    assert (replica["CONN_MAX_AGE"], replica["CONN_HEALTH_CHECKS"]) == (120, True)
    assert replica["TEST"]["MIRROR"] == "default"
    assert config["routers"] == ["pomyslowice.core.db_routing.ReplicaRouter"]


def test_redis_holds_the_cache_and_the_sessions_in_the_next_database():
    config = loaded(REDIS_URL="redis://:pw@127.0.0.1:56379/2")

    assert config["caches"] == {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://:pw@127.0.0.1:56379/2",
        },
        "sessions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://:pw@127.0.0.1:56379/3",
        },
    }
    assert config["session_engine"] == "django.contrib.sessions.backends.cache"
    assert config["session_cache_alias"] == "sessions"


@pytest.mark.parametrize(
    ("url", "sessions"),
    [
        ("redis://127.0.0.1:6379", "redis://127.0.0.1:6379/1"),
        (
            "rediss://cache.example.org:6380/0?ssl_cert_reqs=required",
            "rediss://cache.example.org:6380/1?ssl_cert_reqs=required",
        ),
        ("unix:///run/redis/redis.sock?db=4", "unix:///run/redis/redis.sock?db=5"),
    ],
)
def test_the_sessions_database_is_the_next_one_on_the_same_server(url, sessions):
    assert loaded(REDIS_URL=url)["caches"]["sessions"]["LOCATION"] == sessions


def test_media_on_s3_uses_the_bucket_and_credentials():
    config = loaded(
        MEDIA_STORAGE="s3",
        S3_BUCKET="pomyslowice-media",
        S3_ENDPOINT_URL="https://s3.example.org",
        S3_ACCESS_KEY_ID="AKIAEXAMPLE",
        S3_SECRET_ACCESS_KEY="secret-example",
        S3_REGION="pl-1",
    )
    storage = config["storages"]["default"]

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "pomyslowice-media",
        "endpoint_url": "https://s3.example.org",
        "access_key": "AKIAEXAMPLE",
        "secret_key": "secret-example",
        "region_name": "pl-1",
        "custom_domain": None,
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }
    # django-storages accepts them: public files get plain, unsigned addresses
    assert config["logo_url"] == "https://s3.example.org/pomyslowice-media/logos/a.png"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "MEDIA_STORAGE=s3 needs S3_BUCKET"),
        ({"MEDIA_STORAGE": "ftp"}, "MEDIA_STORAGE must be 'local' or 's3', not 'ftp'"),
    ],
)
def test_a_wrong_media_storage_is_a_clear_error(env, message):
    result = settings_with(**env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_ping_is_exempt_from_the_https_redirect_like_healthz():
    assert loaded()["redirect_exempt"] == [r"^healthz$", r"^ping$"]


def test_ping_answers_ok_through_the_middleware_without_the_database(
    db, client, settings, django_assert_num_queries
):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^ping$"]

    with django_assert_num_queries(0):
        response = client.get(reverse("ping"))

    assert reverse("ping") == "/ping"
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response.content == b"ok"
    # answered by the whole stack: the security middleware's headers are there
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-cache" in response["Cache-Control"]
