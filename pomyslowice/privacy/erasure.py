"""Erasure of a person's data (art. 17 GDPR), its log, and its re-application after a restore."""

import dataclasses

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from pomyslowice.accounts.models import User
from pomyslowice.accounts.permissions import can_delete_own_account
from pomyslowice.accounts.services import delete_account, forget_names_in_audit_log
from pomyslowice.core import page_cache
from pomyslowice.core.audit import log_action

from . import consents
from .models import ConsentRecord, DataRequest, ErasureRecord
from .permissions import can_handle_requests
from .registry import Kept, Subject, email_digest, normalise_email, sources


@dataclasses.dataclass
class SourceOutcome:
    source: str
    label: object  # lazy: shown in the language of whoever reads it
    erased: int
    kept: list[Kept]

    def as_json(self) -> dict:
        """The erasure log's form: texts in the active language."""
        kept = [_kept_as_text(kept) for kept in self.kept]
        return {
            "source": self.source,
            "label": str(self.label),
            "erased": self.erased,
            "kept": kept,
        }


class _Preview(Exception):
    """Raised to roll back a dry run once its outcome is known."""


def _kept_as_text(kept: Kept) -> dict:
    until = formats.date_format(kept.until, "DATE_FORMAT") if kept.until else ""
    return {"what": str(kept.what), "why": str(kept.why), "until": until}


def _erase_sources(subject: Subject) -> list[SourceOutcome]:
    outcomes = []
    for source in sources():
        report = source.erase(subject)
        outcomes.append(
            SourceOutcome(
                source=source.name, label=source.label, erased=report.erased, kept=report.kept
            )
        )
    return outcomes


def _check_may_erase(subject: Subject, by) -> None:
    user = subject.user
    if by is not None and not ((user is not None and by.pk == user.pk) or can_handle_requests(by)):
        raise PermissionDenied
    if user is not None and not can_delete_own_account(user):
        raise ValidationError(
            _(
                "Accounts with a staff role cannot be erased. Ask a technical administrator to "
                "remove the staff role first, so that none of its duties is left without an owner."
            )
        )


def _erase(subject: Subject, *, by) -> list[SourceOutcome]:
    """Withdraw the consents (while they can still be found), erase every source, delete the
    account. The caller holds the transaction."""
    consents.withdraw_all(
        user=subject.user,
        email=subject.email,
        method=ConsentRecord.WithdrawalMethod.ERASURE,
        by=by,
    )
    if subject.user is not None:
        # Before the sources delete what hangs on the account, while it can still be found.
        forget_names_in_audit_log(subject.user)
    outcomes = _erase_sources(subject)
    if subject.user is not None:
        delete_account(user=subject.user, by=by)
    # Sources erase with bulk updates, which send no signals: no cached page may keep the name.
    page_cache.invalidate_everything()
    return outcomes


def preview_erasure(*, subject: Subject, by) -> list[SourceOutcome]:
    """What erase_person would do, found by doing it and rolling it back; nothing changes."""
    _check_may_erase(subject, by)
    user_pk = subject.user.pk if subject.user is not None else None
    result = []
    try:
        with transaction.atomic():
            result = _erase(subject, by=by)
            raise _Preview
    except _Preview:
        pass
    if subject.user is not None:
        # Deleting cleared the instance's key; the rollback brought back only the row.
        subject.user.pk = user_pk
    return result


@transaction.atomic
def erase_person(*, subject: Subject, by, reason: str, data_request=None) -> ErasureRecord:
    """Erase the subject's data everywhere, keeping what the law requires; logs it and tells
    the person which records were kept and why."""
    _check_may_erase(subject, by)
    user = subject.user
    user_id = user.pk if user is not None else None
    staff = by if by is not None and by.pk != user_id else None
    language = user.language if user is not None else translation.get_language()
    outcomes = _erase(subject, by=by)
    record = ErasureRecord.objects.create(
        by=staff,
        reason=reason,
        user_id_erased=user_id,
        email_digest=subject.email_digest,
        data_request=data_request,
        summary=[outcome.as_json() for outcome in outcomes],
    )
    log_action(
        actor=staff,
        verb="privacy.person.erased",
        target=record,
        data={
            "reason": reason,
            "request": data_request.pk if data_request is not None else None,
            "erased": sum(outcome.erased for outcome in outcomes),
            "kept": sum(len(outcome.kept) for outcome in outcomes),
        },
    )
    _notify(subject.email, language, outcomes)
    return record


def _notify(email: str, language: str, outcomes: list[SourceOutcome]) -> None:
    with translation.override(language):
        subject = _("Your data on %(site)s has been erased") % {"site": settings.SITE_NAME}
        message = render_to_string(
            "privacy/email/erased.txt",
            {
                "SITE_NAME": settings.SITE_NAME,
                "SITE_URL": settings.SITE_URL,
                "email": email,
                "kept": kept_in(outcomes),
            },
        )
    # robust: the data is gone either way; a mail server hiccup must not turn that into a 500.
    transaction.on_commit(lambda: send_mail(subject, message, None, [email]), robust=True)


def kept_items(record: ErasureRecord) -> list[dict]:
    return [kept for part in record.summary for kept in part.get("kept", [])]


def kept_in(outcomes: list[SourceOutcome]) -> list[dict]:
    """The kept records as text in the active language."""
    return [_kept_as_text(kept) for outcome in outcomes for kept in outcome.kept]


# --- after a restore ---------------------------------------------------------------------------


def erasures_since(moment) -> list[dict]:
    """The log's entries newer than `moment`; none on a database without the log's table."""
    if ErasureRecord._meta.db_table not in connection.introspection.table_names():
        return []
    fields = ["created_at", "by_id", "reason", "user_id_erased", "email_digest"]
    fields += ["data_request_id", "summary"]
    return list(
        ErasureRecord.objects.filter(created_at__gt=moment).order_by("created_at").values(*fields)
    )


def subjects_for(*, user_id: int | None, digest: str) -> list[Subject]:
    """Whoever the restored data knows under this account number or e-mail digest."""
    found = []
    user = User.objects.filter(pk=user_id).first() if user_id else None
    if user is not None and email_digest(user.email) == digest:
        found.append(Subject.for_user(user))
    emails = set()
    for source in sources():
        if source.guest_emails is not None:
            emails.update(normalise_email(e) for e in source.guest_emails() if e)
    for email in sorted(emails):
        if email_digest(email) == digest:
            found.append(Subject.for_email(email))
    return found


@transaction.atomic
def reapply_erasure(entry: dict) -> int:
    """Erase again whoever the entry names and put the entry back in the log; no e-mail, since
    the person was told when the erasure first happened. Returns how many people were found."""
    found = subjects_for(user_id=entry["user_id_erased"], digest=entry["email_digest"])
    for subject in found:
        _erase(subject, by=None)
    by_id = entry["by_id"] if User.objects.filter(pk=entry["by_id"]).exists() else None
    request_id = entry["data_request_id"]
    if request_id and not DataRequest.objects.filter(pk=request_id).exists():
        request_id = None
    record = ErasureRecord.objects.create(
        **{**entry, "by_id": by_id, "data_request_id": request_id}
    )
    log_action(actor=None, verb="privacy.person.erasure-reapplied", target=record)
    return len(found)


def restore_hook(manifest):
    """core.backup restore hook: erasures newer than the archive survive its restore."""
    pending = erasures_since(manifest.created_at)

    def finish() -> str:
        people = sum(reapply_erasure(entry) for entry in pending)
        return _("Erasures re-applied after the restore: %(count)d (people found: %(people)d).") % {
            "count": len(pending),
            "people": people,
        }

    return finish
