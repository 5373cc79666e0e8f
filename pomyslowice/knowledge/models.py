from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.files import private_storage
from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.organizations.models import Organization


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("address on the site"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:tag", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """Public articles: published, with the publication moment reached (scheduled ones wait)."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def readable(self, now=None):
        """Published or archived: archived articles stay readable at their address (not listed)."""
        return self.filter(
            status__in=(Article.Status.PUBLISHED, Article.Status.ARCHIVED),
            published_at__lte=now or timezone.now(),
        )

    def in_review(self):
        return self.filter(status=Article.Status.IN_REVIEW)

    def for_listing(self):
        return self.select_related("author").prefetch_related("areas", "tags")

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def through_relation(self, **lookup):
        """Filter on a many-to-many relation in a subquery: a join would repeat an article per
        match and force a DISTINCT over its whole body."""
        return self.filter(pk__in=Article.objects.filter(**lookup).values("pk"))


class Article(models.Model):
    class Kind(models.TextChoices):
        GOOD_PRACTICE = "good-practice", _("good practice")
        RESEARCH = "research", _("research result")
        REGULATION = "regulation", _("regulation")
        FUNDRAISING = "fundraising", _("fundraising guide")
        NEWS = "news", _("news")

    # The human pages use Polish slugs; the API and the database use the English values above.
    KIND_SLUGS = {
        Kind.GOOD_PRACTICE: "dobra-praktyka",
        Kind.RESEARCH: "badanie",
        Kind.REGULATION: "regulacja",
        Kind.FUNDRAISING: "pozyskiwanie-funduszy",
        Kind.NEWS: "aktualnosci",
    }
    # What organisations' representatives may propose; staff review it.
    PROPOSABLE_KINDS = (Kind.GOOD_PRACTICE, Kind.NEWS)

    KIND_FIELDS = {
        Kind.GOOD_PRACTICE: ("problem", "actions", "results", "partners", "cost", "contact"),
        Kind.RESEARCH: ("method", "sample", "findings", "report"),
        Kind.REGULATION: ("legal_act", "act_date", "in_force_from", "in_force_to", "source_url"),
        Kind.FUNDRAISING: (),
        Kind.NEWS: (),
    }

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in-review", _("in review")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address on the site"), max_length=120, unique=True)
    lead = models.TextField(_("lead"), max_length=600, blank=True)
    body = models.TextField(_("text"), blank=True)
    areas = models.ManyToManyField(
        AreaOfBenefit, verbose_name=_("areas of public benefit"), blank=True, related_name="+"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("related organisations"),
        blank=True,
        related_name="articles",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    status_note = models.TextField(_("note from the editors"), blank=True)
    published_at = models.DateTimeField(_("publication date"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Good practice
    problem = models.TextField(_("problem"), blank=True)
    actions = models.TextField(_("what was done"), blank=True)
    results = models.TextField(_("results"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    contact = models.CharField(_("contact"), max_length=250, blank=True)
    # Research
    method = models.TextField(_("method"), blank=True)
    sample = models.CharField(_("sample"), max_length=250, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    report = models.FileField(
        _("report"), upload_to="knowledge/reports/%Y/", storage=private_storage, blank=True
    )
    # Regulation
    legal_act = models.CharField(_("legal act"), max_length=300, blank=True)
    act_date = models.DateField(_("date of the act"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    in_force_to = models.DateField(_("in force until"), null=True, blank=True)
    source_url = models.URLField(_("link to the act"), blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish, return and archive articles"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(in_force_to__isnull=True)
                | Q(in_force_from__isnull=True)
                | Q(in_force_to__gte=models.F("in_force_from")),
                name="article_in_force_to_after_from",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:detail", kwargs={"slug": self.slug})

    @property
    def kind_slug(self) -> str:
        return self.KIND_SLUGS[self.kind]

    def is_public(self, now=None) -> bool:
        return (
            self.status in (self.Status.PUBLISHED, self.Status.ARCHIVED)
            and self.published_at is not None
            and self.published_at <= (now or timezone.now())
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


class Attachment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"), upload_to="knowledge/attachments/%Y/", storage=private_storage
    )
    content_type = models.CharField(_("file type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:attachment", kwargs={"slug": self.article.slug, "pk": self.pk})

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class ArticleRevision(models.Model):
    """A snapshot of an article's content after each save; restoring one makes a new one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    snapshot = models.JSONField(_("content"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self) -> str:
        return f"{self.article} ({self.created_at:%Y-%m-%d %H:%M})"
