"""End to end against the running stack (scripts/stack.sh): run with `--run-stack` (conftest.py)."""

import os
import re
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import redis

from .conftest import Browser

pytestmark = pytest.mark.stack

RESIDENT = "mieszkanka@demo.pomyslowice.pl"
DEMO_PASSWORD = "demo1234!"  # the demo accounts' published password  # nosec B105


def query(dsn: str, sql: str, params=()) -> list:
    with psycopg.connect(dsn, autocommit=True) as connection:
        cursor = connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def without_tokens(html: str) -> str:
    # Each response carries its own CSRF token; everything else must be the same on every server.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    return condition()


def test_both_servers_and_nginx_serve_the_same_pages(stack):
    (slug,) = query(
        stack.dsn(),
        "SELECT slug FROM organizations_organization WHERE status = 'published' "
        "ORDER BY id LIMIT 1",
    )[0]
    for path in ["/", f"/organizacje/{slug}/"]:
        # The Host nginx passes on, so that absolute links (structured data) are alike too.
        host = {"Host": stack.url.removeprefix("http://")}
        responses = [
            Browser().request(url + path, headers=host) for url in [stack.url, *stack.app_urls]
        ]
        assert [response.status for response in responses] == [200, 200, 200], path
        pages = {without_tokens(response.text) for response in responses}
        assert len(pages) == 1, f"{path} differs between the servers"


def test_a_session_from_server_a_is_valid_on_server_b(stack):
    server_a, server_b = stack.app_urls
    browser = Browser()
    form = browser.request(f"{server_a}/konto/login/")
    assert form.status == 200
    login = browser.request(
        f"{server_a}/konto/login/",
        {
            "csrfmiddlewaretoken": browser.csrf_token(form.text),
            "login": RESIDENT,
            "password": DEMO_PASSWORD,
        },
        headers={"Referer": f"{server_a}/konto/login/"},
    )
    assert login.status == 302, login.text[:2000]

    account = browser.request(f"{server_b}/konto/")

    assert account.status == 200
    assert RESIDENT in account.text
    # The session lives in Redis (the "sessions" cache: the stack's Redis, database 1).
    sessions = redis.Redis.from_url(stack.env["REDIS_URL"].rsplit("/", 1)[0] + "/1")
    assert list(sessions.scan_iter(f"*{browser.cookie('sessionid')}"))


def test_the_replica_streams_the_primary(stack):
    streaming = query(stack.dsn(), "SELECT state FROM pg_stat_replication")
    assert ("streaming",) in streaming
    # A probe table of its own, so that the application's tables stay as the app wrote them.
    query(stack.dsn(), "CREATE TABLE IF NOT EXISTS stack_e2e_probe (token text)")
    token = uuid.uuid4().hex
    query(stack.dsn(), "INSERT INTO stack_e2e_probe VALUES (%s)", [token])

    def replicated():
        return query(
            stack.dsn(replica=True), "SELECT 1 FROM stack_e2e_probe WHERE token = %s", [token]
        )

    assert wait_for(replicated, 5)
    assert query(stack.dsn(replica=True), "SELECT pg_is_in_recovery()") == [(True,)]


def register_guest(stack) -> str:
    """Registers a new guest for an open event through nginx's HTML form; the guest's address."""
    (slug,) = query(
        stack.dsn(),
        """SELECT slug FROM events_event
        WHERE registration_enabled AND status = 'published' AND "end" > now() + interval '1 day'
          AND (registration_opens IS NULL OR registration_opens <= now())
          AND (registration_closes IS NULL OR registration_closes > now() + interval '1 hour')
        ORDER BY "start" LIMIT 1""",
    )[0]
    email = f"gosc-{uuid.uuid4().hex[:12]}@example.org"
    browser = Browser()
    url = f"{stack.url}/wydarzenia/{slug}/zapisz/"
    form = browser.request(url)
    assert form.status == 200
    answer = browser.request(
        url,
        {
            "csrfmiddlewaretoken": browser.csrf_token(form.text),
            "name": "Gość Testu Stosu",
            "email": email,
            "consent": "on",
        },
        headers={"Referer": url},
    )
    assert answer.status == 302, answer.text[:2000]
    return email


def assert_mailed_by_the_worker(stack, email: str) -> None:
    mail_dir = Path(stack.env["EMAIL_URL"].removeprefix("file://"))

    def mailed():
        return [path for path in mail_dir.iterdir() if email in path.read_text(errors="replace")]

    assert wait_for(mailed, 30), f"no e-mail to {email} in {mail_dir} after 30 s"
    # Sent by the worker from a task row, not in the web request.
    finished = query(
        stack.dsn(),
        """SELECT status, worker_ids FROM django_tasks_database_dbtaskresult
        WHERE task_path = 'pomyslowice.core.tasks.send_email' AND args_kwargs::text LIKE %s""",
        [f"%{email}%"],
    )
    assert [status for status, _workers in finished] == ["SUCCESSFUL"]
    assert finished[0][1], "no worker took the task"


def test_a_guest_registration_is_mailed_by_the_worker(stack):
    assert_mailed_by_the_worker(stack, register_guest(stack))


def test_the_worker_carries_on_after_postgres_restarts(stack):
    stack.script("restart-postgres")

    def healthy():
        return Browser().request(f"{stack.url}/healthz").status == 200

    assert wait_for(healthy, 10)
    assert_mailed_by_the_worker(stack, register_guest(stack))


def test_the_scheduler_runs(stack):
    pid = int((stack.dir / "run/scheduler.pid").read_text().split()[0])
    os.kill(pid, 0)
    assert "run_scheduler" in Path(f"/proc/{pid}/cmdline").read_text()
    assert "Traceback" not in (stack.dir / "log/scheduler.log").read_text()
    assert query(stack.dsn(), "SELECT count(*) FROM core_scheduledrun")[0][0] > 0


def test_nginx_serves_static_files_with_a_cache_header(stack):
    home = Browser().request(f"{stack.url}/")
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home.text).group(1)

    response = Browser().request(stack.url + stylesheet)

    assert response.status == 200
    assert "max-age=31536000" in response.headers["Cache-Control"]
    # nginx itself, not the app server: gunicorn's responses name no server.
    assert response.headers.get("Server") == "nginx"


def test_nginx_fails_over_when_an_app_server_dies(stack):
    server_a = stack.app_urls[0]
    stack.script("kill-app", "a")
    try:
        started = time.monotonic()
        statuses = [Browser().request(f"{stack.url}/healthz").status for _ in range(20)]
        assert statuses == [200] * 20
        assert time.monotonic() - started < 2
        with pytest.raises(OSError):
            Browser().request(f"{server_a}/healthz")
    finally:
        stack.script("start-app", "a")
    assert Browser().request(f"{server_a}/healthz").status == 200
    assert Browser().request(f"{stack.url}/").status == 200
