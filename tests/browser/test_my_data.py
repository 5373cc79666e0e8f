"""My data, the download and the account deletion, and the staff's request pages, in Chromium."""

import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

from pomyslowice.accounts.models import User
from pomyslowice.privacy.models import DataRequest

from ..conftest import PASSWORD
from .support import assert_no_axe_violations, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def live(transactional_db, live_server):
    return live_server


def test_download_my_data_then_delete_the_account(live, page, users):
    log_in(page, live, users["resident"])
    page.goto("/en/konto/")
    page.get_by_role("link", name="My data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My data")
    assert_no_axe_violations(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data (ZIP)").click()
    with zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes())) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["subject"] == users["resident"].email

    page.get_by_role("link", name="Delete my account").click()
    expect(page.get_by_role("heading", name="What will be kept, and why")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Delete my account permanently").click()
    assert_no_axe_violations(page)  # with the errors shown
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account permanently").click()
    expect(page.get_by_role("status")).to_contain_text("Your account has been deleted")
    expect(page.get_by_role("heading", level=1)).to_have_text("Account deleted")
    assert_no_axe_violations(page)
    assert not User.objects.filter(email=users["resident"].email).exists()


def test_coordinator_registers_and_closes_a_request(live, page, users):
    log_in(page, live, users["coordinator"])
    page.goto("/en/panel/")
    page.get_by_role("link", name="Data protection requests").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Register a request").click()
    page.get_by_role("button", name="Register").click()
    assert_no_axe_violations(page)  # with the errors shown
    page.get_by_label("Kind of request").select_option("erasure")
    page.get_by_label("Requester's name").fill("Grażyna Gość")
    page.get_by_label("Requester's e-mail address").fill("gosc@example.org")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="What will be erased")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("I have checked the list above").check()
    page.get_by_role("button", name="Erase the data").click()
    expect(page.get_by_role("status")).to_contain_text("has been erased")
    page.get_by_label("done").check()
    page.get_by_role("button", name="Close the request").click()
    expect(page.get_by_role("status")).to_contain_text("closed")
    assert_no_axe_violations(page)
    assert DataRequest.objects.get().status == "done"
