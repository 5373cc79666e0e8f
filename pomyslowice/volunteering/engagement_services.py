"""Engagements: the volunteering that follows an accepted application, and the steps the Act of
24 April 2003 on public benefit and volunteer work (art. 42–46) asks for before it starts.

Decisions worth knowing:
- One place decides whether an engagement may start: `checklist` lists every duty with its state,
  `start_blockers` turns the unmet ones into reasons, `start_engagement` refuses while any is left.
- A written agreement is required for more than 30 days or open-ended work (art. 44 ust. 2), when
  the volunteer asked for one, and always below 13, where the guardian concludes it on the
  child's behalf. Every change is a new version (numbered under a lock on the engagement); both
  sides confirm the current version; older versions stay readable.
- The agreement's period is the engagement's: saving a version moves the engagement's dates.
- Starting writes the volunteering placement as support received by the host
  (`SupportRecord`, kind VOLUNTEERING); the record stays when the engagement later ends.
- The register check records the fact (date, who, result), never the certificate; a volunteer
  found in the register can never start, so the result cannot be changed afterwards.
"""

import dataclasses
import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from pomyslowice.centre.support import record_support
from pomyslowice.core.ages import age_on
from pomyslowice.core.audit import log_action
from pomyslowice.core.documents import EXTENSIONS, JPEG, PDF, PNG, validate_document
from pomyslowice.core.files import delete_file_on_commit
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import SupportRecord

from . import offer_services
from .models import (
    ADULT_AGE,
    GUARDIAN_CONCLUDES_BELOW,
    Agreement,
    Application,
    Engagement,
    GuardianConsent,
)

CONSENT_FILE_TYPES = (PDF, JPEG, PNG)
AGREEMENT_TEXT_FIELDS = ("scope", "manner", "termination", "travel_costs", "host_signatory")


# --- reading the rules -------------------------------------------------------------------------


def volunteer_age(engagement: Engagement) -> int | None:
    """Age on the first day of the engagement; None when the birth date is unknown."""
    return age_on(engagement.application.volunteer_birth_date, engagement.starts_on)


def is_minor(engagement: Engagement) -> bool:
    age = volunteer_age(engagement)
    return age is not None and age < ADULT_AGE


def guardian_concludes(engagement: Engagement) -> bool:
    """Below 13 the legal guardian concludes the agreement for the child."""
    age = volunteer_age(engagement)
    return age is not None and age < GUARDIAN_CONCLUDES_BELOW


def written_agreement_required(engagement: Engagement) -> bool:
    return (
        not engagement.is_short
        or engagement.written_agreement_requested
        or guardian_concludes(engagement)
    )


def current_agreement(engagement: Engagement) -> Agreement | None:
    """The latest version (agreements are ordered newest first)."""
    return engagement.agreements.order_by("-version").first()


def _date(day: datetime.date | None) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else ""


@dataclasses.dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    required: bool
    done: bool
    state: str
    # Why the engagement cannot start yet; None when this item does not stand in the way.
    blocker: str | None = None


def _agreement_item(engagement: Engagement, agreement: Agreement | None) -> ChecklistItem:
    label = _("Agreement (porozumienie, art. 44)")
    required = written_agreement_required(engagement)
    if agreement is None:
        state = _("No written agreement yet.")
        blocker = _("A written agreement must be confirmed by both sides.") if required else None
        return ChecklistItem("agreement", label, required, False, state, blocker)
    done = agreement.is_confirmed
    if done:
        state = _("Version %(version)s is confirmed by both sides.")
    elif agreement.host_confirmed_at:
        state = _("Version %(version)s awaits confirmation by the volunteer.")
    elif agreement.volunteer_confirmed_at:
        state = _("Version %(version)s awaits confirmation by the host.")
    else:
        state = _("Version %(version)s awaits confirmation by both sides.")
    state = state % {"version": agreement.version}
    blocker = None
    if required and not done:
        blocker = _("The current version of the agreement must be confirmed by both sides.")
    elif required and guardian_concludes(engagement) and not agreement.guardian_name:
        blocker = _(
            "The volunteer is under 13: the agreement must name the legal guardian who "
            "concludes it."
        )
    return ChecklistItem("agreement", label, required, done, state, blocker)


def _safety_item(engagement: Engagement) -> ChecklistItem:
    label = _("Health and safety information (art. 45)")
    if engagement.safety_informed_at:
        state = _("Acknowledged by the volunteer on %(date)s.") % {
            "date": _date(timezone.localdate(engagement.safety_informed_at))
        }
        return ChecklistItem("safety", label, True, True, state)
    if not engagement.safety_information:
        state = _("The host has not written the information yet.")
    else:
        state = _("Awaiting the volunteer's acknowledgement.")
    blocker = _("The volunteer must acknowledge the health and safety information.")
    return ChecklistItem("safety", label, True, False, state, blocker)


def _insurance_item(engagement: Engagement) -> ChecklistItem:
    label = _("Accident insurance (NNW, art. 46 ust. 3)")
    required = engagement.is_short
    covered = bool(
        engagement.insurer
        and engagement.insurance_policy
        and engagement.insured_until
        and (engagement.ends_on is None or engagement.insured_until >= engagement.ends_on)
    )
    if covered:
        state = _("%(insurer)s, policy %(policy)s, valid until %(date)s.") % {
            "insurer": engagement.insurer,
            "policy": engagement.insurance_policy,
            "date": _date(engagement.insured_until),
        }
    elif engagement.insurer:
        state = _("The recorded policy does not cover the whole engagement.")
    elif required:
        state = _("Required for engagements of up to 30 days; no policy recorded.")
    else:
        state = _("Required only for engagements of up to 30 days.")
    blocker = None
    if required and not covered:
        blocker = _(
            "The host must record accident insurance (NNW) covering the engagement until its "
            "last day."
        )
    return ChecklistItem("insurance", label, required, covered, state, blocker)


def _guardian_item(engagement: Engagement, consent: GuardianConsent | None) -> ChecklistItem:
    label = _("Legal guardian's consent")
    age = volunteer_age(engagement)
    if age is None:
        state = _("The volunteer's date of birth is unknown.")
        blocker = _(
            "The volunteer's date of birth is unknown, so it cannot be checked whether a "
            "guardian's consent is needed."
        )
        return ChecklistItem("guardian", label, True, False, state, blocker)
    if age >= ADULT_AGE:
        return ChecklistItem("guardian", label, False, False, _("The volunteer is an adult."))
    if consent is not None:
        state = _("Given by %(name)s (%(relationship)s) on %(date)s, %(method)s.") % {
            "name": consent.guardian_name,
            "relationship": consent.relationship,
            "date": _date(consent.given_on),
            "method": consent.get_method_display(),
        }
        return ChecklistItem("guardian", label, True, True, state)
    state = _("The volunteer is %(age)s on the first day; no consent recorded.") % {"age": age}
    blocker = _("The host must record the legal guardian's consent for a minor volunteer.")
    return ChecklistItem("guardian", label, True, False, state, blocker)


def _register_item(engagement: Engagement) -> ChecklistItem:
    label = _("Sex-offender register check (work with children)")
    if not engagement.offer.works_with_children:
        return ChecklistItem(
            "register", label, False, False, _("The role involves no work with children.")
        )
    result = engagement.register_result
    if result == Engagement.RegisterResult.CLEAR:
        state = _("Checked on %(date)s by %(who)s: not in the register.") % {
            "date": _date(engagement.register_checked_on),
            "who": engagement.register_checked_by,
        }
        return ChecklistItem("register", label, True, True, state)
    if result == Engagement.RegisterResult.LISTED:
        state = _("Checked on %(date)s: the person is in the register.") % {
            "date": _date(engagement.register_checked_on)
        }
        blocker = _(
            "The volunteer is in the sex-offender register: this engagement can never start."
        )
        return ChecklistItem("register", label, True, False, state, blocker)
    blocker = _("The host must record the sex-offender register check before the start.")
    return ChecklistItem("register", label, True, False, _("Not recorded yet."), blocker)


def checklist(engagement: Engagement) -> list[ChecklistItem]:
    """Everything that must happen before the start, each with its state."""
    consent = GuardianConsent.objects.filter(engagement=engagement).first()
    return [
        _agreement_item(engagement, current_agreement(engagement)),
        _safety_item(engagement),
        _insurance_item(engagement),
        _guardian_item(engagement, consent),
        _register_item(engagement),
    ]


def start_blockers(engagement: Engagement, items: list[ChecklistItem] | None = None) -> list[str]:
    """Translated reasons why the engagement cannot start now; empty when it can."""
    if engagement.status != Engagement.Status.PREPARING:
        return [_("Only an engagement being prepared can be started.")]
    reasons = [item.blocker for item in items or checklist(engagement) if item.blocker]
    today = timezone.localdate()
    if engagement.starts_on > today:
        # The agreement and the insurance cover the agreed period, not the days before it.
        reasons.append(
            _("The engagement starts on %(date)s as agreed; it cannot start earlier.")
            % {"date": _date(engagement.starts_on)}
        )
    if engagement.ends_on and engagement.ends_on < today:
        reasons.append(
            _("The engagement's period ended on %(date)s; agree new dates first.")
            % {"date": _date(engagement.ends_on)}
        )
    return reasons


# --- e-mails -----------------------------------------------------------------------------------


def host_emails(engagement: Engagement) -> list[str]:
    offer = engagement.offer
    contact = offer.contact_person.email if offer.contact_person_id else ""
    return list(dict.fromkeys(address for address in (contact, offer.host.email) if address))


def _mail(engagement: Engagement, template: str, to: list[str], **context) -> None:
    send_templated_email(
        template=f"volunteering/email/engagement_{template}",
        to=to,
        context={
            "engagement": engagement,
            "offer": engagement.offer,
            "host": engagement.offer.host,
            "volunteer": engagement.volunteer,
            "url": reverse("volunteering:engagement", args=[engagement.pk]),
            **context,
        },
    )


def _mail_both(engagement: Engagement, template: str, **context) -> None:
    _mail(
        engagement,
        template,
        [engagement.application.volunteer_email, *host_emails(engagement)],
        **context,
    )


# --- creating and cancelling -------------------------------------------------------------------


def _locked(engagement: Engagement) -> Engagement:
    return (
        # Only the engagement's row: PostgreSQL cannot lock the nullable side of an outer join.
        Engagement.objects.select_for_update(of=("self",))
        .select_related("application__offer__host", "application__volunteer")
        .get(pk=engagement.pk)
    )


def _require_preparing(engagement: Engagement) -> None:
    if engagement.status != Engagement.Status.PREPARING:
        raise ValidationError(
            _("This can only be changed before the engagement starts."), code="not-preparing"
        )


@transaction.atomic
def create_engagement(*, application: Application, by) -> Engagement:
    """The engagement for a just-accepted application: the offer's dates, never starting in the
    past."""
    if application.status != Application.Status.ACCEPTED:
        raise ValidationError(
            _("Only an accepted application leads to an engagement."), code="not-accepted"
        )
    offer = application.offer
    today = timezone.localdate()
    starts_on = offer.starts_on if offer.starts_on and offer.starts_on > today else today
    if offer.ends_on and offer.ends_on < starts_on:
        raise ValidationError(
            _("The offer's period has already ended. Change the offer's dates first."),
            code="offer-ended",
        )
    engagement = Engagement.objects.create(
        application=application,
        starts_on=starts_on,
        ends_on=offer.ends_on,
        status=Engagement.Status.PREPARING,
    )
    log_action(
        actor=by,
        verb="volunteering.engagement.created",
        target=engagement,
        data={"application": application.pk, "starts_on": str(starts_on)},
    )
    return engagement


@transaction.atomic
def cancel_engagement(*, engagement: Engagement, by, reason: str = "") -> Engagement:
    """The volunteer withdrew the accepted application: an engagement not yet over ends here.

    No e-mail: the withdrawal that calls this tells the host itself."""
    engagement = _locked(engagement)
    if engagement.status in (Engagement.Status.FINISHED, Engagement.Status.ENDED):
        return engagement
    engagement.status = Engagement.Status.ENDED
    engagement.ended_at = timezone.now()
    engagement.end_reason = reason
    engagement.save(update_fields=["status", "ended_at", "end_reason"])
    log_action(
        actor=by,
        verb="volunteering.engagement.cancelled",
        target=engagement,
        data={"reason": reason},
    )
    return engagement


@transaction.atomic
def call_off_engagement(*, engagement: Engagement, by, reason: str) -> Engagement:
    """The host calls off an engagement before it starts (for instance after a register check
    found the person): the application counts as declined, so its place is free again."""
    engagement = _locked(engagement)
    _require_preparing(engagement)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the engagement is called off.")})
    now = timezone.now()
    engagement.status, engagement.ended_at, engagement.end_reason = (
        Engagement.Status.ENDED,
        now,
        reason,
    )
    engagement.save(update_fields=["status", "ended_at", "end_reason"])
    application = engagement.application
    application.status, application.reason = Application.Status.DECLINED, reason
    application.decided_by, application.decided_at = by, now
    application.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    log_action(
        actor=by,
        verb="volunteering.engagement.called_off",
        target=engagement,
        data={"reason": reason},
    )
    offer_services.refresh_filled(offer=engagement.offer, by=by)
    _mail_both(engagement, "called_off", reason=reason)
    return engagement


# --- the agreement -----------------------------------------------------------------------------


def default_termination() -> str:
    return _(
        "Either side may end the agreement at any time with 7 days' notice given in writing or "
        "by e-mail; for a serious reason, with immediate effect."
    )


def default_travel_costs(engagement: Engagement) -> str:
    if engagement.travel_costs:
        return engagement.travel_costs
    if engagement.offer.covers_travel:
        return _("The host reimburses the volunteer's travel costs connected with the work.")
    return _("The volunteer bears no costs of the work; the host covers them.")


def default_manner(engagement: Engagement) -> str:
    offer = engagement.offer
    parts = [offer.get_schedule_display()]
    if offer.schedule_note:
        parts.append(offer.schedule_note)
    if offer.is_remote:
        parts.append(_("can be done remotely"))
    if offer.address:
        parts.append(_("place: %(address)s") % {"address": offer.address})
    return "; ".join(str(part) for part in parts) + "."


def agreement_defaults(engagement: Engagement, *, by=None) -> dict:
    """A first version from the accepted application and the offer; the host may change it."""
    consent = GuardianConsent.objects.filter(engagement=engagement).first()
    guardian = consent.guardian_name if consent and guardian_concludes(engagement) else ""
    signatory = by.get_full_name() if by is not None and by.is_authenticated else ""
    return {
        "scope": engagement.offer.tasks,
        "manner": default_manner(engagement),
        "starts_on": engagement.starts_on,
        "ends_on": engagement.ends_on,
        "termination": default_termination(),
        "travel_costs": default_travel_costs(engagement),
        "host_signatory": signatory or engagement.offer.host.name,
        "guardian_name": guardian,
    }


def _validate_agreement(engagement: Engagement, data: dict) -> None:
    errors = {}
    starts_on, ends_on = data["starts_on"], data.get("ends_on")
    if engagement.status == Engagement.Status.PREPARING:
        if starts_on < timezone.localdate():
            errors["starts_on"] = ValidationError(
                _("The agreement cannot start in the past (%(date)s). Choose today or later.")
                % {"date": _date(starts_on)},
                code="past",
            )
    elif starts_on != engagement.starts_on:
        errors["starts_on"] = ValidationError(
            _("The engagement has started; its first day cannot change."), code="started"
        )
    if ends_on and ends_on < starts_on:
        errors["ends_on"] = ValidationError(
            _("The agreement must end on or after its first day."), code="ends-before-start"
        )
    for field in ("scope", "manner", "termination", "host_signatory"):
        if not (data.get(field) or "").strip():
            errors[field] = ValidationError(_("This must not be empty."), code="required")
    if (
        guardian_concludes_on(engagement, starts_on)
        and not (data.get("guardian_name") or "").strip()
    ):
        errors["guardian_name"] = ValidationError(
            _("The volunteer is under 13: name the legal guardian who concludes the agreement."),
            code="guardian-required",
        )
    if errors:
        raise ValidationError(errors)


def guardian_concludes_on(engagement: Engagement, day: datetime.date) -> bool:
    age = age_on(engagement.application.volunteer_birth_date, day)
    return age is not None and age < GUARDIAN_CONCLUDES_BELOW


@transaction.atomic
def save_agreement_version(*, engagement: Engagement, by, **data) -> Agreement:
    """A new version of the agreement (version 1 the first time); the engagement takes its
    period. Fields: scope, manner, starts_on, ends_on, termination, travel_costs,
    host_signatory, guardian_name."""
    engagement = _locked(engagement)
    if engagement.status not in (Engagement.Status.PREPARING, Engagement.Status.ACTIVE):
        raise ValidationError(
            _("The engagement is over; its agreement can no longer change."), code="over"
        )
    _validate_agreement(engagement, data)
    latest = engagement.agreements.aggregate(latest=Max("version"))["latest"] or 0
    agreement = Agreement.objects.create(
        engagement=engagement,
        version=latest + 1,
        scope=data["scope"].strip(),
        manner=data["manner"].strip(),
        starts_on=data["starts_on"],
        ends_on=data.get("ends_on"),
        termination=data["termination"].strip(),
        travel_costs=(data.get("travel_costs") or "").strip(),
        host_signatory=data["host_signatory"].strip(),
        volunteer_name=engagement.volunteer_name,
        guardian_name=(data.get("guardian_name") or "").strip(),
        created_by=by,
    )
    engagement.starts_on, engagement.ends_on = agreement.starts_on, agreement.ends_on
    engagement.save(update_fields=["starts_on", "ends_on"])
    log_action(
        actor=by,
        verb="volunteering.agreement.created",
        target=engagement,
        data={"version": agreement.version, "starts_on": str(agreement.starts_on)},
    )
    _mail(engagement, "agreement", [engagement.application.volunteer_email], agreement=agreement)
    return agreement


@transaction.atomic
def generate_agreement(*, engagement: Engagement, by) -> Agreement:
    """Version 1 straight from the accepted application and the offer."""
    engagement = _locked(engagement)
    if engagement.agreements.exists():
        raise ValidationError(
            _("The agreement already exists; change it to make a new version."), code="exists"
        )
    return save_agreement_version(
        engagement=engagement, by=by, **agreement_defaults(engagement, by=by)
    )


@transaction.atomic
def confirm_agreement(*, agreement: Agreement, by, side: str, for_guardian: bool = False):
    """One side confirms the current version: "host" (a representative or the caretaker) or
    "volunteer" (below 13 on behalf of the guardian named in the agreement)."""
    engagement = _locked(agreement.engagement)
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    latest = current_agreement(engagement)
    if latest is None or latest.pk != agreement.pk:
        raise ValidationError(
            _("Only the current version of the agreement can be confirmed."), code="outdated"
        )
    now = timezone.now()
    if side == "host":
        if agreement.host_confirmed_at:
            raise ValidationError(_("The host has already confirmed this version."), code="done")
        agreement.host_confirmed_at, agreement.host_confirmed_by = now, by
        agreement.save(update_fields=["host_confirmed_at", "host_confirmed_by"])
    else:
        if agreement.volunteer_confirmed_at:
            raise ValidationError(
                _("The volunteer has already confirmed this version."), code="done"
            )
        if guardian_concludes(engagement):
            if not agreement.guardian_name:
                raise ValidationError(
                    _("The host must first name the legal guardian in the agreement."),
                    code="guardian-missing",
                )
            if not for_guardian:
                raise ValidationError(
                    _("Confirm that your legal guardian concludes the agreement."),
                    code="guardian-statement",
                )
        agreement.volunteer_confirmed_at = now
        agreement.save(update_fields=["volunteer_confirmed_at"])
    log_action(
        actor=by,
        verb="volunteering.agreement.confirmed",
        target=engagement,
        data={"version": agreement.version, "side": side, "for_guardian": for_guardian},
    )
    return agreement


@transaction.atomic
def request_written_agreement(*, engagement: Engagement, by) -> Engagement:
    """The volunteer asks for the agreement in writing (art. 44 ust. 2, for up to 30 days)."""
    engagement = _locked(engagement)
    _require_preparing(engagement)
    if written_agreement_required(engagement):
        raise ValidationError(
            _("A written agreement is already required for this engagement."), code="required"
        )
    engagement.written_agreement_requested = True
    engagement.save(update_fields=["written_agreement_requested"])
    log_action(actor=by, verb="volunteering.engagement.agreement_requested", target=engagement)
    _mail(engagement, "agreement_requested", host_emails(engagement))
    return engagement


# --- health and safety, insurance, guardian, register ------------------------------------------


@transaction.atomic
def record_safety_information(
    *, engagement: Engagement, by, safety_information: str, travel_costs: str
) -> Engagement:
    """The host's information; a change needs the volunteer's acknowledgement again."""
    engagement = _locked(engagement)
    _require_preparing(engagement)
    text = safety_information.strip()
    if not text:
        raise ValidationError(
            {"safety_information": _("Describe the risks and how the volunteer is protected.")}
        )
    if text != engagement.safety_information:
        engagement.safety_informed_at = None
    engagement.safety_information = text
    engagement.travel_costs = travel_costs.strip()
    engagement.save(update_fields=["safety_information", "safety_informed_at", "travel_costs"])
    log_action(actor=by, verb="volunteering.engagement.safety_recorded", target=engagement)
    return engagement


@transaction.atomic
def acknowledge_safety(*, engagement: Engagement, by) -> Engagement:
    engagement = _locked(engagement)
    _require_preparing(engagement)
    if not engagement.safety_information:
        raise ValidationError(
            _("The host has not written the health and safety information yet."), code="missing"
        )
    if engagement.safety_informed_at:
        raise ValidationError(_("You have already acknowledged it."), code="done")
    engagement.safety_informed_at = timezone.now()
    engagement.save(update_fields=["safety_informed_at"])
    log_action(actor=by, verb="volunteering.engagement.safety_acknowledged", target=engagement)
    return engagement


@transaction.atomic
def record_insurance(
    *, engagement: Engagement, by, insurer: str, insurance_policy: str, insured_until
) -> Engagement:
    engagement = _locked(engagement)
    _require_preparing(engagement)
    errors = {}
    if not insurer.strip():
        errors["insurer"] = _("Name the insurer.")
    if not insurance_policy.strip():
        errors["insurance_policy"] = _("Give the policy number.")
    last_day = engagement.ends_on or engagement.starts_on
    if insured_until < last_day:
        errors["insured_until"] = _(
            "The insurance must cover the engagement until its last day (%(date)s)."
        ) % {"date": _date(last_day)}
    if errors:
        raise ValidationError(errors)
    engagement.insurer = insurer.strip()
    engagement.insurance_policy = insurance_policy.strip()
    engagement.insured_until = insured_until
    engagement.insurance_recorded_by = by
    engagement.save(
        update_fields=["insurer", "insurance_policy", "insured_until", "insurance_recorded_by"]
    )
    log_action(
        actor=by,
        verb="volunteering.engagement.insurance_recorded",
        target=engagement,
        data={"insurer": engagement.insurer, "insured_until": str(insured_until)},
    )
    return engagement


def _consent_file(signed_form, engagement: Engagement):
    try:
        kind = validate_document(signed_form)
    except ValidationError as error:
        raise ValidationError({"signed_form": error.messages}) from None
    if kind not in CONSENT_FILE_TYPES:
        raise ValidationError(
            {"signed_form": _("This file type is not accepted. Allowed: PDF, JPEG, PNG.")},
            code="file_type",
        )
    # The name never carries the upload's own name: it could hold personal data.
    signed_form.name = f"zgoda-{engagement.pk}-{secrets.token_hex(6)}.{EXTENSIONS[kind]}"
    return signed_form


@transaction.atomic
def record_guardian_consent(
    *,
    engagement: Engagement,
    by,
    guardian_name: str,
    relationship: str,
    method: str,
    given_on: datetime.date,
    signed_form=None,
) -> GuardianConsent:
    """Record (or correct) the guardian's consent; a new signed form replaces the old one."""
    engagement = _locked(engagement)
    _require_preparing(engagement)
    age = volunteer_age(engagement)
    if age is None:
        raise ValidationError(
            _("The volunteer's date of birth is unknown; ask them to add it to their account."),
            code="age-unknown",
        )
    if age >= ADULT_AGE:
        raise ValidationError(
            _("The volunteer is an adult; no guardian's consent is needed."), code="adult"
        )
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": _("The consent cannot be dated in the future.")})
    consent = GuardianConsent.objects.filter(engagement=engagement).first() or GuardianConsent(
        engagement=engagement
    )
    old_file = consent.signed_form.name if consent.signed_form else ""
    consent.guardian_name = guardian_name.strip()
    consent.relationship = relationship.strip()
    consent.method = method
    consent.given_on = given_on
    consent.recorded_by = by
    if signed_form is not None:
        consent.signed_form = _consent_file(signed_form, engagement)
    consent.full_clean(exclude=["engagement", "signed_form"])
    consent.save()
    if signed_form is not None and old_file:
        delete_file_on_commit(consent.signed_form.storage, old_file)
    log_action(
        actor=by,
        verb="volunteering.guardian_consent.recorded",
        target=engagement,
        data={"method": method, "given_on": str(given_on), "file": bool(consent.signed_form)},
    )
    return consent


@transaction.atomic
def record_register_check(
    *, engagement: Engagement, by, checked_on: datetime.date, checked_by: str, result: str
) -> Engagement:
    """The fact of the check only: date, who checked, the result — never the certificate."""
    engagement = _locked(engagement)
    _require_preparing(engagement)
    if not engagement.offer.works_with_children:
        raise ValidationError(
            _("The offer involves no work with children; no register check is needed."),
            code="not-needed",
        )
    if engagement.register_result == Engagement.RegisterResult.LISTED:
        raise ValidationError(
            _("The volunteer was found in the register; the result cannot be changed."),
            code="listed",
        )
    if checked_on > timezone.localdate():
        raise ValidationError({"checked_on": _("The check cannot be dated in the future.")})
    if result not in Engagement.RegisterResult.values:
        raise ValidationError({"result": _("Choose the result of the check.")})
    if not checked_by.strip():
        raise ValidationError({"checked_by": _("Say who checked the register.")})
    engagement.register_checked_on = checked_on
    engagement.register_checked_by = checked_by.strip()
    engagement.register_result = result
    engagement.register_recorded_by = by
    engagement.save(
        update_fields=[
            "register_checked_on",
            "register_checked_by",
            "register_result",
            "register_recorded_by",
        ]
    )
    log_action(
        actor=by,
        verb="volunteering.engagement.register_checked",
        target=engagement,
        data={"checked_on": str(checked_on), "result": result},
    )
    return engagement


# --- start and end -----------------------------------------------------------------------------


@transaction.atomic
def start_engagement(*, engagement: Engagement, by) -> Engagement:
    engagement = _locked(engagement)
    reasons = start_blockers(engagement)
    if reasons:
        raise ValidationError(reasons, code="blocked")
    engagement.status = Engagement.Status.ACTIVE
    engagement.started_at = timezone.now()
    engagement.save(update_fields=["status", "started_at"])
    offer, volunteer = engagement.offer, engagement.volunteer
    record_support(
        kind=SupportRecord.Kind.VOLUNTEERING,
        source=engagement,
        date=engagement.starts_on,
        organization=offer.host,
        person=volunteer,
        person_name=volunteer.get_full_name(),
        summary=_("Volunteer placement: %(title)s") % {"title": offer.title},
        by=by,
    )
    log_action(actor=by, verb="volunteering.engagement.started", target=engagement)
    _mail_both(engagement, "started")
    return engagement


@transaction.atomic
def end_engagement(*, engagement: Engagement, by, early: bool, reason: str = "") -> Engagement:
    """Finished as agreed, or ended early (a reason is then required)."""
    engagement = _locked(engagement)
    if engagement.status != Engagement.Status.ACTIVE:
        raise ValidationError(_("Only an engagement in progress can be ended."), code="not-active")
    reason = reason.strip()
    if early and not reason:
        raise ValidationError({"reason": _("Say why the engagement ends early.")})
    engagement.status = Engagement.Status.ENDED if early else Engagement.Status.FINISHED
    engagement.ended_at = timezone.now()
    engagement.end_reason = reason
    engagement.save(update_fields=["status", "ended_at", "end_reason"])
    log_action(
        actor=by,
        verb="volunteering.engagement.ended" if early else "volunteering.engagement.finished",
        target=engagement,
        data={"reason": reason},
    )
    _mail_both(engagement, "ended")
    return engagement
