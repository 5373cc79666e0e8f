"""The consent rules themselves, below the pages."""

import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.test import TestCase

from pomyslowice.accounts.services import delete_account
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.organizations.models import Person, PersonConsent
from pomyslowice.organizations.people_services import (
    save_own_profile,
    send_contact_message,
    set_consents,
    withdraw_consent,
)

from .conftest import image_bytes, make_person


def active_fields(person) -> set[str]:
    return set(person.consents.filter(withdrawn_at__isnull=True).values_list("field", flat=True))


def test_set_consents_gives_new_and_withdraws_removed_at_once(db, users):
    person = make_person("Ida Zgodna", consents=("name", "bio", "photo"))
    actor = users["resident"]
    result = set_consents(
        person=person, fields=["name", "skills", "contact"], via="profile form", actor=actor
    )
    assert result == {"name", "skills", "contact"}
    assert active_fields(person) == {"name", "skills", "contact"}
    assert set(
        person.consents.filter(withdrawn_at__isnull=False).values_list("field", flat=True)
    ) == {"bio", "photo"}
    given = AuditLogEntry.objects.filter(verb="people.consent.given", actor=actor)
    withdrawn = AuditLogEntry.objects.filter(verb="people.consent.withdrawn", actor=actor)
    assert sorted(entry.data["field"] for entry in given) == ["contact", "skills"]
    assert sorted(entry.data["field"] for entry in withdrawn) == ["bio", "photo"]
    # "name" was already active: it keeps its original row and date.
    assert person.consents.filter(field="name").count() == 1


def test_set_consents_refuses_unknown_fields(db):
    person = make_person("Jerzy Dziwny", consents=("name",))
    with pytest.raises(ValidationError, match="Nieznane pole profilu: email"):
        set_consents(person=person, fields=["name", "email"], via="profile form", actor=None)
    assert active_fields(person) == {"name"}


def test_withdrawing_an_inactive_consent_is_refused(db):
    person = make_person("Kamil Bez", consents=("name",))
    with pytest.raises(ValidationError):
        withdraw_consent(person=person, field="bio", actor=None)


def test_database_allows_one_active_consent_per_field(db):
    person = make_person("Lena Podwójna", consents=("name",))
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonConsent.objects.create(person=person, field="name", given_via="test")


def test_services_take_keyword_arguments_only(db):
    person = make_person("Marek Pozycyjny", consents=("name",))
    with pytest.raises(TypeError):
        withdraw_consent(person, "name", None)


def test_contact_without_consent_is_refused(db, mailoutbox):
    person = make_person("Nina Cisza", consents=("name",))
    with pytest.raises(ValidationError, match="nie przyjmuje wiadomości"):
        send_contact_message(
            person=person,
            sender_name="Ktoś",
            sender_email="ktos@example.org",
            message="Hej",
            client_key="192.0.2.1",
        )
    assert mailoutbox == []


def test_failed_consent_rolls_back_the_whole_profile_save(db, users):
    with pytest.raises(ValidationError):
        save_own_profile(user=users["resident"], full_name="Ola Nowa", consents=["name", "x"])
    assert not Person.objects.exists()
    assert not AuditLogEntry.objects.exists()


def test_deleting_the_account_removes_the_leader_photo_file(users, settings):
    user = users["resident"]
    person = Person.objects.create(
        user=user, full_name="Janina Mieszko", slug="janina", email="j@x.pl"
    )
    person.photo.save("janina.png", ContentFile(image_bytes()), save=True)
    path = person.photo.path

    with TestCase.captureOnCommitCallbacks(execute=True):
        delete_account(user=user, by=user)

    assert not Person.objects.filter(pk=person.pk).exists()
    assert not os.path.exists(path)
