"""Data protection requests handled by staff: /panel/rodo/."""

import datetime
import io
import json
import zipfile

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.privacy.models import ConsentRecord, DataRequest, ErasureRecord

from ..accounts.pages import assert_accessible_page
from ..conftest import PERSONAS
from .helpers import consent

LIST = "/en/panel/rodo/"
NEW = "/en/panel/rodo/nowy/"
TODAY = datetime.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime.datetime(2026, 11, 20, 10, tzinfo=datetime.UTC), tick=False):
        yield


def make_request(kind=DataRequest.Kind.ACCESS, email="gosc@example.org", **fields):
    fields.setdefault("received_on", TODAY)
    return DataRequest.objects.create(
        kind=kind, requester_name="Grażyna Gość", requester_email=email, **fields
    )


def url(data_request, action=""):
    return f"/en/panel/rodo/{data_request.pk}/{action}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("path", [LIST, NEW, "detail"])
def test_only_the_coordinator_handles_requests(users, client_for, persona, path):
    data_request = make_request(kind=DataRequest.Kind.ERASURE)
    address = url(data_request) if path == "detail" else path
    response = client_for(persona).get(address)
    expected = {"anonymous": 302, "coordinator": 200}.get(persona, 403)
    assert response.status_code == expected
    if persona == "coordinator":
        assert_accessible_page(response)


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in ("coordinator", "anonymous")])
@pytest.mark.parametrize("action", ["pobierz/", "usun-dane/", "zamknij/"])
def test_others_cannot_act_on_a_request(users, client_for, persona, action):
    data_request = make_request(kind=DataRequest.Kind.ERASURE, email=users["resident"].email)
    response = client_for(persona).post(
        url(data_request, action), {"confirm": "on", "status": "done", "outcome": "x"}
    )
    assert response.status_code == 403
    data_request.refresh_from_db()
    assert data_request.status == "open"
    assert User.objects.filter(pk=users["resident"].pk).exists()
    assert not AuditLogEntry.objects.filter(verb__startswith="privacy.").exists()


def test_list_shows_open_first_and_marks_overdue(client_for, django_assert_max_num_queries):
    late = make_request(received_on=TODAY - datetime.timedelta(days=40))
    make_request(received_on=TODAY)
    done = make_request(received_on=TODAY - datetime.timedelta(days=60), status="done")
    for _i in range(20):
        make_request()
    client = client_for("coordinator")
    with django_assert_max_num_queries(10):
        html = client.get(LIST).content.decode()
    assert html.count("overdue") == 1
    assert html.index(url(late)) < html.index(url(done))


def test_register_a_request_for_someone_without_an_account(users, client_for):
    response = client_for("coordinator").post(
        NEW,
        {
            "kind": "access",
            "requester_name": "Grażyna Gość",
            "requester_email": "Gosc@Example.org",
            "details": "List polecony.",
            "received_on": "2026-11-02",
        },
    )
    data_request = DataRequest.objects.get()
    assert response.status_code == 302 and response.url == url(data_request)
    assert data_request.requester_email == "gosc@example.org"
    assert data_request.user is None
    assert data_request.due_on == datetime.date(2026, 12, 2)
    assert data_request.created_by == users["coordinator"]
    entry = AuditLogEntry.objects.get(verb="privacy.request.registered")
    assert entry.actor == users["coordinator"] and "Gość" not in json.dumps(entry.data)


def test_a_request_with_an_accounts_address_is_linked(users, client_for):
    client_for("coordinator").post(
        NEW,
        {
            "kind": "erasure",
            "requester_name": "Janina",
            "requester_email": "MIESZKANIEC@example.org",
            "received_on": "2026-11-20",
        },
    )
    assert DataRequest.objects.get().user == users["resident"]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"kind": "nonsense", "requester_name": "A", "requester_email": "a@b.pl"},
        {"kind": "access", "requester_name": "A", "requester_email": "not an address"},
        {
            "kind": "access",
            "requester_name": "A",
            "requester_email": "a@b.pl",
            "received_on": "2026-12-24",
        },
    ],
)
def test_bad_registration_is_a_400_and_changes_nothing(client_for, data):
    response = client_for("coordinator").post(NEW, data)
    assert response.status_code == 400
    assert_accessible_page(response)
    assert not DataRequest.objects.exists()


def test_unknown_request_is_a_404(client_for):
    client = client_for("coordinator")
    assert client.get("/en/panel/rodo/999/").status_code == 404
    assert client.post("/en/panel/rodo/999/zamknij/", {"status": "done"}).status_code == 404
    assert client.post("/en/panel/rodo/999/usun-dane/", {"confirm": "on"}).status_code == 404


def test_access_request_downloads_the_guests_data(users, client_for):
    consent(email="gosc@example.org")
    data_request = make_request()
    client = client_for("coordinator")
    assert "Download the data (ZIP)" in client.get(url(data_request)).content.decode()
    response = client.post(url(data_request, "pobierz/"))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["subject"] == "gosc@example.org"
    assert len(data["privacy.consents"]["records"]) == 1
    entry = AuditLogEntry.objects.get(verb="privacy.data.exported")
    assert entry.actor == users["coordinator"] and entry.data["request"] == data_request.pk


def test_access_request_downloads_the_matching_account(users, client_for):
    data_request = make_request(email="mieszkaniec@example.org")
    response = client_for("coordinator").post(url(data_request, "pobierz/"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["accounts.account"]["records"][0]["last_name"] == "Mieszko"


def test_erasure_request_previews_then_erases(
    users, client_for, django_capture_on_commit_callbacks
):
    resident = users["resident"]
    consent(user=resident)
    data_request = make_request(kind=DataRequest.Kind.ERASURE, email=resident.email, user=resident)
    client = client_for("coordinator")
    html = client.get(url(data_request)).content.decode()
    assert "What will be erased" in html and "What will be kept" in html
    assert User.objects.filter(pk=resident.pk).exists()  # the preview changed nothing

    response = client.post(url(data_request, "usun-dane/"), {})
    assert response.status_code == 400
    assert User.objects.filter(pk=resident.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(data_request, "usun-dane/"), {"confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=resident.pk).exists()
    assert not ConsentRecord.objects.exists()
    record = ErasureRecord.objects.get()
    assert record.reason == "request" and record.data_request == data_request
    assert record.by == users["coordinator"]
    assert AuditLogEntry.objects.filter(verb="privacy.request.erased").exists()
    assert mail.outbox[0].to == [resident.email]
    # The request itself is kept, as the erasure summary says.
    html = client.get(url(data_request)).content.decode()
    assert "Data erased on" in html and "Art. 5(2) GDPR" in html


def test_erasure_of_a_staff_account_is_refused(users, client_for):
    data_request = make_request(
        kind=DataRequest.Kind.ERASURE, email="analyst@example.org", user=users["analyst"]
    )
    client = client_for("coordinator")
    html = client.get(url(data_request)).content.decode()
    assert "staff role" in html and "Erase the data" not in html
    client.post(url(data_request, "usun-dane/"), {"confirm": "on"})
    assert User.objects.filter(pk=users["analyst"].pk).exists()
    assert not ErasureRecord.objects.exists()


def test_erase_action_only_for_erasure_requests(users, client_for):
    data_request = make_request(email=users["resident"].email)
    client_for("coordinator").post(url(data_request, "usun-dane/"), {"confirm": "on"})
    assert User.objects.filter(pk=users["resident"].pk).exists()


def test_close_as_done_tells_the_requester(users, client_for, django_capture_on_commit_callbacks):
    data_request = make_request(kind=DataRequest.Kind.RECTIFICATION)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(
            url(data_request, "zamknij/"), {"status": "done", "outcome": "Poprawiono nazwisko."}
        )
    assert response.status_code == 302
    data_request.refresh_from_db()
    assert data_request.status == "done" and data_request.handled_by == users["coordinator"]
    assert data_request.handled_at == timezone.now()
    assert AuditLogEntry.objects.get(verb="privacy.request.done").actor == users["coordinator"]
    (message,) = mail.outbox
    assert message.to == ["gosc@example.org"] and "Poprawiono nazwisko." in message.body


def test_refusal_needs_a_reason(client_for):
    data_request = make_request(kind=DataRequest.Kind.OBJECTION)
    client = client_for("coordinator")
    response = client.post(url(data_request, "zamknij/"), {"status": "refused", "outcome": " "})
    assert response.status_code == 400
    assert "A refusal needs its reason" in response.content.decode()
    data_request.refresh_from_db()
    assert data_request.status == "open"
    assert not mail.outbox
    response = client.post(url(data_request, "zamknij/"), {"status": "open"})
    assert response.status_code == 400


def test_a_closed_request_cannot_be_closed_again(client_for):
    data_request = make_request(status="done", outcome="Wysłano dane.")
    client_for("coordinator").post(
        url(data_request, "zamknij/"), {"status": "refused", "outcome": "x"}
    )
    data_request.refresh_from_db()
    assert data_request.status == "done" and data_request.outcome == "Wysłano dane."
    assert not mail.outbox


def test_the_staff_panel_links_to_requests(client_for):
    assert 'href="/en/panel/rodo/"' in client_for("coordinator").get("/en/panel/").content.decode()
    assert 'href="/en/panel/rodo/"' not in client_for("analyst").get("/en/panel/").content.decode()
