"""Grant call services: validation, alerts about new calls and deadline reminders."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events import grant_services
from pomyslowice.events.models import GrantCall, GrantCallReminder, GrantCallSubscription
from pomyslowice.organizations.models import Membership

from .test_grants_pages import make_grant_call


def call_data(area, **overrides) -> dict:
    data = {
        "title": "Wspieramy sąsiadów",
        "kind": GrantCall.Kind.OPEN_COMPETITION,
        "funder_name": "Urząd Miasta Mysłowice",
        "description": "<p>Opis</p>",
        "areas": [area],
        "min_amount": Decimal("1000"),
        "max_amount": Decimal("5000"),
        "announced_on": timezone.localdate(),
        "deadline": timezone.now() + datetime.timedelta(days=30),
        "is_published": True,
    }
    data.update(overrides)
    return data


@pytest.fixture
def subscriber(users, organization):
    """The representative of `organization` (area: the `area` fixture) with alerts on."""
    GrantCallSubscription.objects.create(user=users["representative"], organization=organization)
    return users["representative"]


@pytest.fixture
def other_subscriber(users, other_organization):
    """Represents an organisation with no areas: no call ever matches it."""
    GrantCallSubscription.objects.create(
        user=users["representative_other_org"], organization=other_organization
    )
    return users["representative_other_org"]


# --- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"min_amount": Decimal("6000")}, "min_amount"),
        ({"max_amount": Decimal("-1"), "min_amount": None}, "max_amount"),
        ({"budget": Decimal("-0.01")}, "budget"),
        ({"announced_on": timezone.localdate() + datetime.timedelta(days=40)}, "deadline"),
        ({"results_on": timezone.localdate()}, "results_on"),
        ({"funder_name": "  "}, "funder_name"),
        ({"title": ""}, "title"),
    ],
)
def test_create_rejects_invalid_calls(users, area, overrides, field):
    with pytest.raises(ValidationError) as error:
        grant_services.create_grant_call(data=call_data(area, **overrides), by=users["coordinator"])
    assert field in error.value.error_dict
    assert not GrantCall.objects.exists()
    assert not AuditLogEntry.objects.filter(verb__startswith="events.grant_call").exists()


def test_update_rejects_invalid_changes(users, area):
    call = grant_services.create_grant_call(data=call_data(area), by=users["coordinator"])
    with pytest.raises(ValidationError):
        grant_services.update_grant_call(
            grant_call=call, changes={"min_amount": Decimal("9000")}, by=users["coordinator"]
        )
    call.refresh_from_db()
    assert call.min_amount == Decimal("1000")


def test_create_cleans_html_and_logs(users, area):
    call = grant_services.create_grant_call(
        data=call_data(area, description='<p onclick="x()">Opis</p><script>alert(1)</script>'),
        by=users["coordinator"],
    )
    assert call.description == "<p>Opis</p>"
    assert call.created_by == users["coordinator"]
    entry = AuditLogEntry.objects.get(verb="events.grant_call.created")
    assert entry.target_id == str(call.pk)


def test_update_logs_changed_fields(users, area):
    call = grant_services.create_grant_call(data=call_data(area), by=users["coordinator"])
    grant_services.update_grant_call(
        grant_call=call, changes={"title": "Nowy", "areas": []}, by=users["coordinator"]
    )
    entry = AuditLogEntry.objects.get(verb="events.grant_call.updated")
    assert entry.data == {"fields": ["areas", "title"]}


def test_slug_is_unique_and_avoids_page_words(users, area):
    first = grant_services.create_grant_call(
        data=call_data(area, title="Dodaj"), by=users["coordinator"]
    )
    second = grant_services.create_grant_call(
        data=call_data(area, title="Dodaj"), by=users["coordinator"]
    )
    assert (first.slug, second.slug) == ("dodaj-2", "dodaj-3")


# --- alerts about new calls --------------------------------------------------------------------


def test_new_call_emails_matching_subscriber_once(
    users, area, subscriber, other_subscriber, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call = grant_services.create_grant_call(data=call_data(area), by=users["coordinator"])
    assert [message.to for message in mail.outbox] == [[subscriber.email]]
    assert "Wspieramy sąsiadów" in mail.outbox[0].subject
    assert call.get_absolute_url() in mail.outbox[0].body
    assert GrantCallReminder.objects.filter(kind=GrantCallReminder.Kind.NEW).count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        grant_services.update_grant_call(
            grant_call=call, changes={"title": "Zmieniony"}, by=users["coordinator"]
        )
        grant_services.update_grant_call(
            grant_call=call, changes={"is_published": False}, by=users["coordinator"]
        )
        grant_services.update_grant_call(
            grant_call=call, changes={"is_published": True}, by=users["coordinator"]
        )
    assert len(mail.outbox) == 1


def test_hidden_call_is_announced_when_published(
    users, area, subscriber, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call = grant_services.create_grant_call(
            data=call_data(area, is_published=False), by=users["coordinator"]
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        grant_services.update_grant_call(
            grant_call=call, changes={"is_published": True}, by=users["coordinator"]
        )
    assert [message.to for message in mail.outbox] == [[subscriber.email]]


def test_former_representative_gets_no_alert(
    users, area, organization, subscriber, django_capture_on_commit_callbacks
):
    Membership.objects.filter(user=subscriber).update(status=Membership.Status.REJECTED)
    with django_capture_on_commit_callbacks(execute=True):
        grant_services.create_grant_call(data=call_data(area), by=users["coordinator"])
    assert mail.outbox == []


def test_only_representatives_may_subscribe(users, organization):
    with pytest.raises(ValidationError):
        grant_services.set_grant_call_alerts(
            user=users["representative_other_org"], organization=organization, enabled=True
        )
    assert grant_services.set_grant_call_alerts(
        user=users["representative"], organization=organization, enabled=True
    )
    assert not grant_services.set_grant_call_alerts(
        user=users["representative"], organization=organization, enabled=True
    )
    assert GrantCallSubscription.objects.count() == 1


# --- deadline reminders ------------------------------------------------------------------------


NOW = datetime.datetime(2025, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def calls(area):
    return {
        "in_5_days": make_grant_call(
            "Za pięć dni", deadline=NOW + datetime.timedelta(days=5), areas=[area]
        ),
        "in_10_hours": make_grant_call(
            "Za dziesięć godzin", deadline=NOW + datetime.timedelta(hours=10), areas=[area]
        ),
        "in_20_days": make_grant_call(
            "Za dwadzieścia dni", deadline=NOW + datetime.timedelta(days=20), areas=[area]
        ),
        "closed": make_grant_call(
            "Zamknięty", deadline=NOW - datetime.timedelta(hours=1), areas=[area]
        ),
        "hidden": make_grant_call(
            "Ukryty",
            deadline=NOW + datetime.timedelta(days=2),
            areas=[area],
            is_published=False,
        ),
        "no_areas": make_grant_call("Bez obszarów", deadline=NOW + datetime.timedelta(days=2)),
    }


def test_reminders_go_out_once_per_kind(
    calls, subscriber, other_subscriber, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert grant_services.send_deadline_reminders(now=NOW) == 2
    assert all(message.to == [subscriber.email] for message in mail.outbox)
    assert sorted(message.subject.split(": ")[-1] for message in mail.outbox) == [
        "Za dziesięć godzin",
        "Za pięć dni",
    ]
    assert {(r.grant_call.title, r.kind) for r in GrantCallReminder.objects.all()} == {
        ("Za pięć dni", "week"),
        ("Za dziesięć godzin", "day"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert grant_services.send_deadline_reminders(now=NOW) == 0
    assert len(mail.outbox) == 2

    # Four days later the first call is a day away: the "day" reminder follows, once.
    later = NOW + datetime.timedelta(days=4, hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert grant_services.send_deadline_reminders(now=later) == 1
    assert len(mail.outbox) == 3
    assert all(message.to == [subscriber.email] for message in mail.outbox)


def test_command_reports_and_is_idempotent(
    calls, subscriber, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    first, second = StringIO(), StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_grant_call_alerts", stdout=first)
        call_command("send_grant_call_alerts", stdout=second)
    assert first.getvalue().strip() == "Grant call reminders sent: 2"
    assert second.getvalue().strip() == "Grant call reminders sent: 0"
    assert len(mail.outbox) == 2


def test_one_email_for_a_person_with_two_matching_organisations(
    users, area, calls, subscriber, other_organization, django_capture_on_commit_callbacks
):
    other_organization.areas.add(area)
    Membership.objects.create(
        user=subscriber, organization=other_organization, status=Membership.Status.ACTIVE
    )
    GrantCallSubscription.objects.create(user=subscriber, organization=other_organization)
    with django_capture_on_commit_callbacks(execute=True):
        grant_services.send_deadline_reminders(now=NOW)
    assert len(mail.outbox) == 2
    assert GrantCallReminder.objects.count() == 4
    assert other_organization.name in mail.outbox[0].body
