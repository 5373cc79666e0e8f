"""Applications for volunteer offers: applying, the host's decision, the volunteer's withdrawal.

Decisions worth knowing:
- Places are counted as accepted applications. Applying and accepting both lock the offer's row
  (select_for_update; SQLite serialises writers), so concurrent accepts never exceed the places
  and one person never holds two active applications for one offer; the partial unique
  constraint `one_active_application_per_offer` backs the latter in the database.
- Age: a person may apply only for offers open to their age (the offer's minimum age). Below 13
  the legal guardian concludes the agreement, so the child confirms that the guardian knows.
- Applying to an offer of an organisation one represents is allowed (members volunteer too).
- By applying, the volunteer shares their name and e-mail with the host; the rest of the
  profile reaches the host only as far as the volunteer allowed (`permissions.host_view`).
- Accepting creates the engagement (`engagement_services.create_engagement`); withdrawing an
  accepted application ends its engagement unless it is already over. Both then let the offer
  become filled or open again (`offer_services.refresh_filled`).
- E-mails go to the other side at each step: the host's contact person (or, without one, the
  host's active representatives) on a new or withdrawn application, the volunteer on a decision.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from pomyslowice.core.ages import age_on
from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.organizations.models import Membership

from . import engagement_services, offer_services
from .models import (
    GUARDIAN_CONCLUDES_BELOW,
    Application,
    Engagement,
    Offer,
    VolunteerProfile,
)

EMAIL_DIR = "volunteering/applications/email"


def field_error(field: str, message: str, *, code: str) -> ValidationError:
    """A ValidationError for one form field that keeps its code (a dict alone would drop it)."""
    return ValidationError({field: ValidationError(message, code=code)})


# --- rules -------------------------------------------------------------------------------------


def accepted_count(offer: Offer) -> int:
    return offer.applications.filter(status=Application.Status.ACCEPTED).count()


def offer_problem(offer: Offer, today=None) -> tuple[str, str] | None:
    """Why nobody can apply for the offer now, as (code, message), or None."""
    today = today or timezone.localdate()
    if offer.status == Offer.Status.CLOSED:
        return "closed", _("This offer is closed.")
    if offer.status == Offer.Status.FILLED:
        return "filled", _("All places in this offer are filled.")
    if offer.status != Offer.Status.PUBLISHED:
        return "not-open", _("This offer is not published, so nobody can apply yet.")
    if offer.expires_on and offer.expires_on < today:
        return "expired", _("This offer expired on %(date)s.") % {
            "date": formats.date_format(offer.expires_on, "DATE_FORMAT")
        }
    if accepted_count(offer) >= offer.places:
        return "full", _("All places in this offer are taken.")
    return None


def volunteer_problem(offer: Offer, volunteer, today=None) -> tuple[str, str] | None:
    """Why this person cannot apply for this offer, as (code, message), or None. Guardian
    confirmation for children is asked by the form, not here."""
    today = today or timezone.localdate()
    if not VolunteerProfile.objects.filter(user=volunteer).exists():
        return "no-profile", _("Create your volunteer profile first; hosts need to know you.")
    age = age_on(volunteer.birth_date, today)
    if age is None:
        return "no-birth-date", _("Give your date of birth in your volunteer profile first.")
    if age < offer.min_age:
        return "too-young", _("This offer is open to volunteers aged %(age)s or older.") % {
            "age": offer.min_age
        }
    if active_application(offer, volunteer) is not None:
        return "duplicate", _("You have already applied for this offer.")
    return None


def apply_problem(offer: Offer, volunteer, today=None) -> tuple[str, str] | None:
    """The first reason this person cannot apply for this offer now, or None."""
    return offer_problem(offer, today) or volunteer_problem(offer, volunteer, today)


def needs_guardian_confirmation(volunteer, today=None) -> bool:
    """Below 13 the guardian concludes the agreement: the child confirms the guardian knows."""
    age = age_on(volunteer.birth_date, today or timezone.localdate())
    return age is not None and age < GUARDIAN_CONCLUDES_BELOW


def active_application(offer: Offer, volunteer) -> Application | None:
    if not volunteer.is_authenticated:
        return None
    return (
        Application.objects.filter(
            offer=offer, volunteer=volunteer, status__in=Application.ACTIVE_STATUSES
        )
        .order_by("-pk")
        .first()
    )


def _refuse(problem: tuple[str, str]):
    code, message = problem
    raise ValidationError(message, code=code)


# --- e-mails -----------------------------------------------------------------------------------


def host_recipients(offer: Offer) -> list[str]:
    """The offer's contact person; without one, the host's active representatives."""
    contact = offer.contact_person
    if contact is not None and contact.is_active and contact.email:
        return [contact.email]
    return list(
        Membership.objects.filter(
            organization_id=offer.host_id,
            status=Membership.Status.ACTIVE,
            user__is_active=True,
        )
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("user__email", flat=True)
        .distinct()
    )


def _email(name: str, application: Application, to: list[str], language: str | None) -> None:
    send_templated_email(
        template=f"{EMAIL_DIR}/{name}",
        to=to,
        context={"application": application, "offer": application.offer},
        language=language,
    )


def _email_host(name, application, language):
    _email(name, application, host_recipients(application.offer), language)


def _email_volunteer(name, application, language):
    _email(name, application, [application.volunteer_email], language)


# --- applying ----------------------------------------------------------------------------------


def _locked_offer(offer: Offer) -> Offer:
    return (
        Offer.objects.select_for_update(of=("self",))
        .select_related("host", "contact_person")
        .get(pk=offer.pk)
    )


@transaction.atomic
def apply_for_offer(
    *,
    offer: Offer,
    volunteer,
    message: str,
    guardian_knows: bool = False,
    language: str | None = None,
) -> Application:
    """Send an application (pending) and tell the host. `guardian_knows`: a child under 13
    confirms their parent or legal guardian knows about it."""
    message = (message or "").strip()
    if not message:
        raise field_error(
            "message",
            _("Write a few words to the host: why you and what you can do."),
            code="message-required",
        )
    offer = _locked_offer(offer)  # serialises applications (and accepts) for this offer
    problem = apply_problem(offer, volunteer)
    if problem:
        _refuse(problem)
    if needs_guardian_confirmation(volunteer) and not guardian_knows:
        raise field_error(
            "guardian_knows",
            _(
                "Under 13 your parent or legal guardian concludes the agreement: apply "
                "together with them and confirm they know."
            ),
            code="guardian-required",
        )
    try:
        with transaction.atomic():
            application = Application.objects.create(
                offer=offer, volunteer=volunteer, message=message
            )
    except IntegrityError as error:  # the database's one-active-application rule
        raise ValidationError(
            _("You have already applied for this offer."), code="duplicate"
        ) from error
    log_action(
        actor=volunteer,
        verb="volunteering.application.created",
        target=application,
        data={"offer": offer.pk, "guardian_knows": guardian_knows},
    )
    _email_host("received", application, language)
    return application


# --- the host's decision -----------------------------------------------------------------------


def _locked(application: Application) -> tuple[Application, Offer]:
    """Lock the offer first (the order every service here uses), then the application."""
    offer = _locked_offer(application.offer)
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("volunteer")
        .get(pk=application.pk)
    )
    application.offer = offer
    return application, offer


def _must_be_pending(application: Application) -> None:
    if application.status != Application.Status.PENDING:
        raise ValidationError(
            _("This application has already been answered (%(status)s).")
            % {"status": application.get_status_display()},
            code="decided",
        )


def _decide(application: Application, status: str, by, reason: str) -> None:
    application.status = status
    application.decided_by, application.decided_at = by, timezone.now()
    application.reason = reason
    application.save(update_fields=["status", "decided_by", "decided_at", "reason"])


@transaction.atomic
def accept_application(
    *, application: Application, by, reason: str = "", language: str | None = None
) -> Application:
    """Accept a pending application while a place is free; the engagement begins to be prepared."""
    application, offer = _locked(application)
    _must_be_pending(application)
    if offer.status == Offer.Status.CLOSED:
        raise ValidationError(_("This offer is closed."), code="closed")
    if accepted_count(offer) >= offer.places:
        raise ValidationError(
            _("All %(places)s places in this offer are taken.") % {"places": offer.places},
            code="full",
        )
    _decide(application, Application.Status.ACCEPTED, by, (reason or "").strip())
    engagement_services.create_engagement(application=application, by=by)
    log_action(actor=by, verb="volunteering.application.accepted", target=application)
    offer_services.refresh_filled(offer=offer, by=by)
    _email_volunteer("accepted", application, language)
    return application


@transaction.atomic
def decline_application(
    *, application: Application, by, reason: str, language: str | None = None
) -> Application:
    reason = (reason or "").strip()
    if not reason:
        raise field_error(
            "reason", _("Give the reason; the volunteer will read it."), code="reason-required"
        )
    application, _offer = _locked(application)
    _must_be_pending(application)
    _decide(application, Application.Status.DECLINED, by, reason)
    log_action(
        actor=by,
        verb="volunteering.application.declined",
        target=application,
        data={"reason": reason},
    )
    _email_volunteer("declined", application, language)
    return application


# --- the volunteer's withdrawal ----------------------------------------------------------------


def withdraw_problem(application: Application, user) -> str | None:
    """Why `user` cannot withdraw the application now, or None. Only its volunteer may."""
    if not user.is_authenticated or application.volunteer_id != user.pk:
        return _("Only the volunteer can withdraw an application.")
    if application.status not in Application.ACTIVE_STATUSES:
        return _("This application is no longer active.")
    engagement = Engagement.objects.filter(application=application).first()
    if engagement and engagement.status in (Engagement.Status.FINISHED, Engagement.Status.ENDED):
        return _("Your volunteering in this offer has already ended.")
    return None


@transaction.atomic
def withdraw_application(
    *, application: Application, by, language: str | None = None
) -> Application:
    """The volunteer withdraws, pending or accepted; an engagement not over yet ends with it."""
    application, offer = _locked(application)
    problem = withdraw_problem(application, by)
    if problem:
        raise ValidationError(problem, code="cannot-withdraw")
    was_accepted = application.status == Application.Status.ACCEPTED
    application.status = Application.Status.WITHDRAWN
    application.withdrawn_at = timezone.now()
    application.save(update_fields=["status", "withdrawn_at"])
    log_action(
        actor=by,
        verb="volunteering.application.withdrawn",
        target=application,
        data={"was_accepted": was_accepted},
    )
    if was_accepted:
        engagement = Engagement.objects.filter(application=application).first()
        if engagement is not None:
            engagement_services.cancel_engagement(
                engagement=engagement,
                by=by,
                reason=_("The volunteer withdrew the application."),
            )
        offer_services.refresh_filled(offer=offer, by=by)
    _email_host("withdrawn", application, language)
    return application
