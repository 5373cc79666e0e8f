"""Playwright driving Debian's Chromium against the live test server, with axe-core checks."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body are still synchronous, so the async-safety guard must be relaxed for browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# A loaded two-core machine can take longer than Playwright's default five seconds.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="pl-PL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    outside_requests = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else outside_requests.append(request.url)
        ),
    )
    # Chromium reports what the Content-Security-Policy blocked (an inline script or style, a
    # source from elsewhere) on the console: every browser test checks the policy holds.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not outside_requests, f"pages requested other hosts: {outside_requests}"
    assert not blocked, f"the Content-Security-Policy blocked: {blocked}"
