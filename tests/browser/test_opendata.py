"""Open data pages in a real Chromium, checked by axe-core: the catalogue, a data dictionary,
the "not published yet" page, and a download reached from the catalogue."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.support import assert_no_axe_violations
from tests.conftest import make_organization

pytestmark = pytest.mark.browser


@pytest.fixture
def exported(transactional_db, live_server, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    make_organization("Stowarzyszenie Otwartych Danych")
    call_command("export_open_data", stdout=io.StringIO())
    return live_server


def test_visitor_finds_a_dataset_its_dictionary_and_its_file(page, exported):
    page.goto("/dane/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_axe_violations(page)

    row = page.locator("#dataset-organizacje")
    with page.expect_download() as download:
        row.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename == "organizacje.csv"
    assert "Stowarzyszenie Otwartych Danych" in download.value.path().read_text(encoding="utf-8")

    row.locator("th a").click()
    expect(page).to_have_url(f"{exported.url}/dane/organizacje/")
    expect(page.locator("#field-krs")).to_be_visible()
    assert_no_axe_violations(page)


def test_not_published_page_is_accessible(page, transactional_db, live_server, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "empty"

    response = page.goto("/dane/wydarzenia.json")

    assert response.status == 404
    expect(page.locator("main a[href='/dane/']")).to_be_visible()
    assert_no_axe_violations(page)
