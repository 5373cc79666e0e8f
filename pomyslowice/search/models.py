from django.db import models
from django.utils.translation import gettext_lazy as _

# What a result shows of the text; the terms still cover the whole text.
EXCERPT_LENGTH = 3000


class SearchDocument(models.Model):
    """One public object as the index holds it.

    `title_terms` and `body_terms` are the analysed terms (see analysis.py); SQLite matches them
    through the FTS5 table `search_fts`, PostgreSQL through the generated, GIN-indexed column
    `vector` (both added by migration 0002, not known to the ORM).
    """

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.CharField(max_length=64)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(max_length=500)
    body = models.TextField(blank=True)
    # The body's words folded once here (analysis.spaced_words), so ranking tests phrases
    # without folding hundreds of bodies per search. Nullable only because adding a NOT NULL
    # column makes Django rebuild the SQLite table, which drops the FTS5 triggers of 0002.
    body_words = models.TextField(blank=True, null=True)  # noqa: DJ001 (see above)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    date = models.DateTimeField(null=True, blank=True)
    visible_from = models.DateTimeField(null=True, blank=True)
    visible_until = models.DateTimeField(null=True, blank=True)
    min_age = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchTerm(models.Model):
    """The vocabulary of the index, for "did you mean"; `initial` and `length` narrow candidates."""

    term = models.CharField(max_length=64, unique=True)
    initial = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["initial", "length"], name="search_term_shape")]

    def __str__(self) -> str:
        return self.term
