"""Data protection requests handled by staff: registered, answered, closed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pomyslowice.accounts.models import User
from pomyslowice.core.audit import log_action

from .models import DataRequest
from .registry import Subject, normalise_email


def subject_for_request(data_request: DataRequest) -> Subject:
    """The account the request is about, or the one with its e-mail address, else the address."""
    user = (
        data_request.user
        or User.objects.filter(email__iexact=normalise_email(data_request.requester_email)).first()
    )
    if user is not None:
        return Subject.for_user(user)
    return Subject.for_email(data_request.requester_email)


@transaction.atomic
def register_request(
    *, kind: str, requester_name: str, requester_email: str, details: str, received_on, by: User
) -> DataRequest:
    data_request = DataRequest(
        kind=kind,
        requester_name=requester_name.strip(),
        requester_email=normalise_email(requester_email),
        details=details.strip(),
        received_on=received_on,
        created_by=by,
    )
    data_request.user = User.objects.filter(email__iexact=data_request.requester_email).first()
    data_request.full_clean(exclude=["due_on"])
    data_request.save()
    log_action(
        actor=by,
        verb="privacy.request.registered",
        target=data_request,
        data={"kind": kind},
    )
    return data_request


def log_request_action(*, data_request: DataRequest, by: User, action: str) -> None:
    """An action taken on a request that is not a change of the request itself."""
    log_action(
        actor=by,
        verb=f"privacy.request.{action}",
        target=data_request,
        data={"kind": data_request.kind},
    )


@transaction.atomic
def close_request(*, data_request: DataRequest, status: str, outcome: str, by: User) -> DataRequest:
    data_request = DataRequest.objects.select_for_update().get(pk=data_request.pk)
    if data_request.status != DataRequest.Status.OPEN:
        raise ValidationError(_("This request has already been closed."))
    if status not in (DataRequest.Status.DONE, DataRequest.Status.REFUSED):
        raise ValidationError(_("Choose whether the request was done or refused."))
    outcome = outcome.strip()
    if status == DataRequest.Status.REFUSED and not outcome:
        raise ValidationError(_("A refusal needs its reason, so that the person can contest it."))
    data_request.status = status
    data_request.outcome = outcome
    data_request.handled_by = by
    data_request.handled_at = timezone.now()
    data_request.save(update_fields=["status", "outcome", "handled_by", "handled_at"])
    log_action(
        actor=by,
        verb=f"privacy.request.{status}",
        target=data_request,
        data={"kind": data_request.kind},
    )
    _notify_requester(data_request)
    return data_request


def _notify_requester(data_request: DataRequest) -> None:
    user = data_request.user
    language = user.language if user is not None else translation.get_language()
    with translation.override(language):
        subject = _("Your data protection request on %(site)s") % {"site": settings.SITE_NAME}
        message = render_to_string(
            "privacy/email/request_closed.txt",
            {
                "SITE_NAME": settings.SITE_NAME,
                "SITE_URL": settings.SITE_URL,
                "request": data_request,
            },
        )
    recipient = data_request.requester_email
    transaction.on_commit(lambda: send_mail(subject, message, None, [recipient]), robust=True)
