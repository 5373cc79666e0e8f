import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from pomyslowice.centre import mail_services as services
from pomyslowice.centre.models import MailItem
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import Membership, SupportRecord
from tests.centre.mail.conftest import make_item
from tests.conftest import create_user

pytestmark = pytest.mark.django_db


def log(organization, by, **overrides):
    arguments = {
        "organization": organization,
        "sender": "Urząd Skarbowy w Mysłowicach",
        "kind": MailItem.Kind.OFFICIAL_LETTER,
        "registered": True,
        "by": by,
    } | overrides
    return services.log_mail_item(**arguments)


# --- logging an item ---------------------------------------------------------------------------


def test_logging_tells_the_representatives_at_once(
    users, organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = log(organization, users["ngo_caretaker"], note="Awizo nr 123")
    assert item.status == MailItem.Status.WAITING
    assert item.received_on == timezone.localdate()
    assert item.logged_by == users["ngo_caretaker"]
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]
    body = mail.outbox[0].body
    assert "Urząd Skarbowy w Mysłowicach" in body
    assert "Awizo nr 123" in body
    assert "ul. Grunwaldzka 12" in body
    assert "/osrodek/poczta/moje/" in body
    assert AuditLogEntry.objects.filter(verb="centre.mail.logged", target_id=str(item.pk)).exists()


def test_every_active_representative_is_told_but_not_pending_ones(
    users, organization, django_capture_on_commit_callbacks
):
    second = create_user("druga@example.org")
    pending = create_user("oczekujacy@example.org")
    Membership.objects.create(
        user=second, organization=organization, status=Membership.Status.ACTIVE
    )
    Membership.objects.create(
        user=pending, organization=organization, status=Membership.Status.PENDING
    )
    with django_capture_on_commit_callbacks(execute=True):
        log(organization, users["ngo_caretaker"])
    assert sorted(m.to[0] for m in mail.outbox) == [
        "druga@example.org",
        "przedstawiciel@example.org",
    ]


def test_organisation_without_representatives_gets_it_on_its_own_address(
    users, other_organization, django_capture_on_commit_callbacks
):
    Membership.objects.filter(organization=other_organization).delete()
    other_organization.email = "biuro@lawki.example.org"
    other_organization.save()
    with django_capture_on_commit_callbacks(execute=True):
        log(other_organization, users["ngo_caretaker"])
    assert [m.to for m in mail.outbox] == [["biuro@lawki.example.org"]]


def test_organisation_not_using_the_address_is_refused(users, organization):
    organization.uses_centre_address = False
    organization.save()
    with pytest.raises(ValidationError) as error:
        log(organization, users["ngo_caretaker"])
    assert "organization" in error.value.message_dict
    assert not MailItem.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"received_on": "tomorrow"}, "received_on"),
        ({"sender": "   "}, "sender"),
        ({"kind": "telegram"}, "kind"),
        ({"sender": "x" * 251}, "sender"),
    ],
)
def test_bad_input_saves_nothing(users, organization, overrides, field):
    if overrides.get("received_on") == "tomorrow":
        overrides = {"received_on": timezone.localdate() + datetime.timedelta(days=1)}
    with pytest.raises(ValidationError) as error:
        log(organization, users["ngo_caretaker"], **overrides)
    assert field in error.value.message_dict
    assert not MailItem.objects.exists()
    assert mail.outbox == []


def test_an_earlier_date_is_fine(users, organization):
    day = timezone.localdate() - datetime.timedelta(days=3)
    assert log(organization, users["ngo_caretaker"], received_on=day).received_on == day


# --- pickup ------------------------------------------------------------------------------------


def test_pickup_is_recorded_as_support_received(users, item):
    caretaker = users["ngo_caretaker"]
    services.record_pickup(
        item=item,
        picked_up_by_name="  Piotr Reprezentant ",
        picked_up_by=users["representative"],
        by=caretaker,
    )
    item.refresh_from_db()
    assert item.status == MailItem.Status.PICKED_UP
    assert item.picked_up_by_name == "Piotr Reprezentant"
    assert item.picked_up_by == users["representative"]
    assert item.handed_over_by == caretaker
    record = SupportRecord.objects.get()
    assert record.kind == SupportRecord.Kind.MAIL
    assert record.organization == item.organization
    assert record.person == users["representative"]
    assert record.person_name == "Piotr Reprezentant"
    assert record.date == timezone.localdate()
    assert record.source_type == ContentType.objects.get_for_model(MailItem)
    assert record.source_id == str(item.pk)
    assert record.recorded_by == caretaker
    assert AuditLogEntry.objects.filter(verb="centre.mail.picked_up").exists()


def test_pickup_date_is_the_support_date(users, item):
    moment = timezone.now() - datetime.timedelta(days=1)
    services.record_pickup(
        item=item, picked_up_by_name="Anna", picked_up_at=moment, by=users["ngo_caretaker"]
    )
    assert SupportRecord.objects.get().date == timezone.localdate(moment)


def test_pickup_twice_is_refused(users, item):
    services.record_pickup(item=item, picked_up_by_name="Anna", by=users["ngo_caretaker"])
    with pytest.raises(ValidationError):
        services.record_pickup(item=item, picked_up_by_name="Ewa", by=users["ngo_caretaker"])
    item.refresh_from_db()
    assert item.picked_up_by_name == "Anna"
    assert SupportRecord.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"picked_up_by_name": ""}, "picked_up_by_name"),
        ({"picked_up_by_name": "   "}, "picked_up_by_name"),
        ({"picked_up_at": timezone.now() + datetime.timedelta(days=1)}, "picked_up_at"),
        ({"picked_up_at": timezone.now() - datetime.timedelta(days=30)}, "picked_up_at"),
    ],
)
def test_bad_pickup_changes_nothing(users, item, overrides, field):
    arguments = {"item": item, "picked_up_by_name": "Anna", "by": users["ngo_caretaker"]}
    with pytest.raises(ValidationError) as error:
        services.record_pickup(**(arguments | overrides))
    assert field in error.value.message_dict
    item.refresh_from_db()
    assert item.status == MailItem.Status.WAITING
    assert not SupportRecord.objects.exists()


def test_pickup_by_someone_elses_representative_is_refused(users, item):
    with pytest.raises(ValidationError) as error:
        services.record_pickup(
            item=item,
            picked_up_by_name="Olga Inna",
            picked_up_by=users["representative_other_org"],
            by=users["ngo_caretaker"],
        )
    assert "picked_up_by" in error.value.message_dict
    assert not SupportRecord.objects.exists()


# --- return to sender --------------------------------------------------------------------------


def test_return_to_sender(users, item, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_returned(item=item, note="Nieodebrane w terminie", by=users["ngo_caretaker"])
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]
    assert "Nieodebrane w terminie" in mail.outbox[0].body
    item.refresh_from_db()
    assert item.status == MailItem.Status.RETURNED
    assert "Nieodebrane w terminie" in item.note
    with pytest.raises(ValidationError):
        services.record_pickup(item=item, picked_up_by_name="Anna", by=users["ngo_caretaker"])
    with pytest.raises(ValidationError):
        services.mark_returned(item=item, note="again", by=users["ngo_caretaker"])
    assert not SupportRecord.objects.exists()


def test_return_needs_a_reason(users, item):
    with pytest.raises(ValidationError) as error:
        services.mark_returned(item=item, note=" ", by=users["ngo_caretaker"])
    assert "note" in error.value.message_dict
    item.refresh_from_db()
    assert item.status == MailItem.Status.WAITING


# --- reminders ---------------------------------------------------------------------------------


def test_reminders_once_a_week_listing_all_waiting_items(
    users, organization, other_organization, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_PICKUP_REMINDER_DAYS = 14
    old = make_item(organization, days_ago=15, sender="Nadawca stary")
    recent = make_item(organization, days_ago=1, sender="Nadawca nowy")
    make_item(organization, days_ago=30, sender="Odebrany", status=MailItem.Status.PICKED_UP)
    make_item(other_organization, days_ago=3, sender="Jeszcze nie")
    today = timezone.localdate()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_pickup_reminders(today=today) == 1
    assert [m.to for m in mail.outbox] == [[users["representative"].email]]
    body = mail.outbox[0].body
    assert "Nadawca stary" in body and "Nadawca nowy" in body and "Odebrany" not in body
    for waiting in (old, recent):
        waiting.refresh_from_db()
        assert waiting.reminders_sent == 1 and waiting.last_reminder_at is not None

    for days in (0, 1, 6):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.send_pickup_reminders(today=today + datetime.timedelta(days)) == 0
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_pickup_reminders(today=today + datetime.timedelta(days=7)) == 1
    assert len(mail.outbox) == 2
    old.refresh_from_db()
    assert old.reminders_sent == 2


def test_no_reminder_without_overdue_items(users, organization):
    make_item(organization, days_ago=3)
    assert services.send_pickup_reminders() == 0
    assert mail.outbox == []


def test_reminder_command_prints_the_count(
    users, organization, capsys, django_capture_on_commit_callbacks
):
    make_item(organization, days_ago=40)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_mail_reminders")
    assert "1" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_demo_seed_is_idempotent(db):
    from pomyslowice.centre import demo_mail
    from pomyslowice.organizations.demo import seed as seed_organizations

    seed_organizations()
    first = demo_mail.seed()
    count = MailItem.objects.count()
    assert first["mail_organisations"] == 3 and count == 4
    assert demo_mail.seed()["mail_items_created"] == 0
    assert MailItem.objects.count() == count
    assert MailItem.objects.uncollected_since(
        timezone.localdate() - datetime.timedelta(days=14)
    ).exists()
    assert MailItem.objects.filter(registered=True, status=MailItem.Status.PICKED_UP).exists()


def test_items_exactly_at_the_limit_are_reminded(users, organization, settings):
    settings.MAIL_PICKUP_REMINDER_DAYS = 14
    make_item(organization, days_ago=13)
    assert services.send_pickup_reminders() == 0
    make_item(organization, days_ago=14)
    assert services.send_pickup_reminders() == 1
