"""Building, sending and answering surveys. Every state change of a survey is audit-logged.

Answering is deliberately not logged: an audit entry with its exact time beside an answer would
undo the anonymity the survey promised.
"""

import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pomyslowice.core.audit import log_action
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.knowledge.models import Article
from pomyslowice.knowledge.services import create_article

from .models import Answer, Choice, Invitation, Question, Response, Survey
from .results import results_for

SURVEY_FIELDS = ("title", "introduction", "is_anonymous", "opens_at", "closes_at")
QUESTION_FIELDS = ("text", "kind", "required", "scale_max", "scale_min_label", "scale_max_label")
TOKEN_BYTES = 32
NOT_DRAFT = gettext_lazy("Only a draft survey can be changed; this one has already been opened.")


def _locked(survey: Survey) -> Survey:
    return Survey.objects.select_for_update().get(pk=survey.pk)


def _require_draft(survey: Survey) -> None:
    if not survey.is_draft:
        raise ValidationError(NOT_DRAFT)


# --- the questionnaire -------------------------------------------------------------------------


@transaction.atomic
def create_survey(*, by, **data) -> Survey:
    survey = Survey(created_by=by, **{name: data[name] for name in SURVEY_FIELDS if name in data})
    survey.full_clean()
    survey.save()
    log_action(actor=by, verb="surveys.survey.created", target=survey)
    return survey


@transaction.atomic
def update_survey(*, survey: Survey, by, **data) -> Survey:
    survey = _locked(survey)
    _require_draft(survey)
    for name in SURVEY_FIELDS:
        if name in data:
            setattr(survey, name, data[name])
    survey.full_clean()
    survey.save()
    log_action(actor=by, verb="surveys.survey.updated", target=survey)
    return survey


def _clean_choices(kind: str, choices: list[str]) -> list[str]:
    cleaned = [" ".join(text.split()) for text in choices if text and text.strip()]
    if kind not in Question.CHOICE_KINDS:
        return []
    if len(cleaned) < 2:
        raise ValidationError({"choices": _("Give at least two answer options.")})
    if len({text.casefold() for text in cleaned}) != len(cleaned):
        raise ValidationError({"choices": _("Each answer option may appear only once.")})
    return cleaned


def _apply_question(question: Question, data: dict) -> None:
    for name in QUESTION_FIELDS:
        if name in data:
            setattr(question, name, data[name])
    if question.kind == Question.Kind.SCALE:
        if question.scale_max is None:
            raise ValidationError({"scale_max": _("Choose the length of the scale.")})
    else:
        question.scale_max = None
        question.scale_min_label = question.scale_max_label = ""
    question.full_clean()


def _set_choices(question: Question, choices: list[str]) -> None:
    question.choices.all().delete()
    Choice.objects.bulk_create(
        Choice(question=question, position=index, text=text[:300])
        for index, text in enumerate(choices, start=1)
    )


@transaction.atomic
def add_question(*, survey: Survey, by, choices: list[str] = (), **data) -> Question:
    survey = _locked(survey)
    _require_draft(survey)
    last = survey.questions.aggregate(last=Max("position"))["last"] or 0
    question = Question(survey=survey, position=last + 1)
    _apply_question(question, data)
    choices = _clean_choices(question.kind, list(choices))
    question.save()
    _set_choices(question, choices)
    log_action(
        actor=by, verb="surveys.question.added", target=survey, data={"question": question.pk}
    )
    return question


@transaction.atomic
def update_question(*, question: Question, by, choices: list[str] = (), **data) -> Question:
    _require_draft(_locked(question.survey))
    question = Question.objects.get(pk=question.pk)
    _apply_question(question, data)
    choices = _clean_choices(question.kind, list(choices))
    question.save()
    _set_choices(question, choices)
    log_action(
        actor=by,
        verb="surveys.question.updated",
        target=question.survey,
        data={"question": question.pk},
    )
    return question


@transaction.atomic
def delete_question(*, question: Question, by) -> None:
    survey = _locked(question.survey)
    _require_draft(survey)
    log_action(
        actor=by, verb="surveys.question.deleted", target=survey, data={"text": question.text}
    )
    question.delete()


@transaction.atomic
def move_question(*, question: Question, by, up: bool) -> None:
    """Swap the question with its neighbour; at either end nothing changes."""
    survey = _locked(question.survey)
    _require_draft(survey)
    ordered = list(survey.questions.order_by("position", "pk"))
    index = next(i for i, item in enumerate(ordered) if item.pk == question.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(ordered):
        return
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, item in enumerate(ordered, start=1):
        item.position = position
    Question.objects.bulk_update(ordered, ["position"])


# --- the survey's life -------------------------------------------------------------------------


def _check_ready(survey: Survey) -> None:
    questions = list(survey.questions.prefetch_related("choices"))
    if not questions:
        raise ValidationError(_("Add at least one question before opening the survey."))
    if any(q.has_choices and len(q.choices.all()) < 2 for q in questions):
        raise ValidationError(_("Every choice question needs at least two answer options."))


@transaction.atomic
def open_survey(*, survey: Survey, by) -> Survey:
    survey = _locked(survey)
    _require_draft(survey)
    _check_ready(survey)
    survey.status = Survey.Status.OPEN
    survey.save(update_fields=["status", "updated_at"])
    log_action(actor=by, verb="surveys.survey.opened", target=survey)
    return survey


@transaction.atomic
def close_survey(*, survey: Survey, by) -> Survey:
    survey = _locked(survey)
    if survey.status != Survey.Status.OPEN:
        raise ValidationError(_("Only an open survey can be closed."))
    survey.status = Survey.Status.CLOSED
    survey.save(update_fields=["status", "updated_at"])
    log_action(actor=by, verb="surveys.survey.closed", target=survey)
    return survey


# --- sending -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sending:
    sent: int
    skipped: int


def _require_open(survey: Survey) -> None:
    if not survey.accepts_answers():
        raise ValidationError(_("Invitations can be sent only while the survey is open."))


def _mail_invitation(invitation: Invitation, *, template: str, language) -> None:
    send_templated_email(
        template=template,
        to=[invitation.email],
        context={"survey": invitation.survey, "token": invitation.token},
        language=language,
    )


@transaction.atomic
def invite(*, survey: Survey, emails: list[str], by, audience: str, language=None) -> Sending:
    """One invitation per new address, each with its own link; addresses invited before are
    skipped. The e-mails leave once everything is saved."""
    survey = _locked(survey)
    _require_open(survey)
    wanted = sorted({email.strip().lower() for email in emails if email.strip()})
    known = set(survey.invitations.filter(email__in=wanted).values_list("email", flat=True))
    invitations = [
        Invitation(survey=survey, email=email, token=secrets.token_urlsafe(TOKEN_BYTES))
        for email in wanted
        if email not in known
    ]
    for invitation in invitations:
        invitation.full_clean(exclude=["survey"], validate_unique=False)
    Invitation.objects.bulk_create(invitations)
    for invitation in invitations:
        _mail_invitation(invitation, template="surveys/email/invitation", language=language)
    log_action(
        actor=by,
        verb="surveys.survey.sent",
        target=survey,
        data={"audience": audience, "sent": len(invitations), "skipped": len(known)},
    )
    return Sending(sent=len(invitations), skipped=len(known))


@transaction.atomic
def send_reminders(*, survey: Survey, by, language=None) -> int:
    survey = _locked(survey)
    _require_open(survey)
    waiting = list(survey.invitations.unanswered().select_related("survey"))
    now = timezone.now()
    for invitation in waiting:
        invitation.reminded_at = now
        _mail_invitation(invitation, template="surveys/email/reminder", language=language)
    Invitation.objects.bulk_update(waiting, ["reminded_at"])
    log_action(actor=by, verb="surveys.survey.reminded", target=survey, data={"sent": len(waiting)})
    return len(waiting)


# --- answering ---------------------------------------------------------------------------------


class AlreadyAnswered(Exception):
    pass


class SurveyNotOpen(Exception):
    pass


def _answers_for(question: Question, value) -> list[Answer]:
    """The rows one question's value becomes; raises ValidationError on anything forged."""
    field = f"q{question.pk}"
    if value in (None, "", [], ()):
        if question.required:
            raise ValidationError({field: _("This question needs an answer.")})
        return []
    if question.kind == Question.Kind.TEXT:
        return [Answer(question=question, text=str(value).strip())]
    if question.kind == Question.Kind.SCALE:
        number = int(value)
        if not 1 <= number <= question.scale_max:
            raise ValidationError({field: _("Choose a value on the scale.")})
        return [Answer(question=question, number=number)]
    chosen = {int(pk) for pk in (value if question.kind == Question.Kind.MULTIPLE else [value])}
    own = {choice.pk: choice for choice in question.choices.all()}
    if not chosen <= own.keys():
        raise ValidationError({field: _("Choose from the options of this question.")})
    return [Answer(question=question, choice=own[pk]) for pk in sorted(chosen)]


@transaction.atomic
def submit_response(*, invitation: Invitation, values: dict[int, object]) -> Response:
    """Store one invitation's answers. `values` maps question ids to what the form cleaned.

    The invitation is claimed by a conditional UPDATE inside the transaction: of two
    simultaneous submissions exactly one changes the row, the other finds it answered."""
    survey = invitation.survey
    if not survey.accepts_answers():
        raise SurveyNotOpen
    questions = survey.questions.prefetch_related("choices")
    answers = [row for q in questions for row in _answers_for(q, values.get(q.pk))]
    claimed = Invitation.objects.filter(pk=invitation.pk, answered=False).update(answered=True)
    if not claimed:
        raise AlreadyAnswered
    response = Response.objects.create(
        survey=survey,
        invitation=None if survey.is_anonymous else invitation,
        submitted_on=timezone.localdate(),
    )
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    return response


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("survey").filter(token=token).first()


# --- publishing --------------------------------------------------------------------------------


@transaction.atomic
def publish_results(*, survey: Survey, by) -> Article:
    """A draft research article holding the results; the knowledge base's review takes it on."""
    survey = _locked(survey)
    if survey.status != Survey.Status.CLOSED:
        raise ValidationError(_("Results can be published once the survey is closed."))
    if survey.article_id:
        raise ValidationError(_("The results have already been published as an article."))
    results = results_for(survey)
    article = create_article(
        data={
            "kind": Article.Kind.RESEARCH,
            "title": _("Survey results: %(title)s") % {"title": survey.title},
            "lead": survey.introduction[:600],
            "body": render_to_string("surveys/article_body.html", {"results": results}),
            "method": _("An online questionnaire sent by e-mail with a personal link."),
            "sample": _("%(responses)d responses of %(invited)d people invited")
            % {"responses": results.responses, "invited": results.invited},
        },
        by=by,
    )
    survey.article = article
    survey.save(update_fields=["article", "updated_at"])
    log_action(
        actor=by, verb="surveys.survey.published", target=survey, data={"article": article.pk}
    )
    return article
