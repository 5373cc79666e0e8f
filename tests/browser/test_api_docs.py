"""The API's interactive documentation works under the site's Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_swagger_ui_renders_every_operation_without_a_blocked_resource(page, live):
    page.goto("/api/v1/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.locator(".opblock").count() > 20
