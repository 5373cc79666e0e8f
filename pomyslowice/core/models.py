import math

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARTH_RADIUS_KM = 6371.0


class District(models.Model):
    """A district (dzielnica) of the centre's city; data, so any Polish centre can load its own."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    # A point inside the district, for "how far" (volunteer matching); a centre fills in its own.
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name

    def distance_km(self, other: "District") -> float | None:
        """Straight-line distance between the two districts' points; None if one has none."""
        if None in (self.latitude, self.longitude, other.latitude, other.longitude):
            return None
        return distance_km(
            (float(self.latitude), float(self.longitude)),
            (float(other.latitude), float(other.longitude)),
        )


def distance_km(first: tuple[float, float], second: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (first, second))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


class AreaOfBenefit(models.Model):
    """A sphere of public tasks: art. 4 ust. 1 of the Act on public benefit and volunteering."""

    code = models.CharField(_("point"), max_length=10, unique=True, help_text=_("e.g. 1, 1a, 32a"))
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source = models.CharField(_("legal source"), max_length=300)
    is_active = models.BooleanField(_("in force"), default=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("area of public benefit")
        verbose_name_plural = _("areas of public benefit")

    def __str__(self) -> str:
        return self.name


class AuditLogEntryQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            target_type=ContentType.objects.get_for_model(obj), target_id=str(obj.pk)
        ).select_related("actor")


class AuditLogEntry(models.Model):
    """One state change of something that matters; written only through core.audit.log_action."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("action"), max_length=100, db_index=True)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    target_repr = models.CharField(_("object"), max_length=300, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditLogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.verb} {self.target_repr}"


class ScheduledRun(models.Model):
    """A scheduled job enqueued for one time slot; the unique pair makes a second scheduler
    (another host, a restart) skip a slot already taken instead of running the job twice."""

    job = models.CharField(_("job"), max_length=100)
    slot = models.DateTimeField(_("time slot"), help_text=_("when the job was due"))
    enqueued_at = models.DateTimeField(_("enqueued at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-slot", "job"]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.job} {timezone.localtime(self.slot):%Y-%m-%d %H:%M}"
