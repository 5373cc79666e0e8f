"""Participant surveys: a questionnaire, the invitations that carry its links, and the answers.

Anonymity is a property of the data, not of the pages: a Response of an anonymous survey has no
link to its invitation, and nothing on it is finer than the day it came in. Responses and answers
have random primary keys, so their order in the database says nothing about who answered when.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pomyslowice.knowledge.models import Article

SCALE_SIZES = (5, 10)


class SurveyQuerySet(models.QuerySet):
    def with_counts(self):
        return self.annotate(
            invitation_count=Count("invitations", distinct=True),
            answered_count=Count(
                "invitations", filter=Q(invitations__answered=True), distinct=True
            ),
        )

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class Survey(models.Model):
    class Status(models.TextChoices):
        # A context of their own: Polish "ankieta" is feminine, other apps' "open" is not.
        DRAFT = "draft", pgettext_lazy("survey status", "draft")
        OPEN = "open", pgettext_lazy("survey status", "open")
        CLOSED = "closed", pgettext_lazy("survey status", "closed")

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the questions.")
    )
    is_anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_("Answers are stored without any link to the person who gave them."),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("published as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True)
                | Q(opens_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def accepts_answers(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.OPEN
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        SCALE = "scale", _("scale")
        TEXT = "text", _("free text")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE)

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    required = models.BooleanField(_("an answer is required"), default=True)
    scale_max = models.PositiveSmallIntegerField(
        _("scale"),
        null=True,
        blank=True,
        choices=[(size, f"1–{size}") for size in SCALE_SIZES],
    )
    scale_min_label = models.CharField(_("label of 1"), max_length=60, blank=True)
    scale_max_label = models.CharField(_("label of the highest value"), max_length=60, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="scale", scale_max__in=SCALE_SIZES)
                | (~Q(kind="scale") & Q(scale_max__isnull=True)),
                name="question_scale_only_for_scale",
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in self.CHOICE_KINDS


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.CharField(_("answer option"), max_length=300)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return self.text


class InvitationQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(answered=False)


class Invitation(models.Model):
    """One address asked to answer. It records only *that* it answered, never when or what."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    token = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered = models.BooleanField(_("answered"), default=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "email"], name="one_invitation_per_address")
        ]

    def __str__(self) -> str:
        return f"{self.email} – {self.survey}"


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Only for surveys that are not anonymous; unique, so an invitation answers once.
    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="response",
    )
    submitted_on = models.DateField(_("day received"))

    class Meta:
        ordering = ["submitted_on", "id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return f"{self.survey} ({self.submitted_on})"


class Answer(models.Model):
    """One question's answer; a multiple-choice question has one row per chosen option."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(
        Choice, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "choice"], name="one_answer_per_option"
            )
        ]

    def __str__(self) -> str:
        return str(self.question)
