"""The support centre's own services: rooms and equipment, consulting, the mail register, the
caretakers' work with organisations and their "small partnerships" strategy plans.

Every service delivered here is also written as one `organizations.SupportRecord` by the service
function that delivers it; the caretaker timeline and the funder's indicators read only those.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pomyslowice.organizations.models import Membership, Organization


class Weekday(models.IntegerChoices):
    # Python's date.weekday() numbering, so a date's weekday can be looked up directly.
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def _represented_by(user) -> Q:
    """Organisations the user actively represents, as a filter on an `organization` field."""
    return Q(
        organization__memberships__user=user,
        organization__memberships__status=Membership.Status.ACTIVE,
    )


# --- rooms -------------------------------------------------------------------------------------


class RoomQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_listing(self):
        return (
            self.active().prefetch_related("opening_hours", "photos").order_by("position", "name")
        )


class Room(models.Model):
    class Layout(models.TextChoices):
        THEATRE = "theatre", _("theatre (rows of chairs)")
        CLASSROOM = "classroom", _("classroom (desks facing the front)")
        BOARDROOM = "boardroom", _("boardroom (one large table)")
        U_SHAPE = "u-shape", _("U-shape")
        ISLANDS = "islands", _("workshop islands")
        OPEN = "open", _("open space (no furniture)")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity (people)"), validators=[MinValueValidator(1)]
    )
    location = models.CharField(_("where in the building"), max_length=200, blank=True)
    layouts = models.JSONField(
        _("layout options"), default=list, blank=True, help_text=_("Values of Room.Layout.")
    )
    built_in_equipment = models.TextField(
        _("equipment in the room"),
        blank=True,
        help_text=_("For example: screen, whiteboard, sound system, kitchenette."),
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet nearby"), default=False)
    hearing_loop = models.BooleanField(_("induction loop"), default=False)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    rules = models.TextField(_("rules of use"), blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("can be booked"), default=True)

    objects = RoomQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("centre:room-detail", kwargs={"slug": self.slug})

    def get_layouts_display(self) -> list[str]:
        labels = dict(self.Layout.choices)
        return [str(labels[value]) for value in self.layouts if value in labels]


class RoomPhoto(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="rooms/")
    alt_text = models.CharField(
        _("description for people who cannot see the photo"), max_length=250
    )
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("room photo")
        verbose_name_plural = _("room photos")

    def __str__(self) -> str:
        return self.alt_text


class OpeningHours(models.Model):
    """When a room can be booked on one weekday. A weekday without a row is closed."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.UniqueConstraint(
                fields=["room", "weekday"], name="one_opening_per_room_weekday"
            ),
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="opening_hours_close_after_open"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class ClosedDay(models.Model):
    """A day the centre (or one room) is closed besides Polish public holidays."""

    date = models.DateField(_("date"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="closed_days",
        help_text=_("Leave empty when the whole centre is closed."),
    )
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["date"]
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")

    def __str__(self) -> str:
        return f"{self.date}: {self.reason}"


class BookingStatus(models.TextChoices):
    PENDING = "pending", _("awaiting approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", pgettext_lazy("booking", "rejected")
    CANCELLED = "cancelled", pgettext_lazy("booking", "cancelled")


# Bookings in these states hold their time: no other booking may overlap them.
HOLDING_STATUSES = [BookingStatus.PENDING, BookingStatus.APPROVED]


class BookingSeries(models.Model):
    """A repeating room request ("every Tuesday 17–19 for 10 weeks"); each date is a booking."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="series")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    first_date = models.DateField(_("first date"))
    occurrences = models.PositiveSmallIntegerField(
        _("number of weeks"), validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    skipped = models.JSONField(
        _("dates skipped"),
        default=list,
        blank=True,
        help_text=_('[{"date": "YYYY-MM-DD", "reason": "…"}] for dates that could not be booked.'),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("repeating booking")
        verbose_name_plural = _("repeating bookings")

    def __str__(self) -> str:
        return f"{self.room} {self.get_weekday_display()} {self.starts_at:%H:%M}"


class RoomBookingQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(status__in=HOLDING_STATUSES)

    def overlapping(self, start, end):
        """Bookings sharing any moment with [start, end); touching ends do not overlap."""
        return self.filter(start__lt=end, end__gt=start)

    def pending(self):
        return self.filter(status=BookingStatus.PENDING)

    def upcoming(self, now=None):
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def for_user(self, user):
        """What a person may see: bookings they requested and those of organisations they
        represent."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(requested_by=user) | _represented_by(user)).distinct()


class RoomBooking(models.Model):
    Status = BookingStatus

    room = models.ForeignKey(
        Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="bookings"
    )
    start = models.DateTimeField(_("from"), db_index=True)
    end = models.DateTimeField(_("until"))
    status = models.CharField(
        _("status"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.PENDING
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="room_bookings",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="room_bookings",
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    purpose = models.CharField(_("purpose"), max_length=300)
    expected_people = models.PositiveIntegerField(
        _("expected number of people"), validators=[MinValueValidator(1)]
    )
    layout = models.CharField(_("layout"), max_length=20, choices=Room.Layout.choices, blank=True)
    equipment_needed = models.TextField(_("equipment needed"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    series = models.ForeignKey(
        BookingSeries,
        verbose_name=_("repeating booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoomBookingQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("room booking")
        verbose_name_plural = _("room bookings")
        indexes = [models.Index(fields=["room", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="room_booking_end_after_start"
            )
        ]
        # On PostgreSQL migration 0002 adds an exclusion constraint: no two holding bookings of
        # one room overlap. SQLite serialises writers instead (see centre.booking_services).
        permissions = [
            ("decide_roombooking", _("Can approve or reject room bookings")),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.start)
        return f"{self.room} {start:%Y-%m-%d %H:%M}"

    @property
    def is_holding(self) -> bool:
        return self.status in HOLDING_STATUSES


# --- equipment ---------------------------------------------------------------------------------


class EquipmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Equipment(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    quantity = models.PositiveIntegerField(_("quantity owned"), validators=[MinValueValidator(1)])
    photo = models.ImageField(_("photo"), upload_to="equipment/", blank=True)
    photo_alt_text = models.CharField(_("photo description"), max_length=250, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("can be borrowed"), default=True)

    objects = EquipmentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("equipment")
        verbose_name_plural = _("equipment")

    def __str__(self) -> str:
        return self.name


class EquipmentReservationQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(
            status__in=[
                EquipmentReservation.Status.RESERVED,
                EquipmentReservation.Status.CHECKED_OUT,
            ]
        )

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gt=start)

    def overdue(self, now=None):
        return self.filter(
            status=EquipmentReservation.Status.CHECKED_OUT, end__lt=now or timezone.now()
        )

    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(requested_by=user) | _represented_by(user)).distinct()


class EquipmentReservation(models.Model):
    class Status(models.TextChoices):
        RESERVED = "reserved", _("reserved")
        CHECKED_OUT = "checked-out", _("lent out")
        RETURNED = "returned", _("returned")
        CANCELLED = "cancelled", pgettext_lazy("reservation", "cancelled")

    equipment = models.ForeignKey(
        Equipment,
        verbose_name=_("equipment"),
        on_delete=models.PROTECT,
        related_name="reservations",
    )
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    start = models.DateTimeField(_("from"), db_index=True)
    end = models.DateTimeField(_("until"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RESERVED
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equipment_reservations",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equipment_reservations",
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    room_booking = models.ForeignKey(
        RoomBooking,
        verbose_name=_("with the room booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="equipment_reservations",
    )
    checked_out_at = models.DateTimeField(_("lent out"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_notes = models.TextField(_("condition on return"), blank=True)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EquipmentReservationQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("equipment reservation")
        verbose_name_plural = _("equipment reservations")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="equipment_reservation_end_after_start"
            )
        ]
        permissions = [("lend_equipment", _("Can lend out and take back equipment"))]

    def __str__(self) -> str:
        return f"{self.equipment} ({self.quantity})"


# --- consulting --------------------------------------------------------------------------------


class Consultant(models.Model):
    """A centre employee or an outside specialist who gives advice; they need an account."""

    # SET_NULL: once the account is erased the profile stays, closed, as the name of who gave
    # the consultations already held (see personal_data.py).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultant",
    )
    display_name = models.CharField(_("name shown to clients"), max_length=200)
    bio = models.TextField(_("about"), blank=True)
    is_active = models.BooleanField(_("takes appointments"), default=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("consultant")
        verbose_name_plural = _("consultants")

    def __str__(self) -> str:
        return self.display_name

    @property
    def email(self) -> str:
        """Empty once the account is erased, so nothing is sent to a closed profile."""
        return self.user.email if self.user_id else ""


class ConsultingServiceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ConsultingService(models.Model):
    class Kind(models.TextChoices):
        FIRST_CONTACT = "first-contact", _("first-contact advice")
        SPECIALIST = "specialist", _("specialist consulting")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(15), MaxValueValidator(240)]
    )
    consultants = models.ManyToManyField(
        Consultant, verbose_name=_("consultants"), related_name="services", blank=True
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("can be booked"), default=True)

    objects = ConsultingServiceQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("consulting service")
        verbose_name_plural = _("consulting services")

    def __str__(self) -> str:
        return self.name

    @property
    def organization_required(self) -> bool:
        return self.kind == self.Kind.SPECIALIST


class AvailabilityRule(models.Model):
    """A consultant's weekly pattern, e.g. Mondays 11:00–17:00 (local wall-clock time)."""

    consultant = models.ForeignKey(Consultant, on_delete=models.CASCADE, related_name="rules")
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    starts_at = models.TimeField(_("from"), default=datetime.time(11))
    ends_at = models.TimeField(_("until"), default=datetime.time(17))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["weekday", "starts_at"]
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="availability_rule_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class AvailabilityException(models.Model):
    """A change to the weekly pattern on one date: time off, or extra hours."""

    class Kind(models.TextChoices):
        UNAVAILABLE = "unavailable", _("not available")
        EXTRA = "extra", _("extra hours")

    consultant = models.ForeignKey(Consultant, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_at = models.TimeField(
        _("from"), null=True, blank=True, help_text=_("Leave both times empty for the whole day.")
    )
    ends_at = models.TimeField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "starts_at"]
        verbose_name = _("availability exception")
        verbose_name_plural = _("availability exceptions")

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}"


class AppointmentQuerySet(models.QuerySet):
    def holding(self):
        return self.filter(status__in=Appointment.HOLDING_STATUSES)

    def overlapping(self, start, end):
        return self.filter(start__lt=end, end__gt=start)

    def upcoming(self, now=None):
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(user=user) | Q(consultant__user=user)).distinct()


class Appointment(models.Model):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("awaiting e-mail confirmation")
        BOOKED = "booked", _("booked")
        CANCELLED = "cancelled", pgettext_lazy("appointment", "cancelled")
        HELD = "held", _("held")
        NO_SHOW = "no-show", _("did not take place")

    HOLDING_STATUSES = [Status.UNCONFIRMED, Status.BOOKED]

    service = models.ForeignKey(
        ConsultingService,
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    consultant = models.ForeignKey(
        Consultant,
        verbose_name=_("consultant"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    start = models.DateTimeField(_("from"), db_index=True)
    end = models.DateTimeField(_("until"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.BOOKED
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    organization_name = models.CharField(
        _("organisation (if not in the directory)"), max_length=250, blank=True
    )
    question = models.TextField(_("your question"))
    topics = models.CharField(_("topics discussed"), max_length=300, blank=True)
    staff_notes = models.TextField(_("notes (staff only)"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_date = models.DateField(_("follow up by"), null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    rescheduled_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # The page language at booking: a guest has no account to keep a preference in, and staff
    # decisions must not reach them in the staff member's language. Blank: not known (older).
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("consulting appointment")
        verbose_name_plural = _("consulting appointments")
        indexes = [models.Index(fields=["consultant", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="appointment_end_after_start"
            ),
            # Portable guard against the same slot twice; PostgreSQL also excludes any overlap
            # of one consultant's appointments (migration 0002).
            models.UniqueConstraint(
                fields=["consultant", "start"],
                condition=Q(status__in=["unconfirmed", "booked"]),
                name="one_holding_appointment_per_consultant_start",
            ),
        ]
        permissions = [("manage_appointments", _("Can manage all consulting appointments"))]

    def __str__(self) -> str:
        return f"{self.service} {timezone.localtime(self.start):%Y-%m-%d %H:%M}"


# --- mail register -----------------------------------------------------------------------------


class MailItemQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=MailItem.Status.WAITING)

    def uncollected_since(self, date):
        return self.waiting().filter(received_on__lte=date)

    def for_user(self, user):
        """Items of organisations the user represents."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(_represented_by(user)).distinct()


class MailItem(models.Model):
    """One letter or parcel that reached the centre's address for an organisation."""

    class Kind(models.TextChoices):
        LETTER = "letter", _("letter")
        OFFICIAL_LETTER = "official-letter", _("official letter")
        PARCEL = "parcel", _("parcel")
        PACKET = "packet", _("small packet")
        NOTICE = "notice", _("postal notice (awizo)")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for pickup")
        PICKED_UP = "picked-up", _("picked up")
        RETURNED = "returned", _("returned to sender")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="mail_items",
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate, db_index=True)
    sender = models.CharField(_("sender"), max_length=250)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.LETTER)
    registered = models.BooleanField(_("registered mail"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    picked_up_at = models.DateTimeField(_("picked up"), null=True, blank=True)
    picked_up_by_name = models.CharField(_("picked up by (as signed)"), max_length=200, blank=True)
    picked_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("picked up by (account)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MailItemQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("mail item")
        verbose_name_plural = _("mail register")

    def __str__(self) -> str:
        return f"{self.received_on} {self.get_kind_display()} — {self.sender}"


# --- caretakers --------------------------------------------------------------------------------


class CaretakerContact(models.Model):
    """A caretaker's meeting, call, e-mail or visit with an organisation."""

    class Channel(models.TextChoices):
        MEETING = "meeting", _("meeting at the centre")
        PHONE = "phone", _("phone call")
        EMAIL = "email", _("e-mail")
        VISIT = "visit", _("visit at the organisation")
        ONLINE = "online", _("online meeting")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="caretaker_contacts",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    channel = models.CharField(_("type"), max_length=20, choices=Channel.choices)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True, validators=[MaxValueValidator(24 * 60)]
    )
    topic = models.CharField(_("topic"), max_length=300)
    notes = models.TextField(_("notes (staff only)"), blank=True)
    person_name = models.CharField(_("who we spoke to"), max_length=200, blank=True)
    caretaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("caretaker"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("caretaker contact")
        verbose_name_plural = _("caretaker contacts")

    def __str__(self) -> str:
        return f"{self.date} {self.topic}"


class CaretakerTaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())


class CaretakerTask(models.Model):
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="caretaker_tasks",
    )
    title = models.CharField(_("task"), max_length=300)
    due_date = models.DateField(_("due"))
    notes = models.TextField(_("notes"), blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caretaker_tasks",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CaretakerTaskQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("caretaker task")
        verbose_name_plural = _("caretaker tasks")

    def __str__(self) -> str:
        return self.title


# --- "small partnerships" strategy plans -------------------------------------------------------


class StrategyPlan(models.Model):
    """An organisation's plan, edited together by its representatives and its caretaker.

    `version` grows with every save; a save based on an older version is refused (no one
    silently overwrites a co-author), and each version's content is kept in StrategyPlanVersion.
    """

    organization = models.OneToOneField(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="strategy_plan",
    )
    strengths = models.TextField(_("strengths"), blank=True)
    weaknesses = models.TextField(_("weaknesses"), blank=True)
    opportunities = models.TextField(_("opportunities"), blank=True)
    threats = models.TextField(_("threats"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    partners = models.ManyToManyField(
        Organization,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="strategy_partnerships",
    )
    partnership_notes = models.TextField(_("how the partners take part"), blank=True)
    next_review = models.DateField(_("next review"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("strategy plan")
        verbose_name_plural = _("strategy plans")

    def __str__(self) -> str:
        return str(self.organization)


class StrategyAction(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in-progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    plan = models.ForeignKey(StrategyPlan, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(pgettext_lazy("strategy plan", "action"), max_length=300)
    owner = models.CharField(_("who is responsible"), max_length=200)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("strategy action")
        verbose_name_plural = _("strategy actions")

    def __str__(self) -> str:
        return self.description


class StrategyReview(models.Model):
    """A planned or held review session of the plan; a held one is a strategy session."""

    plan = models.ForeignKey(StrategyPlan, on_delete=models.CASCADE, related_name="reviews")
    date = models.DateField(_("date"))
    held = models.BooleanField(_("held"), default=False)
    summary = models.TextField(_("summary"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("strategy review")
        verbose_name_plural = _("strategy reviews")

    def __str__(self) -> str:
        return f"{self.plan} {self.date}"


class StrategyPlanVersion(models.Model):
    plan = models.ForeignKey(StrategyPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("strategy plan version")
        verbose_name_plural = _("strategy plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_strategy_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"
