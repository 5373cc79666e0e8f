"""The erasure log survives a backup restore: erasures made after the archive are re-applied."""

import io
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from pomyslowice.accounts.models import ApiToken, User
from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.privacy.erasure import erase_person
from pomyslowice.privacy.models import ConsentRecord, ErasureRecord
from pomyslowice.privacy.registry import Subject, email_digest

from ..conftest import create_user
from .helpers import consent


def make_backup(output_dir: Path) -> Path:
    call_command("backup", "--output", str(output_dir), stdout=io.StringIO())
    (archive,) = output_dir.glob("pomyslowice-backup-*.tar.gz")
    return archive


def restore(archive: Path) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("restore", str(archive), "--yes", stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_restore_drill_erases_the_people_again(tmp_path):
    holder = create_user("janina@example.org", first_name="Janina", last_name="Mieszko")
    create_api_token(user=holder, name="Kalendarz")
    consent(user=holder)
    consent(email="gosc@example.org")
    stays = create_user("zostaje@example.org")
    consent(email="inny-gosc@example.org")
    archive = make_backup(tmp_path / "backups")

    holder_id = holder.pk
    erase_person(subject=Subject.for_user(holder), by=None, reason="retention")
    erase_person(subject=Subject.for_email("gosc@example.org"), by=None, reason="retention")
    assert ErasureRecord.objects.count() == 2
    sent = len(mail.outbox)

    output = restore(archive)

    assert "Erasures re-applied after the restore: 2" in output
    assert not User.objects.filter(pk=holder_id).exists()
    assert not EmailAddress.objects.filter(email="janina@example.org").exists()
    assert not ApiToken.objects.exists()
    assert list(ConsentRecord.objects.values_list("email", flat=True)) == ["inny-gosc@example.org"]
    assert User.objects.filter(pk=stays.pk).exists()
    records = ErasureRecord.objects.order_by("created_at")
    assert [r.email_digest for r in records] == [
        email_digest("janina@example.org"),
        email_digest("gosc@example.org"),
    ]
    assert records[0].user_id_erased == holder_id
    assert AuditLogEntry.objects.filter(verb="privacy.person.erasure-reapplied").count() == 2
    assert len(mail.outbox) == sent  # the people were told the first time


@pytest.mark.django_db(transaction=True)
def test_restore_without_later_erasures_changes_nobody(tmp_path):
    user = create_user("janina@example.org")
    archive = make_backup(tmp_path / "backups")
    output = restore(archive)
    assert "Erasures re-applied after the restore: 0" in output
    assert User.objects.filter(pk=user.pk).exists()
