"""Every change to organisations and memberships goes through these functions.

Decisions worth knowing:
- A registration creates a pending organisation only. Its submitter becomes an active
  representative when a moderator approves it (approve_organization creates that membership),
  so a rejected registration leaves no membership behind.
- The slug is fixed when an organisation is registered; renaming keeps its address stable.
- A submitter who edits a rejected registration sends it back to the moderation queue.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pomyslowice.accounts.permissions import emails_with_permission
from pomyslowice.core import text
from pomyslowice.core.audit import log_action
from pomyslowice.core.files import delete_file_on_commit
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.sanitize import clean_html

from .models import Membership, Organization
from .validators import (
    duplicate_identifier_errors,
    normalize_krs,
    normalize_nip,
    normalize_postal_code,
    normalize_regon,
    validate_logo,
    validate_phone,
    validate_social_url,
)

# Paths under /organizacje/ that are pages, not profiles.
RESERVED_SLUGS = frozenset(
    {"zglos", "moderacja", "edytuj", "przejmij", "opiekun", "nowa", "szukaj", "api"}
)

PROFILE_FIELDS = frozenset(Organization.PROFILE_FIELDS)
_NORMALIZERS = {
    "krs": normalize_krs,
    "nip": normalize_nip,
    "regon": normalize_regon,
    "postal_code": normalize_postal_code,
}
_SOCIAL_FIELDS = ("facebook", "instagram", "youtube", "linkedin")


# --- organisations -------------------------------------------------------------------------


@transaction.atomic
def register_organization(*, data: dict, by) -> Organization:
    """Create a profile awaiting approval; the submitter and the moderators hear about it."""
    fields = _clean_profile_data(data)
    areas = fields.pop("areas", [])
    if not _is_new_file(fields.get("logo")):
        fields.pop("logo", None)
    organization = Organization(
        **fields,
        slug=unique_slug(fields.get("name", "")),
        status=Organization.Status.PENDING,
        submitted_by=by,
    )
    _validate(organization)
    _save_checked(organization)
    organization.areas.set(areas)
    log_action(actor=by, verb="organizations.organization.registered", target=organization)
    _email(
        "registered",
        [by.email],
        {"organization": organization, "user": by},
        language=translation.get_language(),
    )
    _email("registered_staff", moderator_emails(), {"organization": organization, "user": by})
    return organization


@transaction.atomic
def update_organization(*, organization: Organization, by, changes: dict) -> Organization:
    """Apply the changes at once (edits are live) and log which fields changed."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    cleaned = _clean_profile_data(changes)
    new_areas = cleaned.pop("areas", None)
    old_logo_name = organization.logo.name
    changed = _apply_changes(organization, cleaned)
    areas_changed = new_areas is not None and {a.pk for a in new_areas} != set(
        organization.areas.values_list("pk", flat=True)
    )
    if areas_changed:
        changed.append("areas")
    resubmitted = (
        organization.status == Organization.Status.REJECTED
        and by is not None
        and organization.submitted_by_id == by.pk
    )
    if not changed and not resubmitted:
        return organization
    if resubmitted:
        organization.status = Organization.Status.PENDING
        organization.rejection_reason = ""
    _validate(organization)
    _save_checked(organization)
    if areas_changed:
        organization.areas.set(new_areas)
    if "logo" in changed and old_logo_name:
        delete_file_on_commit(organization.logo.storage, old_logo_name)
    log_action(
        actor=by,
        verb="organizations.organization.updated",
        target=organization,
        data={"fields": sorted(changed)},
    )
    if resubmitted:
        log_action(actor=by, verb="organizations.organization.resubmitted", target=organization)
        _email("registered_staff", moderator_emails(), {"organization": organization, "user": by})
    return organization


@transaction.atomic
def approve_organization(*, organization: Organization, by) -> Organization:
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.status != Organization.Status.PENDING:
        raise ValidationError(_("Only an organisation awaiting approval can be approved."))
    organization.status = Organization.Status.PUBLISHED
    organization.rejection_reason = ""
    organization.published_at = organization.published_at or timezone.now()
    organization.save(update_fields=["status", "rejection_reason", "published_at", "updated_at"])
    log_action(actor=by, verb="organizations.organization.approved", target=organization)
    submitter = organization.submitted_by
    if submitter is not None and submitter.is_active:
        _make_representative(organization=organization, user=submitter, by=by)
        _email("approved", [submitter.email], {"organization": organization, "user": submitter})
    return organization


@transaction.atomic
def reject_organization(*, organization: Organization, by, reason: str) -> Organization:
    reason = _required_reason(reason)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.status != Organization.Status.PENDING:
        raise ValidationError(_("Only an organisation awaiting approval can be rejected."))
    organization.status = Organization.Status.REJECTED
    organization.rejection_reason = reason
    organization.save(update_fields=["status", "rejection_reason", "updated_at"])
    log_action(
        actor=by,
        verb="organizations.organization.rejected",
        target=organization,
        data={"reason": reason},
    )
    submitter = organization.submitted_by
    if submitter is not None:
        _email(
            "rejected",
            [submitter.email],
            {"organization": organization, "user": submitter, "reason": reason},
        )
    return organization


@transaction.atomic
def assign_caretaker(*, organization: Organization, caretaker, by) -> Organization:
    """Name the staff member who looks after the organisation (None removes the caretaker)."""
    if caretaker is not None and not (caretaker.is_staff and caretaker.is_active):
        raise ValidationError(_("A caretaker must be an active member of the centre's staff."))
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    previous_id = organization.caretaker_id
    new_id = caretaker.pk if caretaker is not None else None
    if previous_id == new_id:
        return organization
    organization.caretaker = caretaker
    organization.save(update_fields=["caretaker", "updated_at"])
    log_action(
        actor=by,
        verb="organizations.organization.caretaker_assigned",
        target=organization,
        data={"caretaker": new_id, "previous": previous_id},
    )
    if caretaker is not None and caretaker != by:
        _email("caretaker_assigned", [caretaker.email], {"organization": organization})
    return organization


# --- claims (memberships) --------------------------------------------------------------------


@transaction.atomic
def claim_organization(*, organization: Organization, user, message: str = "") -> Membership:
    """Ask to represent a published organisation; a moderator decides."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.status != Organization.Status.PUBLISHED:
        raise ValidationError(_("Only a published organisation can be claimed."))
    membership = Membership.objects.filter(user=user, organization=organization).first()
    if membership is not None and membership.status == Membership.Status.ACTIVE:
        raise ValidationError(_("You already represent this organisation."))
    if membership is not None and membership.status == Membership.Status.PENDING:
        raise ValidationError(_("Your request to represent this organisation awaits approval."))
    if membership is None:
        membership = Membership(user=user, organization=organization)
    membership.status = Membership.Status.PENDING
    membership.message = (message or "").strip()
    membership.rejection_reason = ""
    membership.decided_at = membership.decided_by = None
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise ValidationError(
            _("Your request to represent this organisation awaits approval.")
        ) from None
    log_action(actor=user, verb="organizations.membership.claimed", target=membership)
    _email("claim_staff", moderator_emails(), {"membership": membership})
    return membership


@transaction.atomic
def approve_claim(*, membership: Membership, by) -> Membership:
    membership = _locked_pending_membership(membership)
    membership.status = Membership.Status.ACTIVE
    membership.decided_at, membership.decided_by = timezone.now(), by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    log_action(actor=by, verb="organizations.membership.approved", target=membership)
    _email("claim_approved", [membership.user.email], {"membership": membership})
    return membership


@transaction.atomic
def reject_claim(*, membership: Membership, by, reason: str) -> Membership:
    reason = _required_reason(reason)
    membership = _locked_pending_membership(membership)
    membership.status = Membership.Status.REJECTED
    membership.rejection_reason = reason
    membership.decided_at, membership.decided_by = timezone.now(), by
    membership.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
    log_action(
        actor=by,
        verb="organizations.membership.rejected",
        target=membership,
        data={"reason": reason},
    )
    _email("claim_rejected", [membership.user.email], {"membership": membership, "reason": reason})
    return membership


# --- helpers ---------------------------------------------------------------------------------


def unique_slug(name: str) -> str:
    return text.unique_slug(
        name, queryset=Organization.objects.all(), fallback="organizacja", reserved=RESERVED_SLUGS
    )


def moderator_emails() -> list[str]:
    """Addresses of everyone who may approve organisations and claims."""
    return emails_with_permission("organizations.moderate_organization")


def _clean_profile_data(data: dict) -> dict:
    """Normalise identifiers, sanitise rich text; raise every problem at once."""
    unknown = set(data) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"Not profile fields: {', '.join(sorted(unknown))}")
    cleaned, errors = dict(data), {}
    for field, normalize in _NORMALIZERS.items():
        if field not in cleaned:
            continue
        value = (cleaned[field] or "").strip()
        if not value:
            cleaned[field] = _empty_value(field)
            continue
        try:
            cleaned[field] = normalize(value)
        except ValidationError as error:
            errors[field] = error
    if cleaned.get("phone"):
        _collect(errors, "phone", validate_phone, cleaned["phone"])
    for network in _SOCIAL_FIELDS:
        if cleaned.get(network):
            _collect(errors, network, validate_social_url, network, cleaned[network])
    if _is_new_file(cleaned.get("logo")):
        _collect(errors, "logo", validate_logo, cleaned["logo"])
    if "description" in cleaned:
        cleaned["description"] = clean_html(cleaned["description"])
    if errors:
        raise ValidationError(errors)
    return cleaned


def _empty_value(field: str):
    # Unique identifiers (KRS, NIP) are NULL when missing, so many can lack one.
    return None if Organization._meta.get_field(field).null else ""


def _is_new_file(value) -> bool:
    """A fresh upload, as opposed to the stored file (kept), False (cleared) or None (none)."""
    return bool(value) and not isinstance(value, FieldFile)


def _collect(errors: dict, field: str, check, *args) -> None:
    try:
        check(*args)
    except ValidationError as error:
        errors[field] = error


def _apply_changes(organization: Organization, cleaned: dict) -> list[str]:
    changed = []
    for field, value in cleaned.items():
        if field == "logo":
            if value is False and organization.logo:
                organization.logo = None
                changed.append(field)
            elif _is_new_file(value):
                organization.logo = value
                changed.append(field)
        elif getattr(organization, field) != value:
            setattr(organization, field, value)
            changed.append(field)
    return changed


def _validate(organization: Organization) -> None:
    errors = {}
    try:
        # Uniqueness of KRS/NIP is checked below with a message naming the other organisation.
        organization.full_clean(validate_unique=False)
    except ValidationError as error:
        errors.update(error.error_dict)
    for field, error in duplicate_identifier_errors(
        krs=organization.krs, nip=organization.nip, exclude_pk=organization.pk
    ).items():
        errors.setdefault(field, []).append(error)
    if errors:
        raise ValidationError(errors)


def _save_checked(organization: Organization) -> None:
    """Save; a duplicate that slipped past validation (a concurrent save) is a ValidationError."""
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError:
        errors = duplicate_identifier_errors(
            krs=organization.krs, nip=organization.nip, exclude_pk=organization.pk
        )
        raise ValidationError(
            errors or _("Another organisation was saved with the same data meanwhile; try again.")
        ) from None


def _make_representative(*, organization: Organization, user, by) -> None:
    membership, _created = Membership.objects.update_or_create(
        user=user,
        organization=organization,
        defaults={
            "status": Membership.Status.ACTIVE,
            "rejection_reason": "",
            "decided_at": timezone.now(),
            "decided_by": by,
        },
    )
    log_action(
        actor=by,
        verb="organizations.membership.approved",
        target=membership,
        data={"via": "registration"},
    )


def _locked_pending_membership(membership: Membership) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "organization")
        .get(pk=membership.pk)
    )
    if membership.status != Membership.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    return membership


def _required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason; the person will receive it.")})
    return reason


def _email(template: str, recipients: list[str], context: dict, *, language=None) -> None:
    send_templated_email(
        template=f"organizations/email/{template}",
        to=recipients,
        context=context,
        language=language,
    )
