"""The end-to-end test of the one-machine stack (scripts/stack.sh). It needs the stack running, so
it runs only with `--run-stack`; the ordinary suite deselects it:

    bash scripts/stack.sh start --scale city
    .venv/bin/python -m pytest tests/stack --run-stack -q

It talks to the stack only from outside: HTTP, PostgreSQL, Redis and manage.py subprocesses with
the stack's environment (STACK_DIR/stack.env; STACK_DIR as for the script, default var/stack).
"""

import http.cookiejar
import os
import re
import shlex
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def pytest_addoption(parser):
    parser.addoption(
        "--run-stack",
        action="store_true",
        default=False,
        help="run the end-to-end test of the stack started by scripts/stack.sh",
    )


def pytest_collection_modifyitems(config, items):
    # This conftest is not always an initial one (e.g. plain `pytest`), so the option may not exist.
    if config.getoption("--run-stack", default=False):
        return
    deselected = [item for item in items if HERE in Path(item.path).parents]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item not in deselected]


@dataclass
class Response:
    status: int
    headers: dict
    text: str


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies kept across requests and servers (a cookie for 127.0.0.1 goes to every port, as a
    browser would send it to one site behind a balancer); redirects are answers, not followed."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects
        )

    def request(self, url: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return Response(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read().decode(errors="replace"))

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def csrf_token(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "the page has no form with a CSRF token"
        return match.group(1)


@dataclass
class Stack:
    dir: Path
    env: dict
    url: str
    app_urls: list

    def manage(self, *args: str) -> str:
        """A manage.py command run with the stack's environment; its stdout."""
        result = subprocess.run(
            [str(ROOT / ".venv/bin/python"), "manage.py", *args],
            cwd=ROOT,
            env={**os.environ, **self.env},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return result.stdout

    def script(self, *args: str) -> None:
        subprocess.run(
            ["bash", "scripts/stack.sh", *args],
            cwd=ROOT,
            env={**os.environ, **self.env},
            check=True,
            timeout=120,
        )

    def dsn(self, replica: bool = False) -> str:
        return self.env["DATABASE_REPLICA_URL" if replica else "DATABASE_URL"]


def read_env(path: Path) -> dict:
    """stack.env is shell syntax (KEY='value' lines); shlex reads it the way the shell does."""
    env = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _sep, value = line.partition("=")
            env[key] = shlex.split(value)[0] if value else ""
    return env


@pytest.fixture(scope="session")
def stack() -> Stack:
    stack_dir = Path(os.environ.get("STACK_DIR", ROOT / "var/stack")).resolve()
    env_file = stack_dir / "stack.env"
    if not env_file.exists():
        pytest.fail(f"No stack in {stack_dir}: run `bash scripts/stack.sh start` first.")
    env = read_env(env_file)
    stack = Stack(stack_dir, env, env["STACK_URL"], env["APP_URLS"].split())
    for url in [stack.url, *stack.app_urls]:
        try:
            status = Browser().request(f"{url}/healthz").status
        except OSError as error:
            status = error
        if status != 200:
            pytest.fail(
                f"The stack is not running ({url}/healthz: {status}); see scripts/stack.sh."
            )
    return stack
