"""The consent register: every consent given on the platform, in the wording and version agreed
to, and its withdrawal. Apps record consents here from their own services; a withdrawal made
here (on /konto/zgody/ or by staff) has its consequence in the app that owns the data, through a
callback the app registers in its AppConfig.ready():

    on_withdrawal("leader_profile", unpublish_after_withdrawal)   # callback(record, by)

The audit log records that a consent was given or withdrawn and for which purpose, never who or
in which words (the record itself holds that).
"""

from collections import defaultdict
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action

from .clauses import get_purpose
from .models import ConsentRecord

Method = ConsentRecord.WithdrawalMethod

_withdrawal_callbacks: dict[str, list[Callable]] = defaultdict(list)


def on_withdrawal(purpose: str, callback: Callable) -> None:
    """Call `callback(record, by)` inside the transaction that withdraws a consent to `purpose`."""
    get_purpose(purpose)
    if callback not in _withdrawal_callbacks[purpose]:
        _withdrawal_callbacks[purpose].append(callback)


@transaction.atomic
def record_consent(
    *, purpose: str, user=None, email: str = "", source=None, text=None, language=None
) -> ConsentRecord:
    """Record a consent as given now. `text` defaults to the purpose's current wording; a text
    given by the app (e.g. the organiser's consent for one event) is stored as it was shown."""
    clause = get_purpose(purpose)
    if not clause.needs_consent:
        raise ValueError(f"{purpose!r} is not processed on the basis of consent")
    if user is not None and not user.is_authenticated:
        user = None
    record = ConsentRecord(
        user=user,
        email="" if user is not None else email.strip().lower(),
        purpose=purpose,
        version=clause.version,
        text=str(text if text is not None else clause.consent_text).strip(),
        language=language or translation.get_language() or "pl",
    )
    if source is not None:
        record.source = source
    record.full_clean()
    record.save()
    log_action(
        actor=user,
        verb="privacy.consent.given",
        target=record,
        data={"purpose": purpose, "version": clause.version},
    )
    return record


@transaction.atomic
def withdraw_consent(*, record: ConsentRecord, by, method: str) -> ConsentRecord:
    """Withdraw one consent and carry out its consequence in the app that owns the data."""
    record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
    if not record.is_active:
        raise ValidationError(_("This consent has already been withdrawn."), code="withdrawn")
    record.withdrawn_at = timezone.now()
    record.withdrawal_method = method
    record.withdrawn_by = by if by is not None and by.is_authenticated else None
    record.save(update_fields=["withdrawn_at", "withdrawal_method", "withdrawn_by"])
    log_action(
        actor=by,
        verb="privacy.consent.withdrawn",
        target=record,
        data={"purpose": record.purpose, "method": method},
    )
    # A superseded consent lives on in its successor, so nothing is to be undone.
    if method != Method.SUPERSEDED:
        for callback in _withdrawal_callbacks.get(record.purpose, []):
            callback(record, by)
    return record


@transaction.atomic
def withdraw_for_source(*, source, purpose: str, by, method: str) -> int:
    """Withdraw the active consents that came with `source`, when the app withdrew them itself
    (e.g. a leader unpublished their profile). Returns how many were withdrawn."""
    records = list(for_source(source).filter(purpose=purpose).active())
    for record in records:
        withdraw_consent(record=record, by=by, method=method)
    return len(records)


@transaction.atomic
def withdraw_all(*, user=None, email: str = "", method: str, by=None) -> int:
    """Withdraw every active consent of an account or an e-mail address (used by erasure)."""
    if user is None and not email.strip():
        raise ValueError("withdraw_all needs a user or an e-mail address")
    records = list(active_consents(user=user, email=email))
    for record in records:
        withdraw_consent(record=record, by=by, method=method)
    return len(records)


def active_consents(*, user=None, email: str = "", purpose: str | None = None):
    """The active consents of an account and of the address it (or a guest) gave."""
    records = ConsentRecord.objects.active()
    records = records.filter(_person_filter(user=user, email=email))
    if purpose is not None:
        records = records.filter(purpose=purpose)
    return records


def for_source(source):
    return ConsentRecord.objects.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=str(source.pk)
    )


def _person_filter(*, user, email: str):
    condition = Q(pk__in=[])
    if user is not None:
        condition |= Q(user=user) | Q(user__isnull=True, email__iexact=user.email)
    if email.strip():
        condition |= Q(email__iexact=email.strip())
    return condition
