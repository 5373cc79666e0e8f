"""Changes to accounts. Tokens are created and revoked in tokens.py."""

from django.contrib.admin.utils import NestedObjects
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.models import AuditLogEntry

from .models import User
from .permissions import can_delete_own_account


@transaction.atomic
def update_profile(
    *, user: User, first_name: str, last_name: str, language: str | None = None
) -> User:
    values = {"first_name": first_name.strip(), "last_name": last_name.strip()}
    if language:
        values["language"] = language
    changed = sorted(field for field, value in values.items() if getattr(user, field) != value)
    if not changed:
        return user
    for field in changed:
        setattr(user, field, values[field])
    user.full_clean(validate_unique=False, validate_constraints=False)
    user.save(update_fields=changed)
    # Field names only: the log outlives the values, which are personal data.
    log_action(actor=user, verb="accounts.profile.updated", target=user, data={"fields": changed})
    return user


@transaction.atomic
def delete_account(*, user: User, by: User | None) -> None:
    """Delete the account and everything that is only theirs; shared records stay, unattributed.

    Memberships, the leader profile, e-mail addresses and API tokens cascade with the user;
    organisations they submitted and audit entries they caused stay with the user set to NULL.
    Called by privacy.erasure.erase_person, which decides who may erase whom, erases the
    person's records in every app first and tells the person.
    """
    if not can_delete_own_account(user):
        raise ValidationError(
            _(
                "Accounts with a staff role cannot be deleted here. Ask a technical administrator "
                "to remove the account, so that none of its duties is left without an owner."
            )
        )
    user_id = user.pk
    forget_names_in_audit_log(user)
    log_action(
        actor=None if by is None or by.pk == user.pk else by,
        verb="accounts.user.deleted",
        data={"user_id": user_id},
    )
    try:
        user.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(
            _(
                "Your account is linked to records the centre must keep. Please contact the "
                "centre, and we will remove the account with you."
            )
        ) from error


def forget_names_in_audit_log(user: User) -> None:
    """Entries about the user and what is deleted with them keep their verb but lose the name."""
    collector = NestedObjects(using=router.db_for_write(User))
    collector.collect([user])
    # Automatic many-to-many rows are never the target of an entry and have no content type.
    models = [model for model in collector.data if not model._meta.auto_created]
    for model, content_type in ContentType.objects.get_for_models(*models).items():
        AuditLogEntry.objects.filter(
            target_type=content_type,
            target_id__in=[str(instance.pk) for instance in collector.data[model]],
        ).update(target_repr="")
