"""Volunteer profiles and the consents behind them. Every change goes through these functions.

Decisions worth knowing:
- The date of birth lives on the user (one truth for every app); a profile cannot be created
  without it, because the age decides which offers a person sees and what the law asks
  (a guardian concludes the agreement below 13, consents in writing from 13 to 17). Once set it
  is not changed here: a minor could otherwise make themselves an adult; the centre corrects it.
- Consents are rows with the exact wording the person saw (`ProfileConsent`). Processing the
  profile itself (PROFILE) is required; being findable by hosts (VISIBLE_TO_HOSTS) and the weekly
  digest (DIGEST) are optional and each flag on the profile follows its consent: switching the
  flag off withdraws the consent (withdrawn_at), switching it on records a new one.
- Deleting the profile (GDPR art. 17) removes the profile and its consents, withdraws pending
  applications (their hosts are told) and erases the messages of applications that ended
  without an engagement. Kept: applications that led to an engagement, the engagement and what
  hangs on it (agreement, guardian's consent, hours, certificates) — records of volunteer work
  the host must keep (art. 44–46 of the Act) — and the bare rows of ended applications (offer,
  dates, status), which belong to the account, not to the profile.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pomyslowice.core.audit import log_action
from pomyslowice.privacy import consents as consent_register

from .application_services import field_error, withdraw_application
from .models import (
    ADULT_AGE,
    GUARDIAN_CONCLUDES_BELOW,
    Application,
    OutreachMeeting,
    ProfileConsent,
    VolunteerProfile,
    age_on,
)

Purpose = ProfileConsent.Purpose
OLDEST_AGE = 120

# Shown next to each checkbox and stored, in the language shown, with every consent given.
CONSENT_WORDINGS = {
    Purpose.PROFILE: gettext_lazy(
        "I agree that the volunteer centre processes my volunteer profile (skills, interests, "
        "availability, district, languages, experience, phone and date of birth) to match me "
        "with volunteer offers and to handle my applications. I can withdraw this consent at any "
        "time by deleting my profile."
    ),
    Purpose.VISIBLE_TO_HOSTS: gettext_lazy(
        "I agree that host organisations looking for volunteers may find my profile and see its "
        "skills, interests, availability, district and languages, and the details I choose below. "
        "I can withdraw this consent at any time by unticking this box."
    ),
    Purpose.DIGEST: gettext_lazy(
        "I want a weekly e-mail with new volunteer offers matching my profile. I can withdraw "
        "this consent at any time by unticking this box."
    ),
}
# The profile flag that each optional consent switches on.
CONSENT_FLAGS = {Purpose.VISIBLE_TO_HOSTS: "visible_to_hosts", Purpose.DIGEST: "digest"}

PROFILE_FIELDS = (
    "about",
    "availability",
    "district",
    "travels",
    "languages",
    "experience",
    "phone",
    "visible_to_hosts",
    "show_name",
    "show_contact",
    "show_experience",
    "digest",
)


def consent_wording(purpose: str) -> str:
    """The wording of a consent in the active language: what the form shows and the row keeps."""
    return str(CONSENT_WORDINGS[purpose])


def minor_notice(birth_date: datetime.date | None, today: datetime.date | None = None) -> str:
    """What a minor must know before volunteering, or "" for adults and unknown ages."""
    age = age_on(birth_date, today or timezone.localdate())
    if age is None or age >= ADULT_AGE:
        return ""
    if age < GUARDIAN_CONCLUDES_BELOW:
        return _(
            "You are under 13: your parent or legal guardian concludes the volunteering "
            "agreement on your behalf. Please fill in this profile and apply together with them."
        )
    return _(
        "You are under 18: before you start volunteering, the host needs the written consent of "
        "your parent or legal guardian. Please tell them about your profile and applications."
    )


def age_group(birth_date: datetime.date | None, today: datetime.date | None = None) -> str:
    """How a host sees a volunteer's age: what the law asks of them, not the birth date."""
    age = age_on(birth_date, today or timezone.localdate())
    if age is None or age >= ADULT_AGE:
        return ""
    if age < GUARDIAN_CONCLUDES_BELOW:
        return _("under 13: the legal guardian concludes the agreement")
    return _("under 18: the guardian's written consent is needed")


def _validate_birth_date(birth_date: datetime.date) -> None:
    today = timezone.localdate()
    if birth_date > today:
        raise field_error(
            "birth_date", _("The date of birth cannot be in the future."), code="future"
        )
    if age_on(birth_date, today) > OLDEST_AGE:
        raise field_error(
            "birth_date", _("Please check the year of your date of birth."), code="too-old"
        )


def _set_birth_date(user, birth_date: datetime.date | None) -> None:
    """The first date of birth is the person's to give; a different one later is refused."""
    if birth_date is None or birth_date == user.birth_date:
        return
    if user.birth_date is not None:
        raise field_error(
            "birth_date",
            _("Your date of birth is already recorded; the centre can correct it."),
            code="birth-date-set",
        )
    _validate_birth_date(birth_date)
    user.birth_date = birth_date
    user.save(update_fields=["birth_date"])


# The purpose in the centre's consent register (privacy.clauses) that every profile consent is.
REGISTER_PURPOSE = "volunteer_profile"


def _give_consent(profile: VolunteerProfile, purpose: str) -> ProfileConsent:
    consent = ProfileConsent.objects.create(
        profile=profile, purpose=purpose, wording=consent_wording(purpose)
    )
    consent_register.record_consent(
        purpose=REGISTER_PURPOSE, user=profile.user, source=consent, text=consent.wording
    )
    return consent


def _withdraw_registered(profile: VolunteerProfile, *, by, purposes=None) -> None:
    active = profile.consents.filter(withdrawn_at__isnull=True)
    if purposes is not None:
        active = active.filter(purpose__in=purposes)
    for consent in active:
        consent_register.withdraw_for_source(
            source=consent, purpose=REGISTER_PURPOSE, by=by, method=_withdrawal_method(profile, by)
        )


def _withdrawal_method(profile: VolunteerProfile, by) -> str:
    Method = consent_register.Method
    return Method.SELF_SERVICE if by is None or by.pk == profile.user_id else Method.STAFF


def withdraw_after_register_withdrawal(record, by) -> None:
    """A consent withdrawn in the consent register (/konto/zgody/): an optional consent switches
    its flag off; the consent to process the profile deletes the profile, as its wording says."""
    consent = record.source
    if not isinstance(consent, ProfileConsent) or consent.withdrawn_at is not None:
        return
    if consent.purpose in CONSENT_FLAGS:
        withdraw_consent(profile=consent.profile, purpose=consent.purpose, by=by)
    else:
        delete_profile(profile=consent.profile, by=by)


def register_consent_hooks() -> None:
    consent_register.on_withdrawal(REGISTER_PURPOSE, withdraw_after_register_withdrawal)


def _sync_optional_consents(profile: VolunteerProfile, *, by) -> None:
    """Make the active consents match the profile's flags: a flag switched on records the
    consent with its wording, a flag switched off withdraws it."""
    active = set(
        profile.consents.filter(withdrawn_at__isnull=True).values_list("purpose", flat=True)
    )
    for purpose, flag in CONSENT_FLAGS.items():
        wanted = getattr(profile, flag)
        if wanted and purpose not in active:
            consent = _give_consent(profile, purpose)
            log_action(
                actor=by,
                verb="volunteering.consent.given",
                target=profile,
                data={"purpose": purpose, "consent": consent.pk},
            )
        elif not wanted and purpose in active:
            _withdraw(profile, purpose, by=by)


def _withdraw(profile: VolunteerProfile, purpose: str, *, by) -> None:
    _withdraw_registered(profile, by=by, purposes=[purpose])
    withdrawn = profile.consents.filter(purpose=purpose, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    if withdrawn:
        log_action(
            actor=by,
            verb="volunteering.consent.withdrawn",
            target=profile,
            data={"purpose": purpose},
        )


@transaction.atomic
def withdraw_consent(*, profile: VolunteerProfile, purpose: str, by) -> VolunteerProfile:
    """Withdraw an optional consent and switch its flag off. The consent to process the profile
    itself is withdrawn by deleting the profile."""
    if purpose not in CONSENT_FLAGS:
        raise ValidationError(
            _("To withdraw the consent to process your profile, delete the profile."),
            code="delete-instead",
        )
    profile = VolunteerProfile.objects.select_for_update().get(pk=profile.pk)
    flag = CONSENT_FLAGS[purpose]
    setattr(profile, flag, False)
    profile.save(update_fields=[flag, "updated_at"])
    _withdraw(profile, purpose, by=by)
    return profile


def _apply_fields(profile: VolunteerProfile, fields: dict) -> None:
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Not profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(profile, name, value.strip() if isinstance(value, str) else value)
    profile.full_clean(exclude=["user", "source_meeting", "skills", "areas"])


@transaction.atomic
def create_profile(
    *,
    user,
    profile_consent: bool,
    birth_date: datetime.date | None = None,
    source_meeting: OutreachMeeting | None = None,
    skills=(),
    areas=(),
    **fields,
) -> VolunteerProfile:
    """The person's volunteer profile. `fields` are the profile's own (PROFILE_FIELDS);
    `source_meeting` is the outreach meeting whose link brought them, if any."""
    if not profile_consent:
        raise field_error(
            "profile_consent",
            _("A profile can only be kept with this consent."),
            code="consent-required",
        )
    if VolunteerProfile.objects.filter(user=user).exists():
        raise ValidationError(_("You already have a volunteer profile."), code="exists")
    _set_birth_date(user, birth_date)
    if user.birth_date is None:
        raise field_error(
            "birth_date",
            _("Give your date of birth: it decides which offers are open to you."),
            code="birth-date-required",
        )
    profile = VolunteerProfile(user=user, source_meeting=source_meeting)
    _apply_fields(profile, fields)
    profile.save()
    profile.skills.set(skills)
    profile.areas.set(areas)
    _give_consent(profile, Purpose.PROFILE)
    _sync_optional_consents(profile, by=user)
    log_action(
        actor=user,
        verb="volunteering.profile.created",
        target=profile,
        data={"source_meeting": source_meeting.pk if source_meeting else None},
    )
    return profile


@transaction.atomic
def update_profile(
    *,
    profile: VolunteerProfile,
    by,
    birth_date: datetime.date | None = None,
    skills=None,
    areas=None,
    **fields,
) -> VolunteerProfile:
    """Change the profile; optional consents follow their flags (see the module's notes).
    Skills and areas stay as they are unless given."""
    profile = VolunteerProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    _set_birth_date(profile.user, birth_date)
    _apply_fields(profile, fields)
    profile.save()
    if skills is not None:
        profile.skills.set(skills)
    if areas is not None:
        profile.areas.set(areas)
    _sync_optional_consents(profile, by=by)
    log_action(
        actor=by,
        verb="volunteering.profile.updated",
        target=profile,
        data={"fields": sorted(fields)},
    )
    return profile


@transaction.atomic
def delete_profile(*, profile: VolunteerProfile, by, language: str | None = None) -> None:
    """Erase the profile (see the module's notes for what is kept and why)."""
    profile = VolunteerProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    user = profile.user
    pending = list(Application.objects.filter(volunteer=user, status=Application.Status.PENDING))
    for application in pending:
        withdraw_application(application=application, by=by, language=language)
    erased = (
        Application.objects.filter(
            volunteer=user,
            status__in=[Application.Status.DECLINED, Application.Status.WITHDRAWN],
            engagement__isnull=True,
        )
        .exclude(message="")
        .update(message="")
    )
    log_action(
        actor=by,
        verb="volunteering.profile.deleted",
        target=user,
        data={"withdrawn_applications": len(pending), "erased_messages": erased},
    )
    _withdraw_registered(profile, by=by)
    profile.delete()
