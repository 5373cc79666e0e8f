import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from pomyslowice.centre import caretaking_services as services
from pomyslowice.centre.models import CaretakerContact, CaretakerTask
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import SupportRecord

TODAY = timezone.localdate


def _record(contact):
    return SupportRecord.objects.get(
        kind=SupportRecord.Kind.CARETAKER_CONTACT,
        source_type=ContentType.objects.get_for_model(CaretakerContact),
        source_id=str(contact.pk),
    )


def test_record_contact_writes_a_support_record(contact, users, cared_organization):
    record = _record(contact)
    assert record.organization == cared_organization
    assert record.summary == "Wniosek do konkursu grantowego"
    assert record.date == contact.date
    assert record.recorded_by == users["ngo_caretaker"]
    assert record.person_name == "Anna Nowak"
    assert contact.caretaker == users["ngo_caretaker"]
    assert AuditLogEntry.objects.filter(verb="centre.caretaker_contact.recorded").exists()


def test_contact_in_the_future_is_refused(cared_organization, users):
    with pytest.raises(ValidationError) as error:
        services.record_contact(
            organization=cared_organization,
            by=users["ngo_caretaker"],
            date=TODAY() + datetime.timedelta(days=1),
            channel="phone",
            topic="Rozmowa",
        )
    assert "date" in error.value.error_dict
    assert not CaretakerContact.objects.exists()
    assert not SupportRecord.objects.exists()


@pytest.mark.parametrize("topic", ["", "   "])
def test_contact_without_topic_is_refused(cared_organization, users, topic):
    with pytest.raises(ValidationError) as error:
        services.record_contact(
            organization=cared_organization,
            by=users["ngo_caretaker"],
            date=TODAY(),
            channel="phone",
            topic=topic,
        )
    assert "topic" in error.value.error_dict
    assert not CaretakerContact.objects.exists()


def test_contact_with_unknown_channel_is_refused(cared_organization, users):
    with pytest.raises(ValidationError):
        services.record_contact(
            organization=cared_organization,
            by=users["ngo_caretaker"],
            date=TODAY(),
            channel="pigeon",
            topic="Rozmowa",
        )
    assert not SupportRecord.objects.exists()


def test_update_contact_updates_its_record(contact, users):
    services.update_contact(
        contact=contact, by=users["coordinator"], topic="Nowy temat", date=TODAY()
    )
    record = _record(contact)
    assert (record.summary, record.date) == ("Nowy temat", TODAY())
    contact.refresh_from_db()
    assert contact.notes.startswith("Prezes")  # untouched fields stay


def test_update_contact_to_the_future_changes_nothing(contact, users):
    with pytest.raises(ValidationError):
        services.update_contact(
            contact=contact, by=users["ngo_caretaker"], date=TODAY() + datetime.timedelta(days=3)
        )
    contact.refresh_from_db()
    assert contact.date == _record(contact).date < TODAY()


def test_delete_contact_removes_its_record(contact, users):
    services.delete_contact(contact=contact, by=users["ngo_caretaker"])
    assert not CaretakerContact.objects.exists()
    assert not SupportRecord.objects.exists()


def test_task_goes_to_the_caretaker_by_default_and_emails_them(
    cared_organization, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = services.add_task(
            organization=cared_organization,
            by=users["coordinator"],
            title="Zadzwonić w sprawie sprawozdania",
            due_date=TODAY() + datetime.timedelta(days=7),
        )
    assert task.assigned_to == users["ngo_caretaker"]
    assert [m.to for m in mail.outbox] == [[users["ngo_caretaker"].email]]
    assert "Zadzwonić w sprawie sprawozdania" in mail.outbox[0].body
    assert cared_organization.name in mail.outbox[0].subject


def test_own_task_sends_no_email(cared_organization, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_task(
            organization=cared_organization,
            by=users["ngo_caretaker"],
            title="Przygotować ofertę",
            due_date=TODAY(),
        )
    assert mail.outbox == []


def test_task_without_due_date_is_refused(cared_organization, users):
    with pytest.raises(ValidationError) as error:
        services.add_task(
            organization=cared_organization, by=users["ngo_caretaker"], title="X", due_date=None
        )
    assert "due_date" in error.value.error_dict
    assert not CaretakerTask.objects.exists()


@pytest.mark.parametrize("persona", ["resident", "representative"])
def test_task_only_for_staff(cared_organization, users, persona):
    with pytest.raises(ValidationError) as error:
        services.add_task(
            organization=cared_organization,
            by=users["ngo_caretaker"],
            title="Zadanie",
            due_date=TODAY(),
            assigned_to=users[persona],
        )
    assert "assigned_to" in error.value.error_dict
    assert not CaretakerTask.objects.exists()


def test_complete_and_reopen_task(cared_organization, users):
    task = services.add_task(
        organization=cared_organization, by=users["ngo_caretaker"], title="T", due_date=TODAY()
    )
    services.complete_task(task=task, by=users["ngo_caretaker"])
    assert not CaretakerTask.objects.open().exists()
    services.reopen_task(task=task, by=users["ngo_caretaker"])
    assert CaretakerTask.objects.open().get() == task
    verbs = set(AuditLogEntry.objects.values_list("verb", flat=True))
    assert {"centre.caretaker_task.completed", "centre.caretaker_task.reopened"} <= verbs
