"""Personal data the organisations app holds: memberships, submitted organisations, leader
profiles and the support received (see privacy.registry for the contract)."""

import datetime

from django.db.models import Q, QuerySet
from django.db.models.functions import Lower, Trim
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from pomyslowice.privacy.registry import PersonalDataSource, Report, Subject, register_source

from .models import Membership, Organization, Person, SupportRecord


def iso(value: datetime.date | None) -> str | None:
    """Dates and datetimes as ISO strings for the export archive; None stays None."""
    return value.isoformat() if value else None


def _of(subject: Subject, user_field: str, email_field: str | None = None) -> Q:
    """Records linked to the subject's account or, for guests, given with their e-mail."""
    condition = Q(pk__in=[])
    if subject.user is not None:
        condition |= Q(**{user_field: subject.user})
    if email_field:
        condition |= Q(**{f"{email_field}__iexact": subject.email})
    return condition


# --- memberships -------------------------------------------------------------------------------


def export_memberships(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {
            "organization": membership.organization.name,
            "role": membership.role,
            "role_label": str(membership.get_role_display()),
            "status": membership.status,
            "status_label": str(membership.get_status_display()),
            "message": membership.message,
            "rejection_reason": membership.rejection_reason,
            "created_at": iso(membership.created_at),
            "decided_at": iso(membership.decided_at),
        }
        for membership in Membership.objects.filter(user=subject.user).select_related(
            "organization"
        )
    ]


def erase_memberships(subject: Subject) -> Report:
    if subject.user is None:
        return Report()
    erased, _by_model = Membership.objects.filter(user=subject.user).delete()
    return Report(erased=erased)


# --- organisations submitted -------------------------------------------------------------------


def export_submitted(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {
            "organization": organization.name,
            "status": organization.status,
            "status_label": str(organization.get_status_display()),
            "submitted_at": iso(organization.created_at),
        }
        for organization in Organization.objects.filter(submitted_by=subject.user)
    ]


def erase_submitted(subject: Subject) -> Report:
    # The organisation's entry is the organisation's data; only who submitted it is the person's.
    if subject.user is None:
        return Report()
    return Report(
        erased=Organization.objects.filter(submitted_by=subject.user).update(submitted_by=None)
    )


# --- leader profiles ---------------------------------------------------------------------------


def export_people(subject: Subject) -> list[dict]:
    people = Person.objects.filter(_of(subject, "user", "email")).prefetch_related(
        "areas", "organizations", "consents"
    )
    return [
        {
            "full_name": person.full_name,
            "email": person.email,
            "address_on_site": person.slug,
            "bio": person.bio,
            "skills": person.skills,
            "district": person.district.name if person.district else None,
            "areas": [area.name for area in person.areas.all()],
            "organizations": [organization.name for organization in person.organizations.all()],
            "photo": person.photo.name or None,
            "created_at": iso(person.created_at),
            "updated_at": iso(person.updated_at),
            "consents": [
                {
                    "field": consent.field,
                    "field_label": str(consent.get_field_display()),
                    "given_at": iso(consent.given_at),
                    "given_via": consent.given_via,
                    "withdrawn_at": iso(consent.withdrawn_at),
                }
                for consent in person.consents.all()
            ],
        }
        for person in people
    ]


def erase_people(subject: Subject) -> Report:
    erased = 0
    for person in Person.objects.filter(_of(subject, "user", "email")):
        if person.photo:
            person.photo.delete(save=False)
        person.delete()
        erased += 1
    return Report(erased=erased)


# --- support received --------------------------------------------------------------------------


def _support_of(subject: Subject) -> QuerySet:
    # Trimmed like reports.indicators does: " Anna@x.org" given at a service is the same person.
    return SupportRecord.objects.annotate(email_given=Lower(Trim("person_email"))).filter(
        _of(subject, "person", "email_given")
    )


def export_support(subject: Subject) -> list[dict]:
    return [
        {
            "kind": record.kind,
            "kind_label": str(record.get_kind_display()),
            "date": iso(record.date),
            "what": record.summary,
            "organization": record.organization.name if record.organization else None,
            "name_given": record.person_name,
            "email_given": record.person_email,
        }
        for record in _support_of(subject).select_related("organization")
    ]


def _identity(record: SupportRecord) -> str:
    """The person as reports.indicators tells people apart (e-mail, else account, else name)."""
    if record.person_email.strip():
        return record.person_email.strip().lower()
    if record.person_id is not None:
        return (
            record.person.email.strip().lower()
            if record.person.email.strip()
            else f"#{record.person_id}"
        )
    return record.person_name.strip().lower()


def anonymise_support(records: QuerySet) -> int:
    """Replace who received the support with a pseudonym, so the funder's indicators count the
    same distinct persons as before while nothing names the person.

    The pseudonym is a keyed hash of the identity the indicators use: stable across sources
    and re-runs (an erasure re-applied after a backup restore gives the same figures), and
    irreversible without the site's secret key.
    """
    erased = 0
    for record in records.select_related("person"):
        identity = _identity(record)
        if not identity:
            continue
        digest = salted_hmac("pomyslowice.support-pseudonym", identity).hexdigest()[:16]
        record.person = None
        record.person_email = ""
        record.person_name = f"anonim-{digest}"
        record.save(update_fields=["person", "person_email", "person_name"])
        erased += 1
    return erased


def erase_support(subject: Subject) -> Report:
    return Report(erased=anonymise_support(_support_of(subject)))


register_source(
    PersonalDataSource(
        name="organizations.memberships",
        label=_("Representing organisations"),
        export=export_memberships,
        erase=erase_memberships,
    )
)
register_source(
    PersonalDataSource(
        name="organizations.submitted",
        label=_("Organisations added to the directory"),
        export=export_submitted,
        erase=erase_submitted,
    )
)
register_source(
    PersonalDataSource(
        name="organizations.people",
        label=_("Activist or leader profile"),
        export=export_people,
        erase=erase_people,
        guest_emails=lambda: Person.objects.filter(user__isnull=True).values_list(
            "email", flat=True
        ),
    )
)
register_source(
    PersonalDataSource(
        name="organizations.support",
        label=_("Support received from the centre"),
        export=export_support,
        erase=erase_support,
        guest_emails=lambda: SupportRecord.objects.exclude(person_email="").values_list(
            "person_email", flat=True
        ),
    )
)
