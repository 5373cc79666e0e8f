"""The personal data of the account itself and of the privacy app: the account's fields, its
e-mail addresses, API tokens and second factors, the consent register and data requests.

The user row itself is deleted by privacy.erasure after every source has run; the account source
removes what hangs on it, so that the report counts it."""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from pomyslowice.accounts.models import ApiToken

from .models import ConsentRecord, DataRequest
from .registry import Kept, PersonalDataSource, Report, Subject, register_source

# Art. 5(2) GDPR: the centre must be able to show how it answered; claims about it lapse after
# the general limitation period of civil claims (art. 118 of the Civil Code).
REQUEST_KEPT_YEARS = 6


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_account(subject: Subject) -> list[dict]:
    user = subject.user
    if user is None:
        return []
    return [
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "birth_date": _when(user.birth_date),
            "language": user.language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
            # Names and dates only: a token's hash is a secret even if it cannot be reversed.
            "api_tokens": [
                {
                    "name": token.name,
                    "created_at": _when(token.created_at),
                    "last_used_at": _when(token.last_used_at),
                    "revoked_at": _when(token.revoked_at),
                }
                for token in ApiToken.objects.filter(user=user).order_by("pk")
            ],
            "second_factors": [
                {
                    "type": authenticator.type,
                    "created_at": _when(authenticator.created_at),
                    "last_used_at": _when(authenticator.last_used_at),
                }
                for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
            ],
        }
    ]


def erase_account(subject: Subject) -> Report:
    user = subject.user
    if user is None or user.pk is None:
        return Report()
    erased = 1  # the account itself, deleted after all sources have run
    for model in (EmailAddress, ApiToken, Authenticator):
        erased += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return Report(erased=erased)


def _consents_of(subject: Subject):
    people = Q(email__iexact=subject.email)
    if subject.user is not None and subject.user.pk is not None:
        people |= Q(user=subject.user)
    return ConsentRecord.objects.filter(people)


def export_consents(subject: Subject) -> list[dict]:
    return [
        {
            "purpose": record.purpose,
            "version": record.version,
            "text": record.text,
            "language": record.language,
            "given_at": _when(record.given_at),
            "withdrawn_at": _when(record.withdrawn_at),
            "withdrawal_method": record.withdrawal_method,
        }
        for record in _consents_of(subject).order_by("given_at", "pk")
    ]


def erase_consents(subject: Subject) -> Report:
    # A consent record names the person; once they are erased there is nobody left to whom
    # it could be shown, and the erasure log records that the consents ended with it.
    deleted, _per_model = _consents_of(subject).delete()
    return Report(erased=deleted)


def _requests_of(subject: Subject):
    people = Q(requester_email__iexact=subject.email)
    if subject.user is not None and subject.user.pk is not None:
        people |= Q(user=subject.user)
    return DataRequest.objects.filter(people)


def export_requests(subject: Subject) -> list[dict]:
    return [
        {
            "kind": request.kind,
            "status": request.status,
            "requester_name": request.requester_name,
            "requester_email": request.requester_email,
            "details": request.details,
            "received_on": _when(request.received_on),
            "due_on": _when(request.due_on),
            "handled_at": _when(request.handled_at),
            "outcome": request.outcome,
        }
        for request in _requests_of(subject).order_by("received_on", "pk")
    ]


def erase_requests(subject: Subject) -> Report:
    requests = list(_requests_of(subject).order_by("received_on", "pk"))
    _requests_of(subject).update(user=None)
    return Report(kept=[_kept_request(request) for request in requests])


def _kept_request(request: DataRequest) -> Kept:
    received = formats.date_format(request.received_on, "DATE_FORMAT")
    return Kept(
        what=_("Your data protection request of %(date)s (%(kind)s)")
        % {"date": received, "kind": request.get_kind_display()},
        why=_(
            "Art. 5(2) GDPR: the centre must be able to show how it answered the request; it is "
            "kept until claims about it lapse."
        ),
        until=request.received_on + datetime.timedelta(days=round(365.25 * REQUEST_KEPT_YEARS)),
    )


register_source(
    PersonalDataSource(
        name="accounts.account",
        label=_("Your account"),
        export=export_account,
        erase=erase_account,
    )
)
register_source(
    PersonalDataSource(
        name="privacy.consents",
        label=_("Consents you gave"),
        export=export_consents,
        erase=erase_consents,
        guest_emails=lambda: ConsentRecord.objects.exclude(email="").values_list(
            "email", flat=True
        ),
    )
)
register_source(
    PersonalDataSource(
        name="privacy.requests",
        label=_("Your data protection requests"),
        export=export_requests,
        erase=erase_requests,
        guest_emails=lambda: DataRequest.objects.values_list("requester_email", flat=True),
    )
)
