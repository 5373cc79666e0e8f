from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.text import fold


class OrganizationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Organization.Status.PUBLISHED)

    def pending(self):
        return self.filter(status=Organization.Status.PENDING)

    def search(self, query: str):
        words = fold(query).split()
        qs = self
        for word in words:
            qs = qs.filter(search_text__contains=word)
        return qs

    def for_listing(self):
        return self.select_related("district").prefetch_related("areas")


class Organization(models.Model):
    """An NGO, informal group, CSR company or public unit presenting itself on the platform."""

    class Kind(models.TextChoices):
        ASSOCIATION = "stowarzyszenie", _("association")
        FOUNDATION = "fundacja", _("foundation")
        ORDINARY_ASSOCIATION = "stowarzyszenie-zwykle", _("ordinary association")
        RURAL_WOMEN_CIRCLE = "kgw", _("rural housewives' circle")
        SCHOOL_SPORTS_CLUB = "uks", _("school sports club")
        OTHER_NGO = "inna-ngo", _("other non-governmental organisation")
        INFORMAL_GROUP = "grupa-nieformalna", _("informal group")
        CSR_COMPANY = "firma-csr", _("company active in CSR")
        PUBLIC_UNIT = "jednostka-publiczna", _("public administration unit")

    NGO_KINDS = (
        Kind.ASSOCIATION,
        Kind.FOUNDATION,
        Kind.ORDINARY_ASSOCIATION,
        Kind.RURAL_WOMEN_CIRCLE,
        Kind.SCHOOL_SPORTS_CLUB,
        Kind.OTHER_NGO,
    )

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("rejected")

    # What a representative fills in and may change; everything else is the centre's.
    PROFILE_FIELDS = (
        "name",
        "short_name",
        "kind",
        "description",
        "logo",
        "areas",
        "is_public_benefit",
        "krs",
        "nip",
        "regon",
        "street",
        "postal_code",
        "city",
        "district",
        "uses_centre_address",
        "email",
        "phone",
        "website",
        "facebook",
        "instagram",
        "youtube",
        "linkedin",
    )

    name = models.CharField(_("name"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/", blank=True)

    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizations",
    )

    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)

    krs = models.CharField(_("KRS number"), max_length=10, null=True, blank=True, unique=True)
    nip = models.CharField(_("NIP"), max_length=10, null=True, blank=True, unique=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)
    is_public_benefit = models.BooleanField(_("public benefit organisation (OPP)"), default=False)
    is_trusted = models.BooleanField(
        _("trusted: its events are published without moderation"), default=False
    )
    areas = models.ManyToManyField(
        AreaOfBenefit, verbose_name=_("areas of activity"), blank=True, related_name="organizations"
    )
    uses_centre_address = models.BooleanField(
        _("uses the centre's correspondence address"), default=False
    )
    caretaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("caretaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cared_organizations",
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_organizations",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    search_text = models.TextField(editable=False, blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        # The directory, the API and the home page list published profiles by name, newest
        # first and count them by kind; partial indexes read them without scanning the table.
        indexes = [
            models.Index(
                fields=["name", "id"], condition=Q(status="published"), name="org_published_name"
            ),
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status="published"),
                name="org_published_newest",
            ),
            models.Index(
                fields=["kind"], condition=Q(status="published"), name="org_published_kind"
            ),
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("moderate_organization", _("Can approve or reject organisations and claims")),
            ("view_caretaker", _("Can see who takes care of an organisation")),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.name, self.short_name, self.city, self.krs or ""]))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    @property
    def is_ngo(self) -> bool:
        return self.kind in self.NGO_KINDS


class Membership(models.Model):
    """A person acting for an organisation; a claim awaits staff approval before it counts."""

    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("representative")

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        ACTIVE = "active", _("active")
        REJECTED = "rejected", _("rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.REPRESENTATIVE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    message = models.TextField(_("message to the staff"), blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.organization}"


class PersonQuerySet(models.QuerySet):
    def published(self):
        """People who have consented to showing at least their name."""
        # A subquery, not a join: a join needs DISTINCT over every column of the listing.
        consented = PersonConsent.objects.filter(
            field=PersonConsent.Field.NAME, withdrawn_at__isnull=True
        ).values("person_id")
        return self.filter(pk__in=consented)

    def with_active_consents(self):
        return self.prefetch_related(
            models.Prefetch(
                "consents",
                queryset=PersonConsent.objects.filter(withdrawn_at__isnull=True),
                to_attr="active_consents",
            )
        )


class Person(models.Model):
    """An activist or local leader; nothing of it is public without their consent per field."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="person",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    email = models.EmailField(_("e-mail (never shown)"))
    bio = models.TextField(_("about me"), blank=True)
    skills = models.CharField(_("skills"), max_length=500, blank=True)
    areas = models.ManyToManyField(
        AreaOfBenefit, verbose_name=_("areas"), blank=True, related_name="people"
    )
    organizations = models.ManyToManyField(
        Organization, verbose_name=_("organisations"), blank=True, related_name="people"
    )
    photo = models.ImageField(_("photo"), upload_to="people/%Y/", blank=True)
    district = models.ForeignKey(
        District, verbose_name=_("district"), null=True, blank=True, on_delete=models.SET_NULL
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    search_text = models.TextField(editable=False, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        # The people directory reads a page in name order without sorting everyone.
        indexes = [models.Index(fields=["full_name"], name="person_full_name")]
        verbose_name = _("activist or leader")
        verbose_name_plural = _("activists and leaders")
        permissions = [("manage_people", _("Can add leaders on their behalf"))]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.full_name, self.skills]))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("people:detail", kwargs={"slug": self.slug})


class PersonConsent(models.Model):
    """One consent to publish one field of a person's profile; withdrawal keeps the record."""

    class Field(models.TextChoices):
        NAME = "name", pgettext_lazy("person", "name")
        BIO = "bio", _("about me")
        AREAS = "areas", _("areas")
        SKILLS = "skills", _("skills")
        ORGANIZATIONS = "organizations", _("organisations")
        PHOTO = "photo", _("photo")
        CONTACT = "contact", _("contact form")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    given_via = models.CharField(_("given via"), max_length=100)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["person", "field", "-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "field"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_field",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_field_display()}"


class SupportRecordQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(date__year=year)

    def for_timeline(self):
        return self.select_related("person", "organization", "recorded_by").order_by("-date", "-pk")


class SupportRecord(models.Model):
    """One service the centre delivered to a person and/or an organisation.

    Written only by the service function that delivers the support; the caretaker timeline and
    the funder's indicators read nothing else.
    """

    class Kind(models.TextChoices):
        TRAINING = "training", _("training attended")
        CONSULTATION = "consultation", _("consultation held")
        ROOM = "room", _("room used")
        EQUIPMENT = "equipment", _("equipment lent")
        MAIL = "mail", _("mail handed over")
        CARETAKER_CONTACT = "caretaker-contact", _("caretaker contact")
        STRATEGY = "strategy", _("strategy session")
        VOLUNTEERING = "volunteering", _("volunteering placement")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    date = models.DateField(_("date"), db_index=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_received",
    )
    person_name = models.CharField(_("person (without an account)"), max_length=200, blank=True)
    person_email = models.EmailField(_("e-mail of the person"), blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_received",
    )
    source_type = models.ForeignKey(
        "contenttypes.ContentType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_id = models.CharField(max_length=64, blank=True)
    summary = models.CharField(_("what"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = SupportRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("support received")
        verbose_name_plural = _("support received")
        indexes = [models.Index(fields=["source_type", "source_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id"],
                condition=~Q(source_id=""),
                name="one_support_record_per_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}: {self.summary}"
