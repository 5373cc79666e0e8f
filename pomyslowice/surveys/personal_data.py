"""Personal data surveys hold: invitations sent to an address and, for surveys that are not
anonymous, the answers linked to them (see privacy.registry for the contract)."""

from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.personal_data import iso
from pomyslowice.privacy.registry import PersonalDataSource, Report, Subject, register_source

from .models import Invitation


def _invitations_of(subject: Subject):
    return Invitation.objects.filter(email__iexact=subject.email)


def export_invitations(subject: Subject) -> list[dict]:
    invitations = _invitations_of(subject).select_related("survey", "response")
    return [_invitation_record(invitation) for invitation in invitations]


def _invitation_record(invitation: Invitation) -> dict:
    response = getattr(invitation, "response", None)
    answers = (
        response.answers.select_related("question", "choice").order_by("question__position", "pk")
        if response
        else []
    )
    return {
        "survey": invitation.survey.title,
        "email": invitation.email,
        "sent_at": iso(invitation.sent_at),
        "reminded_at": iso(invitation.reminded_at),
        "answered": invitation.answered,
        "answers": [
            {
                "question": answer.question.text,
                "choice": answer.choice.text if answer.choice else None,
                "number": answer.number,
                "text": answer.text,
            }
            for answer in answers
        ],
    }


def erase_invitations(subject: Subject) -> Report:
    # Deleting the invitation unlinks its response (SET_NULL): the answers stay in the survey's
    # results as an anonymous response.
    invitations = _invitations_of(subject)
    count = invitations.count()
    invitations.delete()
    return Report(erased=count)


register_source(
    PersonalDataSource(
        name="surveys.invitations",
        label=_("Survey invitations and answers"),
        export=export_invitations,
        erase=erase_invitations,
        guest_emails=lambda: Invitation.objects.values_list("email", flat=True),
    )
)
