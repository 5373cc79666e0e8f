"""Writing, reviewing and publishing articles. Every save of the content leaves a revision."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pomyslowice.accounts.permissions import emails_with_permission
from pomyslowice.core.audit import log_action
from pomyslowice.core.documents import EXTENSIONS, validate_document
from pomyslowice.core.files import delete_file_on_commit
from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.notifications import send_templated_email
from pomyslowice.core.sanitize import clean_html
from pomyslowice.core.text import fold, unique_slug
from pomyslowice.organizations.models import Organization

from . import permissions
from .models import Article, ArticleRevision, Attachment, Tag

# Words of the knowledge base's own addresses that no article may take as its slug.
RESERVED_SLUGS = frozenset(
    {"nowy", "do-przegladu", "moje", "tag", "kanal", *Article.KIND_SLUGS.values()}
)
TEXT_FIELDS = ("kind", "title", "lead", "body")
KIND_FIELD_NAMES = tuple(
    name for names in Article.KIND_FIELDS.values() for name in names if name != "report"
)
DATE_FIELDS = ("act_date", "in_force_from", "in_force_to")
RICH_FIELDS = ("body",)


def _snapshot(article: Article) -> dict:
    data = {name: getattr(article, name) for name in (*TEXT_FIELDS, *KIND_FIELD_NAMES)}
    for name in DATE_FIELDS:
        data[name] = data[name].isoformat() if data[name] else None
    data["report"] = article.report.name or ""
    data["areas"] = sorted(article.areas.values_list("code", flat=True))
    data["tags"] = sorted(article.tags.values_list("name", flat=True))
    data["organizations"] = sorted(article.organizations.values_list("slug", flat=True))
    return data


def _record_revision(article: Article, by, note: str = "") -> ArticleRevision:
    return ArticleRevision.objects.create(
        article=article, snapshot=_snapshot(article), author=by, note=note[:300]
    )


def tags_for(names) -> list[Tag]:
    tags = []
    for name in names:
        name = " ".join(str(name).split())[:60]
        slug = slugify(fold(name))[:80]
        if not slug:
            continue
        tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(name=name, slug=slug)
        tags.append(tag)
    return tags


def _check_writer(article: Article, by, organizations) -> None:
    """A representative's proposal: a proposable kind, for an organisation they represent."""
    if permissions.can_edit_all(by):
        return
    if article.kind not in Article.PROPOSABLE_KINDS:
        raise ValidationError(
            {"kind": _("Organisations may propose good practices and news only.")}
        )
    represented = set(permissions.organizations_for_writer(by).values_list("pk", flat=True))
    if not organizations or not {org.pk for org in organizations} <= represented:
        raise ValidationError(
            {"organizations": _("Choose the organisation (or organisations) you represent.")}
        )


def _apply(article: Article, data: dict) -> None:
    for name in (*TEXT_FIELDS, *KIND_FIELD_NAMES):
        if name in data:
            setattr(article, name, data[name])
    article.body = clean_html(article.body)
    if data.get("report") is False and article.report:
        delete_file_on_commit(article.report.storage, article.report.name)
        article.report = ""
    elif data.get("report"):
        validate_report(data["report"])
        article.report = data["report"]
    # Fields of other kinds stay empty, so switching the kind cannot leave stale facts behind.
    own = set(Article.KIND_FIELDS[article.kind])
    for name in KIND_FIELD_NAMES:
        if name not in own:
            setattr(article, name, None if name in DATE_FIELDS else "")
    if "report" not in own and article.report:
        delete_file_on_commit(article.report.storage, article.report.name)
        article.report = ""


def validate_report(upload) -> None:
    try:
        validate_document(upload, images=False)
    except ValidationError as error:
        raise ValidationError({"report": error.messages}) from None


def _set_relations(article: Article, data: dict) -> None:
    if "areas" in data:
        article.areas.set(data["areas"])
    if "tags" in data:
        article.tags.set(tags_for(data["tags"]))
    if "organizations" in data:
        article.organizations.set(data["organizations"])


@transaction.atomic
def create_article(*, data: dict, by) -> Article:
    if not permissions.can_write(by):
        raise ValidationError(_("You may not write articles."))
    article = Article(author=by, status=Article.Status.DRAFT)
    article.kind = data.get("kind", "")
    _check_writer(article, by, data.get("organizations") or [])
    _apply(article, data)
    article.slug = unique_slug(
        article.title, queryset=Article.objects.all(), fallback="artykul", reserved=RESERVED_SLUGS
    )
    article.full_clean()
    article.save()
    _set_relations(article, data)
    _record_revision(article, by, _("Created"))
    log_action(actor=by, verb="knowledge.article.created", target=article)
    return article


@transaction.atomic
def update_article(*, article: Article, data: dict, by, note: str = "") -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not permissions.can_edit_article(by, article):
        raise ValidationError(_("You may not change this article."))
    organizations = data.get("organizations", list(article.organizations.all()))
    _apply(article, data)
    _check_writer(article, by, organizations)
    article.full_clean()
    article.save()
    _set_relations(article, data)
    _record_revision(article, by, note)
    log_action(actor=by, verb="knowledge.article.updated", target=article)
    return article


@transaction.atomic
def submit_article(*, article: Article, by, language: str | None = None) -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    if not permissions.can_edit_article(by, article):
        raise ValidationError(_("You may not change this article."))
    if article.status != Article.Status.DRAFT:
        raise ValidationError(_("Only a draft can be sent for review."))
    article.status = Article.Status.IN_REVIEW
    article.save(update_fields=["status", "updated_at"])
    log_action(actor=by, verb="knowledge.article.submitted", target=article)
    send_templated_email(
        template="knowledge/email/article_submitted",
        to=emails_with_permission("knowledge.publish_article"),
        context={"article": article, "by": by},
        language=language,
    )
    return article


def _require_publisher(by) -> None:
    if not permissions.can_publish(by):
        raise ValidationError(_("Only the centre's editors may do this."))


def _tell_author(article: Article, by, template: str, language) -> None:
    if article.author_id and article.author_id != by.pk:
        send_templated_email(
            template=template,
            to=[article.author.email],
            context={"article": article},
            language=language,
        )


@transaction.atomic
def publish_article(*, article: Article, by, at=None, language: str | None = None) -> Article:
    """Publish now, or at a later moment `at` (scheduled: public only once it has come)."""
    _require_publisher(by)
    article = (
        Article.objects.select_for_update(of=("self",)).select_related("author").get(pk=article.pk)
    )
    if article.status == Article.Status.PUBLISHED and not at:
        raise ValidationError(_("The article is already published."))
    article.status = Article.Status.PUBLISHED
    article.status_note = ""
    article.published_at = at or timezone.now()
    article.save(update_fields=["status", "status_note", "published_at", "updated_at"])
    log_action(
        actor=by,
        verb="knowledge.article.published",
        target=article,
        data={"published_at": article.published_at.isoformat()},
    )
    _tell_author(article, by, "knowledge/email/article_published", language)
    return article


@transaction.atomic
def return_article(*, article: Article, by, note: str, language: str | None = None) -> Article:
    """Back to its author as a draft, with the editors' note on what to change."""
    _require_publisher(by)
    if not note.strip():
        raise ValidationError({"note": _("Tell the author what to change.")})
    article = (
        Article.objects.select_for_update(of=("self",)).select_related("author").get(pk=article.pk)
    )
    if article.status not in (Article.Status.IN_REVIEW, Article.Status.PUBLISHED):
        raise ValidationError(_("Only an article in review or published can be returned."))
    article.status = Article.Status.DRAFT
    article.status_note = note.strip()
    article.save(update_fields=["status", "status_note", "updated_at"])
    log_action(actor=by, verb="knowledge.article.returned", target=article, data={"note": note})
    _tell_author(article, by, "knowledge/email/article_returned", language)
    return article


@transaction.atomic
def archive_article(*, article: Article, by) -> Article:
    _require_publisher(by)
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status != Article.Status.PUBLISHED:
        raise ValidationError(_("Only a published article can be archived."))
    article.status = Article.Status.ARCHIVED
    article.save(update_fields=["status", "updated_at"])
    log_action(actor=by, verb="knowledge.article.archived", target=article)
    return article


@transaction.atomic
def restore_revision(*, revision: ArticleRevision, by) -> Article:
    """Bring back an earlier content; the restored state becomes a new revision."""
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    if not permissions.can_edit_all(by):
        raise ValidationError(_("Only the centre's editors may restore a revision."))
    snapshot = revision.snapshot
    data = {name: snapshot.get(name) or "" for name in (*TEXT_FIELDS, *KIND_FIELD_NAMES)}
    for name in DATE_FIELDS:
        data[name] = date.fromisoformat(snapshot[name]) if snapshot.get(name) else None
    _apply(article, data)
    article.full_clean()
    article.save()
    article.areas.set(AreaOfBenefit.objects.filter(code__in=snapshot.get("areas", [])))
    article.tags.set(tags_for(snapshot.get("tags", [])))
    article.organizations.set(
        Organization.objects.filter(slug__in=snapshot.get("organizations", []))
    )
    note = _("Restored the version of %(date)s") % {
        "date": timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M")
    }
    _record_revision(article, by, note)
    log_action(
        actor=by, verb="knowledge.article.restored", target=article, data={"revision": revision.pk}
    )
    return article


@transaction.atomic
def add_attachment(*, article: Article, title: str, file, by) -> Attachment:
    if not permissions.can_edit_article(by, article):
        raise ValidationError(_("You may not change this article."))
    try:
        content_type = validate_document(file)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    title = " ".join((title or "").split()) or file.name
    file.name = f"{slugify(fold(title))[:60] or 'plik'}.{EXTENSIONS[content_type]}"
    attachment = Attachment(
        article=article, title=title[:200], file=file, content_type=content_type, size=file.size
    )
    attachment.full_clean()
    attachment.save()
    log_action(
        actor=by,
        verb="knowledge.attachment.added",
        target=article,
        data={"attachment": attachment.pk, "title": attachment.title},
    )
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment, by) -> None:
    if not permissions.can_edit_article(by, attachment.article):
        raise ValidationError(_("You may not change this article."))
    delete_file_on_commit(attachment.file.storage, attachment.file.name)
    log_action(
        actor=by,
        verb="knowledge.attachment.removed",
        target=attachment.article,
        data={"attachment": attachment.pk, "title": attachment.title},
    )
    attachment.delete()
