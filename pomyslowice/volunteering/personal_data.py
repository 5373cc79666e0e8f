"""Personal data volunteering holds: the volunteer profile, applications with the engagements,
agreements, hours and certificates that follow, offers naming a contact person, and the
initiative group's members (see privacy.registry for the contract)."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.personal_data import iso
from pomyslowice.privacy.registry import (
    Kept,
    PersonalDataSource,
    Report,
    Subject,
    register_source,
)

from .models import Application, Engagement, GroupMember, Offer, VolunteerProfile

# Agreements (art. 44), hours behind certificates (art. 44 ust. 5) and guardians' consents of
# the Act of 24 April 2003 on public benefit and volunteer work, and accountability to funders:
# kept 5 years after the end of the year the engagement ended.
VOLUNTEER_RECORDS_YEARS = 5


# --- volunteer profile -------------------------------------------------------------------------


def export_profile(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    profiles = VolunteerProfile.objects.filter(user=subject.user).prefetch_related(
        "skills", "areas", "consents"
    )
    return [
        {
            "about": profile.about,
            "skills": [skill.name for skill in profile.skills.all()],
            "interests": [area.name for area in profile.areas.all()],
            "availability": [list(slot) for slot in profile.availability_slots],
            "district": profile.district.name if profile.district else None,
            "travels": profile.travels,
            "languages": profile.languages,
            "experience": profile.experience,
            "phone": profile.phone,
            "visible_to_hosts": profile.visible_to_hosts,
            "show_name": profile.show_name,
            "show_contact": profile.show_contact,
            "show_experience": profile.show_experience,
            "weekly_digest": profile.digest,
            "created_at": iso(profile.created_at),
            "updated_at": iso(profile.updated_at),
            "consents": [
                {
                    "purpose": consent.purpose,
                    "purpose_label": str(consent.get_purpose_display()),
                    "wording": consent.wording,
                    "given_at": iso(consent.given_at),
                    "withdrawn_at": iso(consent.withdrawn_at),
                }
                for consent in profile.consents.all()
            ],
        }
        for profile in profiles
    ]


def erase_profile(subject: Subject) -> Report:
    if subject.user is None:
        return Report()
    profiles = VolunteerProfile.objects.filter(user=subject.user)
    count = profiles.count()
    profiles.delete()
    return Report(erased=count)


# --- applications and engagements --------------------------------------------------------------


def export_applications(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    applications = (
        Application.objects.filter(volunteer=subject.user)
        .select_related("offer__host", "engagement__guardian_consent")
        .prefetch_related(
            "engagement__agreements", "engagement__hours", "engagement__certificate_requests"
        )
    )
    return [_application_record(application) for application in applications]


def _application_record(application: Application) -> dict:
    engagement = getattr(application, "engagement", None)
    return {
        "offer": application.offer.title,
        "host": application.offer.host.name,
        "message": application.message,
        "status": application.status,
        "status_label": str(application.get_status_display()),
        "reason": application.reason,
        "sent_at": iso(application.created_at),
        "decided_at": iso(application.decided_at),
        "withdrawn_at": iso(application.withdrawn_at),
        "engagement": _engagement_record(engagement) if engagement else None,
    }


def _engagement_record(engagement: Engagement) -> dict:
    consent = getattr(engagement, "guardian_consent", None)
    return {
        "from": iso(engagement.starts_on),
        "until": iso(engagement.ends_on),
        "status": engagement.status,
        "status_label": str(engagement.get_status_display()),
        "end_reason": engagement.end_reason,
        "health_and_safety_information": engagement.safety_information,
        "health_and_safety_acknowledged_at": iso(engagement.safety_informed_at),
        "travel_costs": engagement.travel_costs,
        "insurer": engagement.insurer,
        "insurance_policy": engagement.insurance_policy,
        "insured_until": iso(engagement.insured_until),
        "register_checked_on": iso(engagement.register_checked_on),
        "register_result": engagement.register_result,
        "guardian_consent": (
            {
                "guardian_name": consent.guardian_name,
                "relationship": consent.relationship,
                "method": consent.method,
                "method_label": str(consent.get_method_display()),
                "given_on": iso(consent.given_on),
                "signed_form": consent.signed_form.name or None,
            }
            if consent
            else None
        ),
        "agreements": [
            {
                "version": agreement.version,
                "volunteer_name": agreement.volunteer_name,
                "guardian_name": agreement.guardian_name,
                "scope": agreement.scope,
                "manner": agreement.manner,
                "from": iso(agreement.starts_on),
                "until": iso(agreement.ends_on),
                "termination": agreement.termination,
                "travel_costs": agreement.travel_costs,
                "host_signatory": agreement.host_signatory,
                "confirmed_by_host_at": iso(agreement.host_confirmed_at),
                "confirmed_by_volunteer_at": iso(agreement.volunteer_confirmed_at),
            }
            for agreement in engagement.agreements.all()
        ],
        "hours": [
            {
                "date": iso(entry.date),
                "hours": str(entry.hours),
                "what": entry.description,
                "status": entry.status,
                "status_label": str(entry.get_status_display()),
                "host_note": entry.review_note,
            }
            for entry in engagement.hours.all()
        ],
        "certificates": [
            {
                "kind": request.kind,
                "kind_label": str(request.get_kind_display()),
                "requested_at": iso(request.requested_at),
                "issued_at": iso(request.issued_at),
                "opinion": request.opinion,
            }
            for request in engagement.certificate_requests.all()
        ],
    }


def records_outlive_account() -> bool:
    """Whether an engagement's legal records stay once the volunteer's account is deleted:
    Application.volunteer is nullable with SET_NULL for exactly that."""
    return Application._meta.get_field("volunteer").null


def _kept_until(engagement: Engagement) -> datetime.date:
    ended = engagement.ends_on or (
        timezone.localdate(engagement.ended_at) if engagement.ended_at else timezone.localdate()
    )
    return datetime.date(ended.year + VOLUNTEER_RECORDS_YEARS, 12, 31)


def _end_open_engagements(applications) -> None:
    # Nobody is left to volunteer, be insured or confirm hours: what is still open ends now, so
    # the kept records are final and the host cannot act on them as if the person were there.
    Engagement.objects.filter(
        application__in=applications,
        status__in=[Engagement.Status.PREPARING, Engagement.Status.ACTIVE],
    ).update(
        status=Engagement.Status.ENDED,
        ended_at=timezone.now(),
        end_reason=str(_("The volunteer's account was erased.")),
    )


def erase_applications(subject: Subject) -> Report:
    """Applications that never became an engagement go; an engagement's legal records stay
    (detached from the account, the name kept on the agreement) for the period the law and
    the funders require."""
    if subject.user is None:
        return Report()
    applications = Application.objects.filter(volunteer=subject.user)
    without_engagement = applications.filter(engagement__isnull=True)
    report = Report(erased=without_engagement.count())
    without_engagement.delete()
    report.erased += applications.exclude(message="", reason="").update(message="", reason="")
    if records_outlive_account():
        _end_open_engagements(applications)
        engaged = applications.select_related("offer__host", "engagement")
        report.kept = [_kept(application.engagement) for application in engaged]
        applications.update(volunteer=None)
    return report


def _kept(engagement: Engagement) -> Kept:
    return Kept(
        what=_(
            "Records of your volunteering at %(host)s (“%(offer)s”): the agreement, hours, "
            "certificates and any guardian's consent"
        )
        % {"host": engagement.offer.host.name, "offer": engagement.offer.title},
        why=_(
            "The Act of 24 April 2003 on public benefit and volunteer work (art. 44: the "
            "agreement, art. 44 ust. 5: the certificate) and accountability to the funders of "
            "the project: kept for 5 years after the end of the year the volunteering ended."
        ),
        until=_kept_until(engagement),
    )


# --- offers naming the person as contact -------------------------------------------------------


def export_offer_contacts(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {
            "offer": offer.title,
            "host": offer.host.name,
            "contact_phone": offer.contact_phone,
        }
        for offer in Offer.objects.filter(contact_person=subject.user).select_related("host")
    ]


def erase_offer_contacts(subject: Subject) -> Report:
    # The offer is the host's; the phone given with the contact person is the person's.
    if subject.user is None:
        return Report()
    erased = Offer.objects.filter(contact_person=subject.user).update(
        contact_person=None, contact_phone=""
    )
    return Report(erased=erased)


# --- the initiative group ----------------------------------------------------------------------


def _members_of(subject: Subject):
    condition = Q(email__iexact=subject.email)
    if subject.user is not None:
        condition |= Q(user=subject.user)
    return GroupMember.objects.filter(condition)


def export_group_membership(subject: Subject) -> list[dict]:
    return [
        {
            "name": member.name,
            "email": member.email,
            "role": member.role,
            "role_label": str(member.get_role_display()),
            "organization": member.organization.name if member.organization else None,
            "joined_on": iso(member.joined_on),
            "left_on": iso(member.left_on),
            "meetings_attended": [iso(meeting.held_on) for meeting in member.meetings.all()],
        }
        for member in _members_of(subject)
        .select_related("organization")
        .prefetch_related("meetings")
    ]


def erase_group_membership(subject: Subject) -> Report:
    # The member stays nameless so that meeting attendance and the actions agreed still add up.
    erased = _members_of(subject).update(name="", email="", user=None)
    return Report(erased=erased)


register_source(
    PersonalDataSource(
        name="volunteering.profile",
        label=_("Volunteer profile"),
        export=export_profile,
        erase=erase_profile,
    )
)
register_source(
    PersonalDataSource(
        name="volunteering.applications",
        label=_("Volunteering applications and engagements"),
        export=export_applications,
        erase=erase_applications,
    )
)
register_source(
    PersonalDataSource(
        name="volunteering.offer_contacts",
        label=_("Volunteer offers naming you as the contact person"),
        export=export_offer_contacts,
        erase=erase_offer_contacts,
    )
)
register_source(
    PersonalDataSource(
        name="volunteering.initiative_group",
        label=_("Initiative group membership"),
        export=export_group_membership,
        erase=erase_group_membership,
        guest_emails=lambda: (
            GroupMember.objects.filter(user__isnull=True)
            .exclude(email="")
            .values_list("email", flat=True)
        ),
    )
)
