"""Sending a survey to each kind of group: one invitation and one e-mail per new address."""

import datetime
import re

import pytest
from django.core import mail

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events.models import Event, Registration
from pomyslowice.organizations.models import Membership, SupportRecord
from pomyslowice.surveys.models import Invitation
from pomyslowice.volunteering.models import Application, Engagement
from tests.conftest import create_user, make_organization
from tests.events.conftest import make_event
from tests.volunteering.conftest import make_offer

BASE = "/en/panel/ankiety"


@pytest.fixture
def send(client_for, open_survey, django_capture_on_commit_callbacks):
    def post(data, persona="analyst"):
        with django_capture_on_commit_callbacks(execute=True):
            return client_for(persona).post(f"{BASE}/{open_survey.pk}/wyslij/", data)

    return post


def invited(survey) -> set[str]:
    return set(survey.invitations.values_list("email", flat=True))


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_organisations_supported_in_the_period(send, open_survey, users, organization):
    other = make_organization("Klub Seniora Brzezinka", email="klub@example.org")
    unsupported = make_organization("Fundacja Bez Wsparcia", email="bez@example.org")
    SupportRecord.objects.create(
        kind="consultation", date=datetime.date(2026, 3, 5), organization=organization, summary="x"
    )
    SupportRecord.objects.create(
        kind="room", date=datetime.date(2026, 3, 20), organization=other, summary="x"
    )
    SupportRecord.objects.create(
        kind="room", date=datetime.date(2025, 12, 1), organization=unsupported, summary="x"
    )
    former = create_user("byly@example.org")
    Membership.objects.create(
        user=former, organization=organization, status=Membership.Status.REJECTED
    )

    response = send({"audience": "organizations", "start": "2026-03-01", "end": "2026-03-31"})

    assert response.status_code == 302
    expected = {organization.email, users["representative"].email, "klub@example.org"}
    assert invited(open_survey) == expected
    assert recipients() == expected
    entry = AuditLogEntry.objects.get(verb="surveys.survey.sent")
    assert entry.data == {"audience": "organizations", "sent": 3, "skipped": 0}


def test_a_reversed_period_is_refused(send, open_survey):
    response = send({"audience": "organizations", "start": "2026-03-31", "end": "2026-03-01"})
    assert response.status_code == 200
    assert "must not end before it starts" in response.content.decode()
    assert not open_survey.invitations.exists()


def test_attendees_of_a_training(send, open_survey):
    training = make_event("Szkolenie z RODO", category=Event.Category.TRAINING)
    for email, attended in (("byla@example.org", True), ("nie-byla@example.org", False)):
        Registration.objects.create(
            event=training, name="X", email=email, status="confirmed", attended=attended
        )

    assert send({"audience": "training", "training": training.pk}).status_code == 302

    assert invited(open_survey) == recipients() == {"byla@example.org"}


def test_a_training_must_be_chosen(send, open_survey):
    response = send({"audience": "training"})
    assert response.status_code == 200 and not open_survey.invitations.exists()


def test_volunteers_with_an_engagement_in_progress(send, open_survey, users, organization):
    offer = make_offer(organization, "Pomoc w świetlicy")
    for persona, status in (("volunteer", "active"), ("volunteer_minor", "finished")):
        application = Application.objects.create(
            offer=offer, volunteer=users[persona], message="Chętnie", status="accepted"
        )
        Engagement.objects.create(
            application=application, starts_on=datetime.date(2026, 1, 1), status=status
        )

    assert send({"audience": "volunteers"}).status_code == 302

    assert invited(open_survey) == recipients() == {users["volunteer"].email}


def test_a_pasted_list_with_duplicates_and_odd_separators(send, open_survey):
    send(
        {"audience": "pasted", "addresses": "Anna@Example.org; ben@example.org\nanna@example.org,"}
    )
    assert invited(open_survey) == recipients() == {"anna@example.org", "ben@example.org"}


def test_bad_addresses_are_reported_and_nothing_is_sent(send, open_survey):
    response = send({"audience": "pasted", "addresses": "ok@example.org, nie-adres, x@"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "nie-adres" in body and "x@" in body and "Nothing was sent" in body
    assert not open_survey.invitations.exists() and not mail.outbox


def test_addresses_invited_before_are_skipped(send, open_survey):
    send({"audience": "pasted", "addresses": "anna@example.org"})
    mail.outbox.clear()
    send({"audience": "pasted", "addresses": "anna@example.org ben@example.org"})
    assert recipients() == {"ben@example.org"}
    assert open_survey.invitations.count() == 2


def test_each_link_is_personal_and_opens_the_survey(send, open_survey, client):
    send({"audience": "pasted", "addresses": "anna@example.org ben@example.org"})
    tokens = [re.search(r"/ankiety/([\w-]+)/", m.body).group(1) for m in mail.outbox]
    assert len(set(tokens)) == 2 and all(len(token) >= 40 for token in tokens)
    assert set(tokens) == set(Invitation.objects.values_list("token", flat=True))
    assert client.get(f"/ankiety/{tokens[0]}/").status_code == 200


def test_a_draft_cannot_be_sent(client_for, draft):
    response = client_for("analyst").post(
        f"{BASE}/{draft.pk}/wyslij/", {"audience": "pasted", "addresses": "a@example.org"}
    )
    assert response.status_code == 200
    assert "only while the survey is open" in response.content.decode()
    assert not draft.invitations.exists()


def test_reminders_go_to_those_who_did_not_answer(
    send, client_for, open_survey, django_capture_on_commit_callbacks
):
    send({"audience": "pasted", "addresses": "anna@example.org ben@example.org"})
    open_survey.invitations.filter(email="anna@example.org").update(answered=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client_for("analyst").post(f"{BASE}/{open_survey.pk}/przypomnij/")

    assert recipients() == {"ben@example.org"}
    ben = open_survey.invitations.get(email="ben@example.org")
    assert ben.reminded_at is not None and ben.token in mail.outbox[0].body
    assert AuditLogEntry.objects.filter(verb="surveys.survey.reminded").exists()
