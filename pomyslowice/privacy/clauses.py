"""The purposes for which the platform processes personal data: the single source of the
information clauses (art. 13 GDPR) shown with every form, of the privacy policy's table and of
the wording stored with each consent.

Change a purpose's wording → raise its `version`: consents keep the version and text they were
given with, so an old consent is never read as agreement to a newer text.
"""

import dataclasses

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

BASIS_CONSENT = _("Art. 6(1)(a) GDPR: your consent")
BASIS_CONTRACT = _("Art. 6(1)(b) GDPR: the service you asked for")
BASIS_LEGAL_OBLIGATION = _("Art. 6(1)(c) GDPR: a legal obligation of the controller")
BASIS_PUBLIC_TASK = _(
    "Art. 6(1)(e) GDPR: a task in the public interest (supporting non-governmental "
    "organisations and volunteering under the Act on public benefit activity and volunteering)"
)
BASIS_LEGITIMATE_INTEREST = _("Art. 6(1)(f) GDPR: the legitimate interest of the controller")
BASIS_HEALTH = _(
    "Art. 9(2)(a) GDPR: your explicit consent, for information about your health or "
    "accessibility needs you choose to give"
)

PROCESSORS = _("the hosting and e-mail providers working for the centre (art. 28 GDPR)")
FUNDERS_RETENTION = _(
    "Until the end of the 5th year after the year of the service, as long as the centre must "
    "account for public funds."
)


@dataclasses.dataclass(frozen=True)
class Purpose:
    key: str
    version: str
    name: str | Promise
    description: str | Promise
    bases: tuple[str | Promise, ...]
    retention: str | Promise
    recipients: str | Promise
    # Whether providing the data is required, and what happens without it.
    requirement: str | Promise
    needs_consent: bool = False
    # For consent purposes: the wording the person agrees to, stored with the consent.
    consent_text: str | Promise = ""
    # For consent purposes: what changes once the consent is withdrawn.
    withdrawal_effect: str | Promise = ""


def _purposes() -> list[Purpose]:
    return [
        Purpose(
            key="account",
            version="2026-11",
            name=_("User account"),
            description=_(
                "To let you log in, confirm your e-mail address, reset your password and use "
                "the features for registered users."
            ),
            bases=(BASIS_CONTRACT,),
            retention=_("Until you delete your account."),
            recipients=PROCESSORS,
            requirement=_(
                "Required: without an e-mail address and a password we cannot create an account."
            ),
        ),
        Purpose(
            key="event_registration",
            version="2026-11",
            name=_("Registration for an event or training"),
            description=_(
                "To register you, keep your seat or waitlist place, send you reminders, confirm "
                "attendance and report the support given to the funders; if the organiser asks "
                "for a consent (for example to photos), to do what you agreed to."
            ),
            bases=(BASIS_CONTRACT, BASIS_PUBLIC_TASK, BASIS_CONSENT, BASIS_HEALTH),
            retention=FUNDERS_RETENTION,
            recipients=_("The organiser of the event; %(processors)s.")
            % {"processors": PROCESSORS},
            requirement=_(
                "Your name and e-mail address are required to register; the organiser's consent "
                "is required only where the event asks for it; your needs are optional."
            ),
            needs_consent=True,
            consent_text=_("I agree to what the organiser of the event asks for above."),
            withdrawal_effect=_(
                "The organiser may no longer use your data for what you agreed to (for example "
                "photos of you). Your registration itself stays."
            ),
        ),
        Purpose(
            key="consultation_booking",
            version="2026-11",
            name=_("Consultations with advisers"),
            description=_(
                "To book a consultation, prepare for it, remind you of it and record the support "
                "given."
            ),
            bases=(BASIS_CONTRACT, BASIS_PUBLIC_TASK),
            retention=FUNDERS_RETENTION,
            recipients=_("The adviser; %(processors)s.") % {"processors": PROCESSORS},
            requirement=_("Required: without contact details we cannot book a consultation."),
        ),
        Purpose(
            key="room_booking",
            version="2026-11",
            name=_("Room bookings"),
            description=_("To book a room of the centre for you or your organisation."),
            bases=(BASIS_CONTRACT, BASIS_PUBLIC_TASK),
            retention=FUNDERS_RETENTION,
            recipients=PROCESSORS,
            requirement=_("Required: without contact details we cannot book a room."),
        ),
        Purpose(
            key="equipment_loan",
            version="2026-11",
            name=_("Equipment loans"),
            description=_("To lend you equipment of the centre and get it back."),
            bases=(BASIS_CONTRACT, BASIS_PUBLIC_TASK),
            retention=FUNDERS_RETENTION,
            recipients=PROCESSORS,
            requirement=_("Required: without contact details we cannot lend equipment."),
        ),
        Purpose(
            key="volunteer_profile",
            version="2026-11",
            name=_("Volunteer profile"),
            description=_(
                "To match you with volunteer offers, let host organisations find you if you wish "
                "and send you the weekly digest if you ask for it. A volunteer under 18 needs "
                "the written consent of a parent or legal guardian (art. 8 GDPR; art. 45 of the "
                "Act on public benefit activity and volunteering)."
            ),
            bases=(BASIS_CONSENT,),
            retention=_("Until you delete the profile or withdraw the consent to process it."),
            recipients=_("Host organisations, only if you let them find you; %(processors)s.")
            % {"processors": PROCESSORS},
            requirement=_("Voluntary; without the profile we cannot match you with offers."),
            needs_consent=True,
            consent_text=_(
                "I agree that the centre processes my volunteer profile to match me with "
                "volunteer offers."
            ),
            withdrawal_effect=_(
                "Withdrawing the consent to the profile deletes the profile; withdrawing the "
                "consent to be found or to the digest switches that off."
            ),
        ),
        Purpose(
            key="volunteer_application",
            version="2026-11",
            name=_("Applications for volunteer offers"),
            description=_(
                "To pass your application to the host organisation, conclude the volunteering "
                "agreement and keep the records of volunteer work the law requires."
            ),
            bases=(BASIS_CONTRACT, BASIS_LEGAL_OBLIGATION),
            retention=_(
                "Applications without an engagement until you delete your profile; agreements "
                "and records of work for 3 years after the engagement ends."
            ),
            recipients=_("The host organisation; %(processors)s.") % {"processors": PROCESSORS},
            requirement=_("Required to apply."),
        ),
        Purpose(
            key="leader_profile",
            version="2026-11",
            name=_("Profile of an activist or local leader"),
            description=_(
                "To publish information about you in the directory of activists and leaders, "
                "field by field as you agree to."
            ),
            bases=(BASIS_CONSENT,),
            retention=_("Until you withdraw the consent or delete the profile."),
            recipients=_("Everyone: the published fields are public and open data; %(processors)s.")
            % {"processors": PROCESSORS},
            requirement=_("Voluntary; without your consent nothing about you is published."),
            needs_consent=True,
            consent_text=_(
                "I agree that the centre publishes the information I ticked about me in the "
                "directory of activists and local leaders."
            ),
            withdrawal_effect=_(
                "Your profile is unpublished at once: nothing about you is shown on the website "
                "or in the API."
            ),
        ),
        Purpose(
            key="grant_call_alerts",
            version="2026-11",
            name=_("Grant call alerts"),
            description=_(
                "To e-mail you new grant calls and deadline reminders matching your organisation."
            ),
            bases=(BASIS_CONSENT,),
            retention=_("Until you switch the alerts off."),
            recipients=PROCESSORS,
            requirement=_("Voluntary."),
            needs_consent=True,
            consent_text=_(
                "I want to receive e-mails about grant calls matching my organisation's areas."
            ),
            withdrawal_effect=_("The alerts are switched off; you receive no more of them."),
        ),
        Purpose(
            key="contact_form",
            version="2026-11",
            name=_("Contact forms"),
            description=_(
                "To pass your message to the person or organisation you write to, so that they "
                "can answer you."
            ),
            bases=(BASIS_LEGITIMATE_INTEREST,),
            retention=_(
                "The message is sent by e-mail and not stored on the website; the recipient "
                "keeps it on their own responsibility."
            ),
            recipients=_("The person or organisation you write to; %(processors)s.")
            % {"processors": PROCESSORS},
            requirement=_("Required: without your address the recipient cannot answer you."),
        ),
        Purpose(
            key="survey",
            version="2026-11",
            name=_("Surveys"),
            description=_(
                "To learn how useful the centre's support is and report it to the funders."
            ),
            bases=(BASIS_PUBLIC_TASK,),
            retention=FUNDERS_RETENTION,
            recipients=PROCESSORS,
            requirement=_("Voluntary; you may skip any question."),
        ),
        Purpose(
            key="mail_register",
            version="2026-11",
            name=_("Correspondence register"),
            description=_(
                "To register letters and parcels received for organisations based at the centre "
                "and hand them over."
            ),
            bases=(BASIS_PUBLIC_TASK, BASIS_LEGAL_OBLIGATION),
            retention=FUNDERS_RETENTION,
            recipients=PROCESSORS,
            requirement=_("Required to hand mail over."),
        ),
        Purpose(
            key="data_request",
            version="2026-11",
            name=_("Requests about personal data"),
            description=_(
                "To handle your request under art. 15–21 GDPR and show that it was handled."
            ),
            bases=(BASIS_LEGAL_OBLIGATION,),
            retention=_("5 years after the request is answered."),
            recipients=PROCESSORS,
            requirement=_("Required: without it we cannot identify you and answer."),
        ),
    ]


PURPOSES: dict[str, Purpose] = {purpose.key: purpose for purpose in _purposes()}


def get_purpose(key: str) -> Purpose:
    try:
        return PURPOSES[key]
    except KeyError:
        raise LookupError(f"Unknown purpose of processing: {key!r}") from None


def controller() -> dict:
    """Who the controller is and where to write: the data protection officer, if one is
    appointed, otherwise the controller's privacy address."""
    return {
        "name": settings.PRIVACY_CONTROLLER,
        "email": settings.PRIVACY_EMAIL,
        "dpo_email": settings.PRIVACY_DPO_EMAIL,
    }
