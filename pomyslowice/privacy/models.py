import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Art. 12(3) GDPR: a request is answered within one month.
REQUEST_DEADLINE_DAYS = 30


class ConsentRecordQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)

    def of_user(self, user):
        return self.filter(user=user)


class ConsentRecord(models.Model):
    """One consent as given: to what, when, in which wording, and whether and how it was withdrawn.

    Written only through privacy.consents; the wording is copied so that a later change of the
    text does not rewrite what the person agreed to.
    """

    class WithdrawalMethod(models.TextChoices):
        SELF_SERVICE = "self-service", _("by the person on the platform")
        STAFF = "staff", _("by staff on the person's request")
        ERASURE = "erasure", _("with the erasure of the person's data")
        SUPERSEDED = "superseded", _("replaced by a newer consent")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consent_records",
    )
    # Who consented when they have no account (a guest registration); blank for account holders.
    email = models.EmailField(_("e-mail address"), blank=True)
    purpose = models.CharField(_("purpose"), max_length=64, db_index=True)
    version = models.CharField(_("version of the text"), max_length=32)
    text = models.TextField(_("text agreed to"))
    language = models.CharField(_("language"), max_length=8)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_method = models.CharField(
        _("how withdrawn"), max_length=16, choices=WithdrawalMethod.choices, blank=True
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The record the consent came with (a registration, a volunteer profile), if any.
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_id = models.CharField(max_length=64, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consent register")
        indexes = [models.Index(fields=["source_type", "source_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""),
                name="privacy_consent_has_a_person",
                violation_error_message=_("A consent belongs to a person or an e-mail address."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.version} ({self.given_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class DataRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=DataRequest.Status.OPEN)


class DataRequest(models.Model):
    """A request about personal data (art. 15–21 GDPR), received by staff or on the platform."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("access to the data (art. 15)")
        RECTIFICATION = "rectification", _("rectification (art. 16)")
        ERASURE = "erasure", _("erasure (art. 17)")
        RESTRICTION = "restriction", _("restriction of processing (art. 18)")
        PORTABILITY = "portability", _("data portability (art. 20)")
        OBJECTION = "objection", _("objection (art. 21)")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        REFUSED = "refused", _("refused")

    kind = models.CharField(_("kind of request"), max_length=16, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    requester_name = models.CharField(_("requester's name"), max_length=200)
    requester_email = models.EmailField(_("requester's e-mail address"))
    # The account the request is about, when the person has one.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_requests",
    )
    details = models.TextField(_("details of the request"), blank=True)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    due_on = models.DateField(_("answer due on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    objects = DataRequestQuerySet.as_manager()

    class Meta:
        ordering = ["status", "due_on", "pk"]
        verbose_name = _("data protection request")
        verbose_name_plural = _("data protection requests")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.requester_name}"

    def save(self, *args, **kwargs):
        if self.due_on is None:
            self.due_on = self.received_on + datetime.timedelta(days=REQUEST_DEADLINE_DAYS)
        super().save(*args, **kwargs)


class ErasureRecord(models.Model):
    """The erasure log: whose data was erased, when, why and what was kept.

    It keeps a digest of the e-mail address, never the address, so that an erasure can be
    re-applied after a backup restore without the log itself holding the erased data.
    """

    class Reason(models.TextChoices):
        SELF_SERVICE = "self-service", _("the person deleted their account")
        REQUEST = "request", _("a request handled by staff")
        RETENTION = "retention", _("the retention period ended")

    created_at = models.DateTimeField(_("erased at"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    user_id_erased = models.BigIntegerField(_("account number"), null=True, blank=True)
    email_digest = models.CharField(max_length=64, db_index=True)
    data_request = models.ForeignKey(
        DataRequest,
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="erasures",
    )
    # Per source: {"source": name, "erased": n, "kept": [{"what": ..., "why": ..., "until": ...}]}
    summary = models.JSONField(_("what was done"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasure log")
        permissions = [("view_personal_data_log", _("Can read who accessed personal data"))]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_reason_display()}"
