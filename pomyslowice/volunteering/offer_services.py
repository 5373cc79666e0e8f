"""Every change to a volunteer offer goes through these functions.

Decisions worth knowing:
- Life of an offer: draft → review → published → filled / closed. A host's offer is published by
  the centre's caretaker after review; the caretaker's own offers (posted for a host) are
  published as soon as they are submitted (the host is told either way). A returned offer is a
  draft again, with the note.
- Expiry is not a status: `Offer.objects.open()` leaves out offers past `expires_on` when read,
  so nothing has to run at midnight.
- "Filled" follows the accepted applications (`refresh_filled`), called by the application
  services whenever one is accepted or stops counting, and here when the places change.
- A host edits a published offer without a new review: the caretaker can return it at any time.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.accounts.models import User
from pomyslowice.accounts.permissions import emails_with_permission
from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.sanitize import clean_html
from pomyslowice.core.text import unique_slug
from pomyslowice.organizations.models import Membership, Organization

from . import permissions
from .models import SHORT_ENGAGEMENT_DAYS, Application, Offer

REVIEW_PERMISSION = "volunteering.review_offer"
# Words of the offers' own addresses under oferty/ that no offer may take as its slug.
RESERVED_SLUGS = frozenset({"nowa"})
MIN_AGE, MAX_AGE = 6, 99

# Fields a host fills in; the rest (status, dates of publication, review note) are the workflow's.
CONTENT_FIELDS = (
    "title",
    "description",
    "tasks",
    "district",
    "address",
    "is_remote",
    "schedule",
    "starts_on",
    "ends_on",
    "schedule_note",
    "availability",
    "duration",
    "places",
    "min_age",
    "works_with_children",
    "offers_training",
    "covers_travel",
    "offers_certificate",
    "offers_other",
    "contact_person",
    "contact_phone",
    "expires_on",
)
RELATION_FIELDS = ("skills", "areas")
EDITABLE_STATUSES = (
    Offer.Status.DRAFT,
    Offer.Status.REVIEW,
    Offer.Status.PUBLISHED,
    Offer.Status.FILLED,
)


# --- rules -------------------------------------------------------------------------------------


def _check_dates(offer: Offer) -> None:
    errors = {}
    if offer.starts_on and offer.ends_on and offer.ends_on < offer.starts_on:
        errors["ends_on"] = _("The offer cannot end before it starts.")
    elif offer.schedule == Offer.Schedule.ONE_OFF and not offer.starts_on:
        errors["starts_on"] = _("Give the date of a one-off offer.")
    elif (
        offer.duration == Offer.Duration.SHORT
        and offer.starts_on
        and offer.ends_on
        and (offer.ends_on - offer.starts_on).days + 1 > SHORT_ENGAGEMENT_DAYS
    ):
        errors["ends_on"] = _(
            "These dates span more than %(days)s days: choose “longer than %(days)s days” "
            "as the duration, or shorten the period."
        ) % {"days": SHORT_ENGAGEMENT_DAYS}
    if errors:
        raise ValidationError(errors, code="invalid")


def _check_numbers(offer: Offer) -> None:
    errors = {}
    if offer.places is None or offer.places < 1:
        errors["places"] = _("An offer needs at least one place.")
    if offer.min_age is None or not MIN_AGE <= offer.min_age <= MAX_AGE:
        errors["min_age"] = _("The minimum age must be between %(low)s and %(high)s.") % {
            "low": MIN_AGE,
            "high": MAX_AGE,
        }
    if errors:
        raise ValidationError(errors, code="invalid")


def _check_not_expired(offer: Offer, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    if offer.expires_on and offer.expires_on < today:
        raise ValidationError(
            {"expires_on": _("The offer's validity date has passed: set a later date first.")},
            code="expired",
        )


def _check_host(host: Organization, by) -> None:
    if not permissions.offer_host_choices(by).filter(pk=host.pk).exists():
        raise ValidationError(
            {"host": _("You can post offers only for an organisation you represent.")},
            code="not-a-host",
        )


def _host_people(host: Organization):
    return User.objects.filter(
        memberships__organization=host,
        memberships__status=Membership.Status.ACTIVE,
        is_active=True,
    )


def _check_contact(offer: Offer, by) -> None:
    contact = offer.contact_person
    if contact is None or contact.pk == by.pk:
        return
    if not _host_people(offer.host).filter(pk=contact.pk).exists():
        raise ValidationError(
            {"contact_person": _("The contact person must represent the host organisation.")},
            code="invalid",
        )


def check_rules(offer: Offer) -> None:
    """The offer's own rules (dates, duration, places, age), whoever writes it."""
    _check_dates(offer)
    _check_numbers(offer)
    # Not the workflow's fields: a slug is given on the first save, authors may be gone.
    offer.full_clean(exclude=["slug", "created_by"], validate_constraints=False)


def _validate(offer: Offer, by) -> None:
    _check_host(offer.host, by)
    _check_contact(offer, by)
    check_rules(offer)


def _apply(offer: Offer, data: dict, by) -> None:
    for name in CONTENT_FIELDS:
        if name in data:
            value = data[name]
            setattr(offer, name, value.strip() if isinstance(value, str) else value)
    offer.description = clean_html(offer.description)
    # No contact chosen means the person filling in the form, if they represent the host.
    if offer.contact_person is None and _host_people(offer.host).filter(pk=by.pk).exists():
        offer.contact_person = by


def _set_relations(offer: Offer, data: dict) -> None:
    for name in RELATION_FIELDS:
        if name in data:
            getattr(offer, name).set(data[name])


def _locked(offer: Offer) -> Offer:
    return (
        Offer.objects.select_for_update(of=("self",))
        .select_related("host", "contact_person")
        .get(pk=offer.pk)
    )


def _require_editor(offer: Offer, by) -> None:
    if not permissions.can_edit_offer(by, offer):
        raise ValidationError(_("You may not change this offer."), code="forbidden")


def _require_reviewer(by) -> None:
    if not permissions.can_review_offers(by):
        raise ValidationError(
            _("Only the centre's volunteer caretaker may do this."), code="forbidden"
        )


# --- e-mails -----------------------------------------------------------------------------------


def host_emails(offer: Offer) -> list[str]:
    """Who hears about the offer: its contact person and the host's active representatives; the
    organisation's own address when it has no one with an account."""
    people = _host_people(offer.host)
    if offer.contact_person_id:
        people = User.objects.filter(Q(pk__in=people.values("pk")) | Q(pk=offer.contact_person_id))
    addresses = sorted(set(people.exclude(email="").values_list("email", flat=True)))
    return addresses or [offer.host.email]


def _tell_host(offer: Offer, template: str, language: str | None) -> None:
    send_templated_email(
        template=f"volunteering/offers/email/{template}",
        to=host_emails(offer),
        context={"offer": offer},
        language=language,
    )


# --- writes ------------------------------------------------------------------------------------


@transaction.atomic
def create_offer(*, host: Organization, data: dict, by) -> Offer:
    """A draft for `host`; the contact person is the author unless another one is chosen."""
    offer = Offer(host=host, created_by=by, status=Offer.Status.DRAFT)
    _apply(offer, data, by)
    _validate(offer, by)
    offer.slug = unique_slug(
        offer.title, queryset=Offer.objects.all(), fallback="oferta", reserved=RESERVED_SLUGS
    )
    offer.save()
    _set_relations(offer, data)
    log_action(actor=by, verb="volunteering.offer.created", target=offer, data={"host": host.slug})
    return offer


@transaction.atomic
def update_offer(*, offer: Offer, data: dict, by) -> Offer:
    offer = _locked(offer)
    _require_editor(offer, by)
    if offer.status not in EDITABLE_STATUSES:
        raise ValidationError(_("A closed offer cannot be changed."), code="closed")
    old_expiry = offer.expires_on
    if "host" in data:
        offer.host = data["host"]
    _apply(offer, data, by)
    _validate(offer, by)
    if offer.expires_on != old_expiry and offer.status != Offer.Status.DRAFT:
        _check_not_expired(offer)
    offer.save()
    _set_relations(offer, data)
    log_action(actor=by, verb="volunteering.offer.updated", target=offer)
    refresh_filled(offer=offer, by=by)
    return offer


def _publish(offer: Offer, by) -> None:
    """Publish a locked offer; the caller checked who may."""
    _check_not_expired(offer)
    offer.status = Offer.Status.PUBLISHED
    offer.review_note = ""
    offer.published_at = timezone.now()
    offer.save(update_fields=["status", "review_note", "published_at", "updated_at"])
    log_action(actor=by, verb="volunteering.offer.published", target=offer)


@transaction.atomic
def submit_offer(*, offer: Offer, by, language: str | None = None) -> Offer:
    """A draft goes to review; the caretaker's own submission publishes it at once."""
    offer = _locked(offer)
    _require_editor(offer, by)
    if offer.status != Offer.Status.DRAFT:
        raise ValidationError(_("Only a draft can be sent for review."), code="not-a-draft")
    _validate(offer, by)
    _check_not_expired(offer)
    if permissions.can_review_offers(by):
        _publish(offer, by)
        _tell_host(offer, "offer_published", language)
        return offer
    offer.status = Offer.Status.REVIEW
    offer.save(update_fields=["status", "updated_at"])
    log_action(actor=by, verb="volunteering.offer.submitted", target=offer)
    send_templated_email(
        template="volunteering/offers/email/offer_submitted",
        to=emails_with_permission(REVIEW_PERMISSION),
        context={"offer": offer, "by": by},
        language=language,
    )
    return offer


@transaction.atomic
def publish_offer(*, offer: Offer, by, language: str | None = None) -> Offer:
    _require_reviewer(by)
    offer = _locked(offer)
    if offer.status not in (Offer.Status.DRAFT, Offer.Status.REVIEW):
        raise ValidationError(
            _("Only a draft or an offer awaiting review can be published."), code="status"
        )
    check_rules(offer)
    _publish(offer, by)
    _tell_host(offer, "offer_published", language)
    return offer


@transaction.atomic
def return_offer(*, offer: Offer, by, note: str, language: str | None = None) -> Offer:
    """Back to the host as a draft (out of sight), with the caretaker's note on what to change."""
    _require_reviewer(by)
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Tell the host what to change.")}, code="required")
    offer = _locked(offer)
    if offer.status not in (Offer.Status.REVIEW, Offer.Status.PUBLISHED, Offer.Status.FILLED):
        raise ValidationError(
            _("Only an offer awaiting review or published can be returned."), code="status"
        )
    offer.status = Offer.Status.DRAFT
    offer.review_note = note
    offer.save(update_fields=["status", "review_note", "updated_at"])
    log_action(actor=by, verb="volunteering.offer.returned", target=offer, data={"note": note})
    _tell_host(offer, "offer_returned", language)
    return offer


@transaction.atomic
def close_offer(*, offer: Offer, by) -> Offer:
    """No more applications; engagements already agreed go on."""
    offer = _locked(offer)
    _require_editor(offer, by)
    if offer.status == Offer.Status.CLOSED:
        raise ValidationError(_("The offer is already closed."), code="closed")
    previous = offer.status
    offer.status = Offer.Status.CLOSED
    offer.save(update_fields=["status", "updated_at"])
    log_action(
        actor=by, verb="volunteering.offer.closed", target=offer, data={"previous": previous}
    )
    return offer


@transaction.atomic
def refresh_filled(*, offer: Offer, by=None) -> Offer:
    """Filled once the accepted applications reach the places; published again when a place
    frees (an accepted volunteer withdrew, or the host added places). Other statuses stay."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    accepted = offer.applications.filter(status=Application.Status.ACCEPTED).count()
    if offer.status == Offer.Status.PUBLISHED and accepted >= offer.places:
        new_status = Offer.Status.FILLED
    elif offer.status == Offer.Status.FILLED and accepted < offer.places:
        new_status = Offer.Status.PUBLISHED
    else:
        return offer
    offer.status = new_status
    offer.save(update_fields=["status", "updated_at"])
    log_action(
        actor=by,
        verb=f"volunteering.offer.{'filled' if new_status == Offer.Status.FILLED else 'reopened'}",
        target=offer,
        data={"accepted": accepted, "places": offer.places},
    )
    return offer
