"""Every persona against every calendar page."""

import pytest
from django.core import mail
from django.urls import reverse

from pomyslowice.events.models import Event
from tests.conftest import PERSONAS
from tests.events.conftest import EDITORS, event_form_data

MODERATORS = EDITORS
SUBMITTERS = {"representative", "representative_other_org", *EDITORS}


@pytest.mark.parametrize("persona", PERSONAS)
def test_public_pages_are_open_to_everyone(client_for, persona, event):
    client = client_for(persona)
    assert client.get("/wydarzenia/").status_code == 200
    assert client.get("/wydarzenia/miesiac/2030/05/").status_code == 200
    assert client.get(f"/wydarzenia/{event.slug}/").status_code == 200
    assert client.get(f"/wydarzenia/{event.slug}.ics").status_code == 200
    assert client.get("/kalendarz.ics").status_code == 200
    assert client.get("/wydarzenia/kanal.atom").status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_submitted_event_is_seen_by_submitter_organiser_and_moderators(
    client_for, persona, submitted_event
):
    response = client_for(persona).get(f"/wydarzenia/{submitted_event.slug}/")
    expected = 200 if persona in {"representative", *MODERATORS} else 404
    assert response.status_code == expected
    assert client_for(persona).get(f"/wydarzenia/{submitted_event.slug}.ics").status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_submit_form(client_for, persona):
    response = client_for(persona).get("/en/wydarzenia/zglos/")
    if persona == "anonymous":
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    else:
        assert response.status_code == (200 if persona in SUBMITTERS else 403)


@pytest.mark.parametrize("persona", PERSONAS)
def test_submit_post_for_own_organisation_only(client_for, persona, organization):
    response = client_for(persona).post("/wydarzenia/zglos/", event_form_data(organization))
    created = Event.objects.filter(title="Sprzątanie brzegów Przemszy").exists()
    if persona in {"representative", *EDITORS}:
        assert response.status_code == 302
        assert created
    else:
        assert response.status_code in {200, 302, 403}
        assert not created


@pytest.mark.parametrize("persona", PERSONAS)
def test_moderation_queue(client_for, persona, submitted_event):
    response = client_for(persona).get("/en/wydarzenia/moderacja/")
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in MODERATORS:
        assert response.status_code == 200
        assert submitted_event.title in response.text
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_approve_and_reject(client_for, persona, submitted_event):
    client = client_for(persona)
    client.post(f"/wydarzenia/moderacja/{submitted_event.slug}/odrzuc/", {"note": "Za mało."})
    client.post(f"/wydarzenia/moderacja/{submitted_event.slug}/zatwierdz/")
    submitted_event.refresh_from_db()
    expected = Event.Status.REJECTED if persona in MODERATORS else Event.Status.SUBMITTED
    assert submitted_event.status == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_edit(client_for, persona, event, organization):
    client = client_for(persona)
    response = client.get(f"/wydarzenia/{event.slug}/edytuj/")
    may_edit = persona in {"representative", *EDITORS}
    if persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if may_edit else 403)
    client.post(
        f"/wydarzenia/{event.slug}/edytuj/",
        event_form_data(organization, title="Nowy tytuł", start="2030-06-01T10:00", end=""),
    )
    event.refresh_from_db()
    assert (event.title == "Nowy tytuł") is may_edit


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("action", "status"), [("odwolaj", "cancelled"), ("przeloz", "postponed")])
def test_cancel_and_postpone_are_for_staff(client_for, persona, event, action, status):
    client_for(persona).post(f"/wydarzenia/{event.slug}/{action}/", {"note": "Burza."})
    event.refresh_from_db()
    assert (event.status == status) is (persona in EDITORS)


def test_cancel_without_note_changes_nothing(client_for, event):
    response = client_for("coordinator").post(f"/wydarzenia/{event.slug}/odwolaj/", {"note": " "})
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert mail.outbox == []
