from django.conf import settings
from django.db import models
from django.db.models import ExpressionWrapper, F, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pomyslowice.centre.models import Room, RoomBooking
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.organizations.models import Organization


def _earliest_possible_start(window_start):
    """No event starting before this can overlap a window starting at window_start: the
    longest one-off event and the first repeating event bound it. A filter on it lets the start
    index scan the window's rows, not every event that ended before the window."""
    length = ExpressionWrapper(F("end") - F("start"), output_field=models.DurationField())
    longest = Subquery(
        Event.objects.filter(recurrence_rule="")
        .annotate(length=length)
        .order_by("-length")
        .values("length")[:1],
        output_field=models.DurationField(),
    )
    first_repeating = Subquery(
        Event.objects.exclude(recurrence_rule="").order_by("start").values("start")[:1]
    )
    start = Value(window_start, output_field=models.DateTimeField())
    one_off_bound = ExpressionWrapper(start - longest, output_field=models.DateTimeField())
    # Least() is NULL on SQLite when an argument is: no such events means no lower bound of theirs.
    return Least(Coalesce(one_off_bound, start), Coalesce(first_repeating, start))


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=Event.PUBLIC_STATUSES)

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def between(self, start, end):
        """Events overlapping [start, end)."""
        return self.filter(start__lt=end, end__gte=start)

    def overlapping(self, start, end=None):
        """Events that may take place in [start, end): one-off events overlapping it and
        repeating events starting before its end (events.recurrence expands those)."""
        one_off = Q(recurrence_rule="", end__gte=start)
        repeating = ~Q(recurrence_rule="")
        if end is not None:
            one_off &= Q(start__lt=end)
            repeating &= Q(start__lt=end)
        return self.filter(one_off | repeating, start__gte=_earliest_possible_start(start))

    def pending(self):
        return self.filter(status=Event.Status.SUBMITTED)

    def for_listing(self):
        return self.select_related("organizer", "district").prefetch_related("areas")


class Event(models.Model):
    """Something happening locally: a meeting, a training, a conference, a school visit."""

    class Category(models.TextChoices):
        EVENT = "event", _("event")
        TRAINING = "training", _("training")
        WORKSHOP = "workshop", _("workshop")
        CONFERENCE = "conference", _("conference")
        MEETING = "meeting", _("meeting")
        SCHOOL_MEETING = "school-meeting", _("school meeting")
        OTHER = "other", _("other")

    # The human pages' ?rodzaj= uses Polish slugs; the API uses the English values above.
    CATEGORY_SLUGS = {
        Category.EVENT: "wydarzenie",
        Category.TRAINING: "szkolenie",
        Category.WORKSHOP: "warsztaty",
        Category.CONFERENCE: "konferencja",
        Category.MEETING: "spotkanie",
        Category.SCHOOL_MEETING: "spotkanie-w-szkole",
        Category.OTHER: "inne",
    }

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("awaiting approval")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")
        CANCELLED = "cancelled", _("cancelled")
        POSTPONED = "postponed", _("postponed")

    # Cancelled and postponed events stay visible so people learn about the change.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CANCELLED, Status.POSTPONED)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(
        _("kind"), max_length=20, choices=Category.choices, default=Category.EVENT
    )
    areas = models.ManyToManyField(
        AreaOfBenefit, verbose_name=_("areas of public benefit"), blank=True, related_name="events"
    )
    organizer = models.ForeignKey(
        Organization,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organized_events",
    )
    co_organizers = models.ManyToManyField(
        Organization,
        verbose_name=_("co-organisers"),
        blank=True,
        related_name="co_organized_events",
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    all_day = models.BooleanField(_("all day"), default=False)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    room = models.ForeignKey(
        Room,
        verbose_name=_("room at the centre"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    # One booking per date the event takes place, made through the centre's booking rules, so
    # that an event and any other use of the room can never overlap.
    room_bookings = models.ManyToManyField(
        RoomBooking, verbose_name=_("room bookings"), blank=True, related_name="events"
    )
    district = models.ForeignKey(
        District, verbose_name=_("district"), null=True, blank=True, on_delete=models.SET_NULL
    )
    online_url = models.URLField(_("online link"), blank=True)
    audience = models.CharField(_("for whom"), max_length=250, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.CharField(_("price"), max_length=100, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    image = models.ImageField(_("image"), upload_to="events/%Y/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    status_note = models.TextField(_("note on the status"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_events",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    recurrence_rule = models.CharField(
        _("repeats"),
        max_length=300,
        blank=True,
        help_text=_("An RFC 5545 rule, e.g. FREQ=WEEKLY;COUNT=10 or FREQ=MONTHLY;BYDAY=1TU."),
    )
    recurrence_exceptions = models.JSONField(
        _("dates skipped"), default=list, blank=True, help_text=_("Dates (YYYY-MM-DD) left out.")
    )

    registration_enabled = models.BooleanField(_("takes registrations"), default=False)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registration_needs_confirmation = models.BooleanField(
        _("staff confirm each registration"), default=False
    )
    registration_asks_organization = models.BooleanField(
        _("ask for the organisation"), default=True
    )
    registration_asks_needs = models.BooleanField(
        _("ask about needs (accessibility, diet)"), default=True
    )
    registration_consent_text = models.TextField(_("consent text"), blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("moderate_event", _("Can approve or reject submitted events"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="event_ends_after_start"
            )
        ]
        indexes = [
            # For EventQuerySet.overlapping: the longest one-off event, and repeating events.
            models.Index(
                F("end") - F("start"),
                name="event_one_off_length",
                condition=Q(recurrence_rule=""),
            ),
            models.Index(
                fields=["start"], name="event_repeating_start", condition=~Q(recurrence_rule="")
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})


class GrantCallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open(self, now=None):
        return self.filter(deadline__gte=now or timezone.now())

    def closed(self, now=None):
        return self.filter(deadline__lt=now or timezone.now())

    def for_listing(self):
        return self.select_related("funder_organization").prefetch_related("areas")


class GrantCall(models.Model):
    """A call for grant applications (konkurs) open to organisations in the region."""

    class Kind(models.TextChoices):
        OPEN_COMPETITION = "open-competition", _("open competition (art. 13)")
        SMALL_GRANT = "small-grant", _("small grant (art. 19a)")
        PRIVATE_PROGRAMME = "private-programme", _("foundation or company programme")
        PUBLIC_PROGRAMME = "public-programme", _("EU or government programme")
        OTHER = "other", _("other")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    funder_organization = models.ForeignKey(
        Organization,
        verbose_name=_("funder (from the directory)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grant_calls",
    )
    funder_name = models.CharField(_("funder"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    areas = models.ManyToManyField(
        AreaOfBenefit,
        verbose_name=_("areas of public benefit"),
        blank=True,
        related_name="grant_calls",
    )
    eligibility = models.TextField(_("who may apply"), blank=True)
    budget = models.DecimalField(
        _("total budget (PLN)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    min_amount = models.DecimalField(
        _("minimum grant (PLN)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_amount = models.DecimalField(
        _("maximum grant (PLN)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    own_contribution = models.CharField(_("own contribution rules"), max_length=300, blank=True)
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    deadline = models.DateTimeField(_("application deadline"), db_index=True)
    results_on = models.DateField(_("results expected on"), null=True, blank=True)
    application_url = models.URLField(_("application system"), blank=True)
    is_published = models.BooleanField(_("published"), default=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GrantCallQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("grant call")
        verbose_name_plural = _("grant calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_amount__isnull=True)
                | Q(max_amount__isnull=True)
                | Q(min_amount__lte=models.F("max_amount")),
                name="grant_call_min_not_above_max",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("grants:detail", kwargs={"slug": self.slug})

    @property
    def funder(self) -> str:
        return self.funder_organization.name if self.funder_organization else self.funder_name


class GrantCallAttachment(models.Model):
    grant_call = models.ForeignKey(GrantCall, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="grant-calls/%Y/")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class GrantCallSubscription(models.Model):
    """An organisation's representative wants e-mails about calls matching its areas."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grant_call_subscriptions"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="grant_call_subscriptions"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("grant call alert")
        verbose_name_plural = _("grant call alerts")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_alert_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.organization}"


class GrantCallReminder(models.Model):
    """A reminder already sent, so a re-run of the reminder command never sends it twice."""

    class Kind(models.TextChoices):
        NEW = "new", _("new call")
        WEEK = "week", _("7 days before the deadline")
        DAY = "day", _("1 day before the deadline")

    subscription = models.ForeignKey(
        GrantCallSubscription, on_delete=models.CASCADE, related_name="reminders"
    )
    grant_call = models.ForeignKey(GrantCall, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "grant_call", "kind"], name="one_reminder_of_a_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.grant_call}"


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")


class Registration(models.Model):
    """One person's place at an event (or on its waitlist)."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("e-mail not confirmed yet")
        PENDING = "pending", _("awaiting the staff's confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    organization_name = models.CharField(
        _("organisation (if not listed)"), max_length=250, blank=True
    )
    needs = models.TextField(_("needs"), blank=True)
    # The page language at registration: a guest has no account to keep a preference in.
    language = models.CharField(
        _("language of e-mails"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Set when the day-before reminder went out, so a re-run of the command never resends it.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="one_registration_per_person_per_event",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} - {self.event}"


class EventFeedback(models.Model):
    """A participant's answer to the survey after the event; one per registration."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5: {self.registration}"
