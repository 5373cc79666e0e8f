"""The "My data" page and the downloadable archive (art. 15 and 20 GDPR)."""

import io
import json
import zipfile

import pytest
from django.utils import translation

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.privacy import registry
from pomyslowice.privacy.exports import build_archive
from pomyslowice.privacy.registry import Subject

from ..accounts.pages import assert_accessible_page
from ..conftest import PERSONAS
from .helpers import consent, notes_source

MY_DATA = "/en/konto/moje-dane/"
DOWNLOAD = "/en/konto/moje-dane/pobierz/"


@pytest.fixture
def notes(monkeypatch, users):
    store = {users["resident"].email: ["Zapytanie o lokal", "Prośba o salę"]}
    monkeypatch.setitem(registry._sources, "tests.notes", notes_source(store))
    return store


def open_archive(content: bytes) -> tuple[dict, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert sorted(archive.namelist()) == ["README.txt", "data.json"]
        return json.loads(archive.read("data.json")), archive.read("README.txt").decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_on_my_data(client_for, persona):
    response = client_for(persona).get(MY_DATA)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/en/konto/login/")
        return
    assert response.status_code == 200
    assert_accessible_page(response, title="My data")
    html = response.content.decode()
    assert "Your account" in html
    for link in ["/en/konto/zgody/", "/en/konto/usun/"]:
        assert f'href="{link}"' in html
    assert f'action="{DOWNLOAD}"' in html


def test_profile_links_to_my_data(client_for):
    assert (
        'href="/en/konto/moje-dane/"' in client_for("resident").get("/en/konto/").content.decode()
    )


def test_my_data_counts_records_per_source(client_for, notes):
    html = " ".join(client_for("resident").get(MY_DATA).content.decode().split())
    assert '<th scope="row">Test notes</th><td>2</td>' in html.replace("> <", "><")


def test_download_is_a_zip_with_every_source(users, client_for, notes):
    user = users["resident"]
    create_api_token(user=user, name="Kalendarz")
    consent(user=user)
    response = client_for("resident").post(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="pomyslowice-')
    data, readme = open_archive(response.content)
    assert data["subject"] == user.email
    assert data["generated_at"]
    assert set(data) >= {"accounts.account", "privacy.consents", "privacy.requests", "tests.notes"}
    for name, source in registry._sources.items():
        assert data[name]["label"] == str(source.label)
    (account,) = data["accounts.account"]["records"]
    assert account["email"] == user.email and account["last_name"] == "Mieszko"
    assert [token["name"] for token in account["api_tokens"]] == ["Kalendarz"]
    assert "key_hash" not in json.dumps(data) and "hint" not in account["api_tokens"][0]
    assert data["privacy.consents"]["records"][0]["purpose"] == "grant_call_alerts"
    notes_records = data["tests.notes"]["records"]
    assert notes_records[0] == {
        "note": "Zapytanie o lokal",
        "written_on": "2026-03-01",
        "amount": "12.50",
    }
    assert "data.json" in readme and "Test notes" in readme

    entry = AuditLogEntry.objects.get(verb="privacy.data.exported")
    assert entry.actor == user and entry.target_id == str(user.pk)
    assert "tests.notes" in entry.data["sources"] and entry.data["request"] is None


def test_readme_follows_the_language(users):
    subject = Subject.for_user(users["resident"])
    with translation.override("en"):
        _data, readme = open_archive(build_archive(subject=subject, by=users["resident"]))
    assert "The controller of the data" in readme


def test_download_needs_post(client_for):
    assert client_for("resident").get(DOWNLOAD).status_code == 405
    assert not AuditLogEntry.objects.filter(verb="privacy.data.exported").exists()


def test_download_is_rate_limited(client_for, settings):
    client = client_for("resident")
    codes = [client.post(DOWNLOAD).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    assert "Too many downloads" in client.post(DOWNLOAD).content.decode()
    assert AuditLogEntry.objects.filter(verb="privacy.data.exported").count() == 5
    # Another person has their own allowance.
    assert client_for("volunteer").post(DOWNLOAD).status_code == 200


def test_a_guest_export_holds_only_their_records(users, notes):
    consent(email="gosc@example.org")
    consent(email="ktos-inny@example.org")
    data, _readme = open_archive(
        build_archive(subject=Subject.for_email("Gosc@example.org"), by=users["coordinator"])
    )
    assert data["accounts.account"]["records"] == []
    assert len(data["privacy.consents"]["records"]) == 1
    assert data["tests.notes"]["records"] == []
    entry = AuditLogEntry.objects.get(verb="privacy.data.exported")
    assert entry.actor == users["coordinator"] and entry.target_id == ""
