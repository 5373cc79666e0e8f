"""Helpers for browser tests."""

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_axe = Axe()


def assert_no_axe_violations(page) -> None:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}})
    violations = results.response["violations"]
    assert not violations, f"axe-core on {page.url}:\n{results.generate_report()}"


def log_in(tab, live_server, user) -> None:
    """Start the tab logged in as `user`, without walking through the login form."""
    client = Client()
    client.force_login(user)
    tab.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
