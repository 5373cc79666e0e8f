"""Every change to the directory of activists and local leaders.

Nothing about a person is public without that person's consent, given field by field and kept
as history (PersonConsent rows). The centre may prepare a draft on someone's behalf, but only the
person decides, through a signed e-mail link, what of it may be shown.
"""

import hashlib
import io
from collections.abc import Iterable
from email.utils import formataddr
from uuid import uuid4

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from pomyslowice.core import text
from pomyslowice.core.audit import log_action
from pomyslowice.core.files import delete_file_on_commit
from pomyslowice.core.images import IMAGE_FORMATS, validate_image
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.sanitize import clean_html
from pomyslowice.privacy import consents as consent_register
from pomyslowice.privacy.clauses import get_purpose

from .models import Person, PersonConsent
from .permissions import CONSENT_LINK_MAX_AGE, make_consent_token

VIA_PROFILE_FORM = "profile form"
VIA_EMAIL_LINK = "e-mail link"
# The purpose in the centre's consent register (privacy.clauses) that the field consents are.
REGISTER_PURPOSE = "leader_profile"

PHOTO_MAX_SIDE = 4000

# Fixed addresses under /ludzie/ (see people_urls) that a person's slug must not shadow.
RESERVED_SLUGS = frozenset({"moj-profil", "dodaj", "oczekujace", "zgoda"})

RATE_LIMIT_WINDOW_SECONDS = 60 * 60


class RateLimitExceeded(Exception):
    """Too many messages from one address or one sender within the last hour."""


# Validation shared with the forms ---------------------------------------------------------------


def validate_single_line(value: str) -> None:
    # A line break in a name would end up in e-mail headers.
    if "\n" in value or "\r" in value:
        raise ValidationError(_("Write this on a single line."), code="multiline")


def validate_photo(file) -> None:
    validate_image(file, max_side=PHOTO_MAX_SIDE)


def _photo_without_metadata(file) -> ContentFile:
    """Re-encode the photo so no EXIF data (GPS position, camera serial) is ever published.

    The file gets a random name: an unpublished photo's address cannot be guessed.
    """
    file.seek(0)
    with Image.open(file) as original:
        image_format = original.format
        image = ImageOps.exif_transpose(original)
    save_format = "JPEG" if image_format == "MPO" else image_format
    if save_format == "JPEG" and image.mode not in {"RGB", "L"}:
        image = image.convert("RGB")
    if save_format == "WEBP" and image.mode not in {"RGB", "RGBA"}:
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, format=save_format, **({"quality": 90} if save_format != "PNG" else {}))
    return ContentFile(buffer.getvalue(), name=f"{uuid4().hex}{IMAGE_FORMATS[image_format]}")


# Own profile ----------------------------------------------------------------------------------


@transaction.atomic
def save_own_profile(
    *,
    user,
    full_name: str,
    bio: str = "",
    skills: str = "",
    areas: Iterable = (),
    organizations: Iterable = (),
    photo=None,
    remove_photo: bool = False,
    consents: Iterable[str],
) -> Person:
    """Create or update the user's leader profile and record exactly the consents ticked."""
    person = Person.objects.select_for_update().filter(user=user).first()
    created = person is None
    if created:
        person = Person(user=user, added_by=user)
    full_name = " ".join(full_name.split())
    if created or full_name != person.full_name:
        # The address follows the name: an old name should not live on in a URL.
        person.slug = unique_person_slug(full_name, exclude_pk=person.pk)
    person.full_name = full_name
    person.email = user.email
    person.bio = clean_html(bio)
    person.skills = " ".join(skills.split())
    old_photo = person.photo.name
    if photo:
        validate_photo(photo)
        person.photo = _photo_without_metadata(photo)
    elif remove_photo:
        person.photo = ""
    person.full_clean()
    person.save()
    person.areas.set(areas)
    person.organizations.set(organizations)
    if old_photo and old_photo != person.photo.name:
        delete_file_on_commit(person.photo.storage, old_photo)
    log_action(
        actor=user,
        verb="people.profile.created" if created else "people.profile.updated",
        target=person,
    )
    set_consents(person=person, fields=consents, via=VIA_PROFILE_FORM, actor=user)
    return person


@transaction.atomic
def delete_own_profile(*, user) -> None:
    """The user's right to erasure: the profile, its photo and its consents go."""
    person = Person.objects.select_for_update().filter(user=user).first()
    if person is None:
        raise ValidationError(_("You have no profile to delete."))
    _erase_person(person, actor=user, verb="people.profile.deleted")


# Consents -------------------------------------------------------------------------------------


@transaction.atomic
def set_consents(*, person: Person, fields: Iterable[str], via: str, actor) -> frozenset[str]:
    """Make exactly `fields` consented: give the new ones and withdraw the rest, at once."""
    wanted = frozenset(fields)
    unknown = wanted - set(PersonConsent.Field.values)
    if unknown:
        raise ValidationError(
            _("Unknown profile field: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    _lock(person)
    active = {consent.field: consent for consent in _active_consents(person)}
    now = timezone.now()
    for field in sorted(active.keys() - wanted):
        _withdraw(active[field], now=now, actor=actor)
    for field in sorted(wanted - active.keys()):
        PersonConsent.objects.create(person=person, field=field, given_via=via)
        log_action(
            actor=actor,
            verb="people.consent.given",
            target=person,
            data={"field": field, "via": via},
        )
    _sync_register(person, wanted, actor=actor)
    return wanted


def _sync_register(person: Person, fields: frozenset[str], *, actor) -> None:
    """One register record stands for the fields consented to, its text naming them; a change
    of the fields replaces it, no field left withdraws it."""
    Method = consent_register.Method
    active = consent_register.for_source(person).filter(purpose=REGISTER_PURPOSE).active().first()
    text = _register_text(fields) if fields else ""
    if active is not None and active.text == text:
        return
    if active is not None:
        method = Method.SUPERSEDED if fields else _withdrawal_method(person, actor)
        consent_register.withdraw_consent(record=active, by=actor, method=method)
    if fields:
        consent_register.record_consent(
            purpose=REGISTER_PURPOSE,
            user=person.user,
            email="" if person.user_id else person.email,
            source=person,
            text=text,
        )


def _register_text(fields: frozenset[str]) -> str:
    chosen = [str(label) for field, label in PersonConsent.Field.choices if field in fields]
    return f"{get_purpose(REGISTER_PURPOSE).consent_text} {_('Fields')}: {', '.join(chosen)}."


def _withdrawal_method(person: Person, actor) -> str:
    Method = consent_register.Method
    if actor is None or actor.pk == person.user_id:
        return Method.SELF_SERVICE
    return Method.STAFF


def unpublish_after_register_withdrawal(record, by) -> None:
    """The consent was withdrawn in the consent register (/konto/zgody/): nothing about the
    person stays public."""
    person = record.source
    if isinstance(person, Person):
        set_consents(person=person, fields=(), via=VIA_PROFILE_FORM, actor=by)


def register_consent_hooks() -> None:
    consent_register.on_withdrawal(REGISTER_PURPOSE, unpublish_after_register_withdrawal)


@transaction.atomic
def withdraw_consent(*, person: Person, field: str, actor) -> None:
    _lock(person)
    consent = _active_consents(person).filter(field=field).first()
    if consent is None:
        raise ValidationError(_("This consent is not active, so there is nothing to withdraw."))
    _withdraw(consent, now=timezone.now(), actor=actor)


def _withdraw(consent: PersonConsent, *, now, actor) -> None:
    consent.withdrawn_at = now
    consent.save(update_fields=["withdrawn_at"])
    log_action(
        actor=actor,
        verb="people.consent.withdrawn",
        target=consent.person,
        data={"field": consent.field},
    )


def _active_consents(person: Person):
    return PersonConsent.objects.select_related("person").filter(
        person=person, withdrawn_at__isnull=True
    )


def _lock(person: Person) -> None:
    # Serialises concurrent consent changes of one person (a no-op lock on SQLite, where
    # IMMEDIATE transactions already serialise writers).
    Person.objects.select_for_update().filter(pk=person.pk).exists()


# Drafts added by the centre -------------------------------------------------------------------


@transaction.atomic
def create_draft_person(
    *,
    by,
    full_name: str,
    email: str,
    bio: str = "",
    skills: str = "",
    areas: Iterable = (),
    organizations: Iterable = (),
    photo=None,
) -> Person:
    """An unpublished profile prepared by staff; the person gets a link to decide about it."""
    email = email.strip()
    if Person.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email)).exists():
        raise ValidationError(
            {"email": _("Someone with this e-mail address is already in the directory or invited.")}
        )
    full_name = " ".join(full_name.split())
    person = Person(
        full_name=full_name,
        slug=unique_person_slug(full_name),
        email=email,
        bio=clean_html(bio),
        skills=" ".join(skills.split()),
        added_by=by,
    )
    if photo:
        validate_photo(photo)
        person.photo = _photo_without_metadata(photo)
    person.full_clean()
    person.save()
    person.areas.set(areas)
    person.organizations.set(organizations)
    log_action(actor=by, verb="people.person.draft-created", target=person)
    _queue_consent_link(person, template="invitation")
    return person


@transaction.atomic
def resend_consent_link(*, person: Person, by) -> None:
    """A fresh 30-day link for a draft whose person has not answered yet."""
    if person.user_id is not None or person.consents.exists():
        raise ValidationError(_("This person has already answered; there is nothing to resend."))
    log_action(actor=by, verb="people.person.link-resent", target=person)
    _queue_consent_link(person, template="invitation")


@transaction.atomic
def discard_draft(*, person: Person, by) -> None:
    """Staff give up on a draft nobody answered, so its data is not kept without purpose."""
    if person.user_id is not None or person.consents.exists():
        raise ValidationError(_("Only a draft nobody has answered can be discarded."))
    _erase_person(person, actor=by, verb="people.person.draft-discarded")


@transaction.atomic
def confirm_consent_from_link(*, person: Person, fields: Iterable[str]) -> frozenset[str]:
    """The person's own choice, made through the signed link they received by e-mail."""
    fields = frozenset(fields)
    if not fields:
        raise ValidationError(
            _("Tick what may be shown, or use the button below to delete your data.")
        )
    if PersonConsent.Field.NAME not in fields:
        raise ValidationError(
            _("Nothing can be shown without your name. Tick it too, or delete your data below.")
        )
    return set_consents(person=person, fields=fields, via=VIA_EMAIL_LINK, actor=None)


@transaction.atomic
def decline_draft(*, person: Person) -> None:
    """The person said no (or no longer wants to be listed): everything about them is deleted."""
    if person.user_id is not None:
        raise ValidationError(_("This profile belongs to an account; delete it after logging in."))
    _erase_person(person, actor=None, verb="people.person.declined")


@transaction.atomic
def request_manage_link(*, email: str, client_key: str) -> None:
    """E-mail a fresh link to whoever is listed under this address; silent if nobody is.

    The answer on the page is the same either way, so nobody learns who is in the directory.
    """
    _consume_rate_limit("link", [client_key, email.strip().lower()])
    person = (
        Person.objects.filter(
            Q(user__isnull=True, email__iexact=email.strip()) | Q(user__email__iexact=email.strip())
        )
        .select_related("user")
        .first()
    )
    if person is None:
        return
    log_action(actor=None, verb="people.person.link-requested", target=person)
    if person.user_id is not None:
        _queue_email(
            template="account_profile",
            context={"person": person, "link": _manage_url(person)},
            to=[person.user.email],
        )
    else:
        _queue_consent_link(person, template="manage_link")


# Contact form ---------------------------------------------------------------------------------


@transaction.atomic
def send_contact_message(
    *, person: Person, sender_name: str, sender_email: str, message: str, client_key: str
) -> None:
    """Forward a message to the person without showing their address; the text is not stored."""
    if not person.consents.filter(
        field=PersonConsent.Field.CONTACT, withdrawn_at__isnull=True
    ).exists():
        raise ValidationError(_("This person does not accept messages."))
    sender_name = sender_name.strip()
    validate_single_line(sender_name)
    validate_email(sender_email)
    if not message.strip():
        raise ValidationError(_("Write a message."))
    _consume_rate_limit("contact", [client_key, sender_email.strip().lower()])
    _queue_email(
        template="contact_message",
        context={
            "person": person,
            "sender_name": sender_name,
            "message": message,
            "manage_link": _manage_url(person),
        },
        to=[_person_address(person)],
        reply_to=[formataddr((sender_name, sender_email.strip()))],
    )
    # Who wrote and what stays private; the log only shows that the form was used.
    log_action(actor=None, verb="people.person.contacted", target=person)


def _consume_rate_limit(scope: str, identities: list[str]) -> None:
    """Count one use for each identity; raise when any of them reached the hourly limit."""
    limit = getattr(settings, "CONTACT_RATE_LIMIT", 5)
    # Hashed, so the cache (possibly on disk) holds no e-mail or IP addresses.
    keys = [f"people:{scope}:{hashlib.sha256(i.encode()).hexdigest()}" for i in identities]
    counts = cache.get_many(keys)
    if any(counts.get(key, 0) >= limit for key in keys):
        raise RateLimitExceeded
    for key in keys:
        if not cache.add(key, 1, RATE_LIMIT_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, RATE_LIMIT_WINDOW_SECONDS)


# Helpers --------------------------------------------------------------------------------------


def unique_person_slug(full_name: str, *, exclude_pk: int | None = None) -> str:
    return text.unique_slug(
        full_name,
        queryset=Person.objects.exclude(pk=exclude_pk),
        fallback="osoba",
        reserved=RESERVED_SLUGS,
    )


def _erase_person(person: Person, *, actor, verb: str) -> None:
    pk = person.pk
    consent_register.withdraw_for_source(
        source=person,
        purpose=REGISTER_PURPOSE,
        by=actor,
        method=_withdrawal_method(person, actor),
    )
    # Earlier log entries keep the fact that something happened, but no longer the name.
    AuditLogEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(Person), target_id=str(pk)
    ).update(target_repr=f"#{pk}")
    person.delete()
    log_action(actor=actor, verb=verb, data={"person_id": pk})


def _person_address(person: Person) -> str:
    return person.user.email if person.user_id is not None else person.email


def _manage_url(person: Person) -> str:
    """Where the person changes their consent: their account, or a request for a new link."""
    name = "people:my-profile" if person.user_id is not None else "people:consent-request"
    with translation.override(settings.LANGUAGE_CODE):
        return _absolute_url(reverse(name))


def _absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _queue_consent_link(person: Person, *, template: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("people:consent", kwargs={"token": make_consent_token(person)})
    _queue_email(
        template=template,
        context={
            "person": person,
            "link": _absolute_url(path),
            "valid_days": CONSENT_LINK_MAX_AGE.days,
        },
        to=[person.email],
    )


def _queue_email(*, template: str, context: dict, to: list[str], reply_to=None) -> None:
    send_templated_email(
        template=f"organizations/people/email/{template}", to=to, context=context, reply_to=reply_to
    )
