"""The volunteer centre: hosts' offers, volunteers' profiles, applications, and the engagement that
follows an accepted application, with what the Act of 24 April 2003 (art. 42–46) asks of it:
the agreement (porozumienie), accident insurance, health and safety information, a guardian for
minors, the sex-offender register check for work with children, hours and certificates. Also the
outreach log and the initiative group towards a city Volunteer Centre.

A volunteering placement counts as support received by the host: the service that starts an
engagement writes its `organizations.SupportRecord`.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pomyslowice.core.ages import age_on
from pomyslowice.core.files import private_storage
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.events.models import Event
from pomyslowice.organizations.models import Organization

from . import availability

ADULT_AGE = 18
# Under this age the legal guardian concludes the agreement; from it until ADULT_AGE the minor
# concludes it with the guardian's written consent.
GUARDIAN_CONCLUDES_BELOW = 13
# Art. 44 ust. 2: an agreement for more than 30 days must be in writing; art. 46 ust. 3: the host
# insures a volunteer working up to 30 days against accidents (NNW).
SHORT_ENGAGEMENT_DAYS = 30
MAX_HOURS_A_DAY = 24
# Shown for the volunteer of records kept after their account was erased.
ERASED_PERSON = _("erased person")


class Skill(models.Model):
    """What a volunteer can do and an offer asks for; a short list kept by the centre's staff."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return self.name


# --- outreach (before profiles: a profile remembers the meeting that brought the volunteer) ------


class OutreachMeeting(models.Model):
    """A promotion meeting held by the volunteer caretaker in a school or an institution."""

    class InstitutionKind(models.TextChoices):
        SCHOOL = "school", _("school")
        NGO = "ngo", _("non-governmental organisation")
        LABOUR_OFFICE = "pup", _("district labour office (PUP)")
        CITY_HALL = "um", _("city hall (UM)")
        SOCIAL_WELFARE = "mops", _("municipal social welfare centre (MOPS)")
        OTHER = "other", _("other institution")

    institution = models.CharField(_("institution"), max_length=200)
    institution_kind = models.CharField(
        _("kind of institution"), max_length=10, choices=InstitutionKind.choices
    )
    held_on = models.DateField(_("date"))
    audience = models.CharField(
        _("audience"), max_length=200, help_text=_("For example: pupils of classes 7–8, teachers.")
    )
    participants = models.PositiveIntegerField(_("number of participants"), default=0)
    materials = models.TextField(_("materials used or handed out"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    event = models.ForeignKey(
        Event,
        verbose_name=_("event in the calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outreach_meetings",
        help_text=_("For example the integration meeting on the legal aspects of volunteering."),
    )
    # Printed on leaflets and in links: people who sign up through it are counted as its result.
    tracking_code = models.SlugField(_("tracking code"), max_length=40, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("outreach meeting")
        verbose_name_plural = _("outreach meetings")
        permissions = [("manage_outreach", _("Can keep the outreach log and the initiative group"))]

    def __str__(self) -> str:
        return f"{self.institution} ({self.held_on:%d.%m.%Y})"


# --- volunteers --------------------------------------------------------------------------------


class VolunteerProfileQuerySet(models.QuerySet):
    def findable(self):
        """Profiles their volunteers opted in to show to hosts."""
        return self.filter(visible_to_hosts=True, user__is_active=True)


class VolunteerProfile(models.Model):
    """A person who wants to volunteer. Age comes from the user's date of birth."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    about = models.TextField(_("about me"), blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True)
    areas = models.ManyToManyField(
        AreaOfBenefit, verbose_name=_("interests"), blank=True, related_name="+"
    )
    availability = models.PositiveIntegerField(
        _("when I am available"), default=0, help_text=_("Weekdays and parts of the day.")
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    travels = models.BooleanField(_("I can travel to other districts"), default=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: Polish, English.")
    )
    experience = models.TextField(_("experience"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # What hosts see: nothing unless visible_to_hosts; then the fields switched on below.
    visible_to_hosts = models.BooleanField(_("hosts may find me"), default=False)
    show_name = models.BooleanField(_("show my name"), default=False)
    show_contact = models.BooleanField(_("show my e-mail and phone"), default=False)
    show_experience = models.BooleanField(_("show my experience and about me"), default=True)
    digest = models.BooleanField(_("weekly e-mail with new matching offers"), default=False)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    source_meeting = models.ForeignKey(
        OutreachMeeting,
        verbose_name=_("came through"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteers",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VolunteerProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self) -> str:
        return str(self.user)

    def age(self, day: datetime.date | None = None) -> int | None:
        return age_on(self.user.birth_date, day or timezone.localdate())

    @property
    def availability_slots(self) -> list[tuple[int, int]]:
        return availability.slots(self.availability)


class ProfileConsent(models.Model):
    """One consent a volunteer gave (and perhaps withdrew), with the wording they saw."""

    class Purpose(models.TextChoices):
        PROFILE = "profile", _("processing my profile to match me with offers")
        VISIBLE_TO_HOSTS = "visible-to-hosts", _("showing my profile to host organisations")
        DIGEST = "digest", _("weekly e-mail with matching offers")

    profile = models.ForeignKey(VolunteerProfile, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    wording = models.TextField(_("wording shown"))
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_profile_consent_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile}: {self.get_purpose_display()}"


# --- offers ------------------------------------------------------------------------------------


class OfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Offer.Status.PUBLISHED)

    def open(self, today: datetime.date | None = None):
        """Published and not expired: what volunteers can apply for."""
        today = today or timezone.localdate()
        return self.published().filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))

    def open_to_age(self, age: int | None):
        """Offers a person of this age may see; anyone whose age is unknown sees them all."""
        if age is None:
            return self
        return self.filter(min_age__lte=age)

    def for_host(self, organizations):
        return self.filter(host__in=organizations)

    def through_relation(self, **lookup):
        """Filter on a many-to-many relation in a subquery: a join would repeat an offer per
        match and force a DISTINCT over every long text column of the listing."""
        return self.filter(pk__in=Offer.objects.filter(**lookup).values("pk"))


class Offer(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        REVIEW = "review", _("awaiting review")
        PUBLISHED = "published", _("published")
        FILLED = "filled", _("all places filled")
        CLOSED = "closed", _("closed")

    class Schedule(models.TextChoices):
        ONE_OFF = "one-off", _("one-off (a date)")
        RECURRING = "recurring", _("recurring (regular days)")
        FLEXIBLE = "flexible", _("flexible (when it suits the volunteer)")

    class Duration(models.TextChoices):
        SHORT = "short", _("up to 30 days")
        LONG = "long", _("longer than 30 days")

    host = models.ForeignKey(
        Organization,
        verbose_name=_("host organisation"),
        on_delete=models.CASCADE,
        related_name="volunteer_offers",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=220, unique=True)
    description = models.TextField(_("description"))
    tasks = models.TextField(_("tasks"), help_text=_("What the volunteer will do, one per line."))
    skills = models.ManyToManyField(
        Skill, verbose_name=_("skills wanted"), blank=True, related_name="offers"
    )
    areas = models.ManyToManyField(
        AreaOfBenefit, verbose_name=_("areas"), blank=True, related_name="volunteer_offers"
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer_offers",
    )
    address = models.CharField(_("address"), max_length=250, blank=True)
    is_remote = models.BooleanField(_("can be done remotely"), default=False)
    schedule = models.CharField(_("schedule"), max_length=10, choices=Schedule.choices)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    schedule_note = models.CharField(
        _("when exactly"),
        max_length=200,
        blank=True,
        help_text=_("For example: every Tuesday 16:00–18:00."),
    )
    availability = models.PositiveIntegerField(
        _("days and parts of the day"),
        default=0,
        help_text=_("When the work takes place; leave empty for flexible offers."),
    )
    duration = models.CharField(_("duration"), max_length=10, choices=Duration.choices)
    places = models.PositiveSmallIntegerField(
        _("number of places"), default=1, validators=[MinValueValidator(1)]
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        default=ADULT_AGE,
        validators=[MinValueValidator(6), MaxValueValidator(99)],
        help_text=_("Below 18 the offer is open to minors (with their guardian's consent)."),
    )
    works_with_children = models.BooleanField(
        _("involves working with children"),
        default=False,
        help_text=_("The host must check the sex-offender register before the volunteer starts."),
    )
    offers_training = models.BooleanField(_("training for the volunteer"), default=False)
    covers_travel = models.BooleanField(_("travel costs reimbursed"), default=False)
    offers_certificate = models.BooleanField(_("certificate of volunteering"), default=True)
    offers_other = models.CharField(_("the host also offers"), max_length=200, blank=True)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_note = models.TextField(_("note from the review"), blank=True)
    expires_on = models.DateField(_("offer valid until"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("volunteer offer")
        verbose_name_plural = _("volunteer offers")
        permissions = [("review_offer", _("Can review and publish volunteer offers"))]
        indexes = [
            models.Index(fields=["status", "expires_on"], name="offer_open"),
            # The offer list, the API and the home page: published offers, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status="published"),
                name="offer_published_newest",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="offer_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("volunteering:offer", args=[self.slug])

    @property
    def minors_welcome(self) -> bool:
        return self.min_age < ADULT_AGE

    @property
    def availability_slots(self) -> list[tuple[int, int]]:
        return availability.slots(self.availability)


# --- applications ------------------------------------------------------------------------------


class Application(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting the host's answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    ACTIVE_STATUSES = (Status.PENDING, Status.ACCEPTED)

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="applications")
    # SET_NULL: an engagement's agreement, hours and certificates outlive the volunteer's
    # account for as long as the law requires (see personal_data.py); None means erased.
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer_applications",
    )
    message = models.TextField(_("message to the host"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "volunteer"],
                condition=Q(status__in=["pending", "accepted"]),
                name="one_active_application_per_offer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_name} → {self.offer}"

    def get_absolute_url(self) -> str:
        return reverse("volunteering:application", args=[self.pk])

    @property
    def volunteer_name(self) -> str:
        if self.volunteer is None:
            return str(ERASED_PERSON)
        return self.volunteer.get_full_name() or self.volunteer.email

    @property
    def volunteer_email(self) -> str:
        """Empty once the account is erased, so nothing is sent to a kept record."""
        return self.volunteer.email if self.volunteer else ""

    @property
    def volunteer_birth_date(self) -> datetime.date | None:
        return self.volunteer.birth_date if self.volunteer else None


# --- engagements and the law -------------------------------------------------------------------


class Engagement(models.Model):
    """The volunteering that follows an accepted application, and the legal steps before it."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("being prepared")
        ACTIVE = "active", _("in progress")
        FINISHED = "finished", _("finished")
        ENDED = "ended", _("ended early")

    class RegisterResult(models.TextChoices):
        CLEAR = "clear", _("the person is not in the register")
        LISTED = "listed", _("the person is in the register")

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="engagement"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREPARING, db_index=True
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.TextField(_("why it ended"), blank=True)
    written_agreement_requested = models.BooleanField(
        _("the volunteer asked for a written agreement"), default=False
    )
    # Art. 45: the host informs the volunteer about health and safety risks and protection.
    safety_information = models.TextField(
        _("health and safety information"),
        blank=True,
        help_text=_("Risks of the work and how the volunteer is protected from them."),
    )
    safety_informed_at = models.DateTimeField(
        _("health and safety information acknowledged"), null=True, blank=True
    )
    travel_costs = models.TextField(
        _("travel and other costs"),
        blank=True,
        help_text=_("What the host reimburses and how (art. 45 ust. 1 pkt 4)."),
    )
    # Art. 46 ust. 3: accident insurance for engagements of up to 30 days.
    insurer = models.CharField(_("insurer"), max_length=200, blank=True)
    insurance_policy = models.CharField(_("policy number"), max_length=100, blank=True)
    insured_until = models.DateField(_("insured until"), null=True, blank=True)
    insurance_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Work with children: the fact of the check, never the certificate itself.
    register_checked_on = models.DateField(_("register checked on"), null=True, blank=True)
    register_checked_by = models.CharField(_("checked by"), max_length=200, blank=True)
    register_result = models.CharField(
        _("result"), max_length=10, choices=RegisterResult.choices, blank=True
    )
    register_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="engagement_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return str(self.application)

    def get_absolute_url(self) -> str:
        return reverse("volunteering:engagement", args=[self.pk])

    @property
    def offer(self) -> Offer:
        return self.application.offer

    @property
    def volunteer(self):
        return self.application.volunteer

    @property
    def volunteer_name(self) -> str:
        return self.application.volunteer_name

    def named_volunteer(self) -> str:
        """The volunteer's name, kept on the agreement once their account is erased (one
        query then); for certificates and the engagement's page, not for lists."""
        if self.volunteer is not None:
            return self.volunteer_name
        latest = self.agreements.order_by("-version").first()
        return latest.volunteer_name if latest else str(ERASED_PERSON)

    @property
    def days(self) -> int | None:
        """Calendar days the engagement covers; None while open-ended."""
        if self.ends_on is None:
            return None
        return (self.ends_on - self.starts_on).days + 1

    @property
    def is_short(self) -> bool:
        """Up to 30 days: insurance required, a written agreement only on request."""
        return self.days is not None and self.days <= SHORT_ENGAGEMENT_DAYS


class GuardianConsent(models.Model):
    """A minor's legal guardian: consent for 13–17, or the guardian concluding it below 13."""

    class Method(models.TextChoices):
        PAPER = "paper", _("signed paper form")
        IN_PERSON = "in-person", _("in person at the host")
        SCAN = "scan", _("scan of the signed form sent by e-mail")

    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="guardian_consent"
    )
    guardian_name = models.CharField(_("guardian's name"), max_length=200)
    relationship = models.CharField(
        _("relationship"),
        max_length=100,
        help_text=_("For example: mother, father, legal guardian."),
    )
    method = models.CharField(_("how it was given"), max_length=10, choices=Method.choices)
    given_on = models.DateField(_("given on"))
    signed_form = models.FileField(
        _("signed form"), storage=private_storage, upload_to="volunteering/consents/", blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("guardian's consent")
        verbose_name_plural = _("guardians' consents")

    def __str__(self) -> str:
        return f"{self.guardian_name} ({self.engagement})"


class Agreement(models.Model):
    """One version of the volunteering agreement (porozumienie, art. 44); both sides confirm it."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="agreements")
    version = models.PositiveSmallIntegerField(_("version"))
    scope = models.TextField(_("scope of the work"))
    manner = models.TextField(_("how the work is done"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    termination = models.TextField(_("how the agreement may be ended"))
    travel_costs = models.TextField(_("travel and other costs"), blank=True)
    host_signatory = models.CharField(_("signs for the host"), max_length=200)
    volunteer_name = models.CharField(_("volunteer"), max_length=200)
    # Below 13 the guardian concludes the agreement on the child's behalf.
    guardian_name = models.CharField(
        _("concluded by the legal guardian"), max_length=200, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    host_confirmed_at = models.DateTimeField(_("confirmed by the host"), null=True, blank=True)
    host_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    volunteer_confirmed_at = models.DateTimeField(
        _("confirmed by the volunteer"), null=True, blank=True
    )

    class Meta:
        ordering = ["engagement", "-version"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "version"], name="one_agreement_per_version"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.engagement} v{self.version}"

    @property
    def is_confirmed(self) -> bool:
        return bool(self.host_confirmed_at and self.volunteer_confirmed_at)


class HoursEntry(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting approval")
        APPROVED = "approved", _("approved")
        QUERIED = "queried", _("queried by the host")

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="hours")
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(0.25), MaxValueValidator(MAX_HOURS_A_DAY)],
    )
    description = models.CharField(_("what I did"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    review_note = models.TextField(_("host's question or note"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("hours")
        verbose_name_plural = _("hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=MAX_HOURS_A_DAY),
                name="hours_within_a_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.hours} h"


class CertificateRequest(models.Model):
    """Asked by the volunteer, issued by the host: a certificate (art. 44 ust. 5) or an opinion."""

    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", _("certificate of volunteering (zaświadczenie)")
        OPINION = "opinion", _("opinion on the volunteer's work (opinia)")

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="certificate_requests"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Written by the host for an opinion; the certificate's text is made from the records.
    opinion = models.TextField(_("opinion"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("certificate request")
        verbose_name_plural = _("certificate requests")
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "kind"],
                condition=Q(issued_at__isnull=True),
                name="one_open_request_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.engagement}"


# --- the initiative group towards a city Volunteer Centre --------------------------------------


class GroupMember(models.Model):
    class Role(models.TextChoices):
        LEADER = "leader", _("leader")
        SECRETARY = "secretary", _("secretary")
        MEMBER = "member", pgettext_lazy("initiative group", "member")
        PARTNER = "partner", _("partner institution")

    name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    email = models.EmailField(_("e-mail"), blank=True)
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        ordering = ["left_on", "name"]
        verbose_name = _("initiative group member")
        verbose_name_plural = _("initiative group members")

    def __str__(self) -> str:
        return self.name


class GroupMeeting(models.Model):
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    attendees = models.ManyToManyField(
        GroupMember, verbose_name=_("present"), blank=True, related_name="meetings"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("initiative group meeting")
        verbose_name_plural = _("initiative group meetings")

    def __str__(self) -> str:
        return f"{self.held_on:%d.%m.%Y}"


class GroupAction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("to do")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    title = models.CharField(_("action"), max_length=200)
    owner = models.ForeignKey(
        GroupMember,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    meeting = models.ForeignKey(
        GroupMeeting,
        verbose_name=_("agreed at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    due_on = models.DateField(_("by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["status", "due_on", "pk"]
        verbose_name = _("initiative group action")
        verbose_name_plural = _("initiative group actions")

    def __str__(self) -> str:
        return self.title
