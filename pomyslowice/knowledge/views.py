import difflib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.documents import INLINE_TYPES, LABELS, sniff
from pomyslowice.core.jsonld import json_ld
from pomyslowice.core.page_cache import cache_public_page
from pomyslowice.core.sanitize import safe_html
from pomyslowice.organizations.api import absolute_url
from pomyslowice.organizations.forms import add_service_errors

from . import permissions, services
from .forms import (
    SLUG_TO_KIND,
    ArticleFilterForm,
    ArticleForm,
    AttachmentForm,
    NoteForm,
    PublishForm,
)
from .models import Article, ArticleRevision, Attachment, Tag

ARTICLES_PER_PAGE = 20
RELATED_ARTICLES = 4


def _list_page(request, articles, *, title, form, extra=None):
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/list.html",
        {
            "title": title,
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "kinds": [(Article.KIND_SLUGS[value], label) for value, label in Article.Kind.choices],
            "can_write": permissions.can_write(request.user),
            "can_review": permissions.can_read_drafts(request.user),
            **(extra or {}),
        },
    )


@cache_public_page("knowledge", "organizations")
@read_from_replica
def article_list(request):
    form = ArticleFilterForm(request.GET)
    articles = form.apply(Article.objects.published().for_listing()).newest_first()
    return _list_page(request, articles, title=_("Knowledge base"), form=form)


@cache_public_page("knowledge", "organizations")
@read_from_replica
def kind_list(request, kind_slug):
    kind = SLUG_TO_KIND.get(kind_slug)
    if kind is None:
        raise Http404
    form = ArticleFilterForm({**request.GET.dict(), "rodzaj": kind_slug})
    articles = form.apply(Article.objects.published().for_listing()).newest_first()
    return _list_page(
        request,
        articles,
        title=str(Article.Kind(kind).label).capitalize(),
        form=form,
        extra={"feed_kind": kind_slug},
    )


@cache_public_page("knowledge", "organizations")
@read_from_replica
def tag_list(request, slug):
    # A tag used by drafts only is not shown, like the drafts themselves.
    tag = get_object_or_404(
        Tag.objects.filter(articles__in=Article.objects.published()).distinct(), slug=slug
    )
    form = ArticleFilterForm(request.GET)
    articles = form.apply(Article.objects.published().filter(tags=tag).for_listing())
    articles = articles.newest_first()
    return _list_page(
        request, articles, title=_("Articles tagged “%(tag)s”") % {"tag": tag.name}, form=form
    )


def _related(article: Article) -> list[Article]:
    tags = list(article.tags.values_list("pk", flat=True))
    areas = list(article.areas.values_list("pk", flat=True))
    if not tags and not areas:
        return []
    return list(
        Article.objects.published()
        .exclude(pk=article.pk)
        .annotate(
            shared=Count("tags", filter=Q(tags__in=tags), distinct=True)
            + Count("areas", filter=Q(areas__in=areas), distinct=True)
        )
        .filter(shared__gt=0)
        .prefetch_related("tags")
        .order_by("-shared", "-published_at", "-pk")[:RELATED_ARTICLES]
    )


def _structured_data(article: Article) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.lead,
        "url": absolute_url(article.get_absolute_url()),
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "articleSection": str(article.get_kind_display()),
        "inLanguage": "pl",
        "keywords": ", ".join(tag.name for tag in article.tags.all()),
        "publisher": {"@type": "Organization", "name": _site_name()},
    }
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author.get_full_name() or _site_name()}
    return data


def _site_name() -> str:
    return settings.SITE_NAME


@cache_public_page("knowledge", "organizations")
@read_from_replica
def article_detail(request, slug):
    article = permissions.get_article_for_user(request.user, slug)
    user = request.user
    attachments = list(article.attachments.all())
    context = {
        "title": article.title,
        "article": article,
        "body_html": safe_html(article.body),
        "areas": list(article.areas.all()),
        "tags": list(article.tags.all()),
        "organizations": list(article.organizations.published().order_by("name")),
        "documents": [item for item in attachments if not item.is_image],
        "images": [item for item in attachments if item.is_image],
        "type_labels": LABELS,
        "related": _related(article) if article.is_public() else [],
        "can_edit": permissions.can_edit_article(user, article),
        "can_publish": permissions.can_publish(user),
        "can_read_drafts": permissions.can_read_drafts(user),
    }
    if article.is_public():
        context["json_ld"] = json_ld(_structured_data(article))
    return render(request, "knowledge/detail.html", context)


def attachment_download(request, slug, pk):
    article = permissions.get_article_for_user(request.user, slug)
    attachment = get_object_or_404(Attachment, pk=pk, article=article)
    return _file_response(attachment.file, attachment.content_type, attachment.title)


def report_download(request, slug):
    article = permissions.get_article_for_user(request.user, slug)
    if not article.report:
        raise Http404
    with article.report.open("rb") as report:
        content_type = sniff(report) or "application/octet-stream"
    return _file_response(article.report, content_type, article.title)


def _file_response(field, content_type: str, title: str):
    """Downloads, never pages: documents must not be rendered by the browser as ours."""
    extension = field.name.rsplit(".", 1)[-1]
    response = FileResponse(
        field.open("rb"),
        as_attachment=content_type not in INLINE_TYPES,
        filename=f"{title[:80]}.{extension}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _editor_form(request, article=None):
    return ArticleForm(
        request.POST or None,
        request.FILES or None,
        instance=article,
        kinds=permissions.allowed_kinds(request.user),
        organizations=permissions.organizations_for_writer(request.user),
    )


@login_required
def article_new(request):
    if not permissions.can_write(request.user):
        raise Http404
    form = _editor_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.create_article(data=form.service_data(), by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("knowledge:edit", slug=article.slug)
    return render(
        request, "knowledge/form.html", {"title": _("New article"), "form": form, "article": None}
    )


@login_required
def article_edit(request, slug):
    article = permissions.get_article_to_edit(request.user, slug)
    form = _editor_form(request, article)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_article(
                article=article,
                data=form.service_data(),
                by=request.user,
                note=form.cleaned_data.get("note", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("knowledge:edit", slug=article.slug)
    article.refresh_from_db()
    return render(
        request,
        "knowledge/form.html",
        {
            "title": _("Edit: %(title)s") % {"title": article.title},
            "form": form,
            "article": article,
            "attachments": list(article.attachments.all()),
            "attachment_form": AttachmentForm(),
            "type_labels": LABELS,
            "can_publish": permissions.can_publish(request.user),
            "publish_form": PublishForm(),
            "note_form": NoteForm(),
        },
    )


def _act(request, slug, action, success):
    article = permissions.get_article_to_edit(request.user, slug)
    try:
        action(article)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("knowledge:edit", slug=article.slug)


@login_required
@require_POST
def article_submit(request, slug):
    return _act(
        request,
        slug,
        lambda article: services.submit_article(
            article=article, by=request.user, language=translation.get_language()
        ),
        _("The article is sent to the centre's editors for review."),
    )


@login_required
@require_POST
def article_publish(request, slug):
    form = PublishForm(request.POST)
    if not form.is_valid():
        for message in form.errors.get("at", []):
            messages.error(request, message)
        return redirect("knowledge:edit", slug=slug)
    at = form.cleaned_data["at"]
    return _act(
        request,
        slug,
        lambda article: services.publish_article(
            article=article, by=request.user, at=at, language=translation.get_language()
        ),
        _("The article is published.") if at is None else _("The publication is scheduled."),
    )


@login_required
@require_POST
def article_return(request, slug):
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _act(
        request,
        slug,
        lambda article: services.return_article(
            article=article, by=request.user, note=note, language=translation.get_language()
        ),
        _("The article is returned to its author."),
    )


@login_required
@require_POST
def article_archive(request, slug):
    return _act(
        request,
        slug,
        lambda article: services.archive_article(article=article, by=request.user),
        _("The article is archived."),
    )


@login_required
@require_POST
def attachment_add(request, slug):
    article = permissions.get_article_to_edit(request.user, slug)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_attachment(
                article=article,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The attachment is added."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect("knowledge:edit", slug=article.slug)


@login_required
@require_POST
def attachment_remove(request, slug, pk):
    article = permissions.get_article_to_edit(request.user, slug)
    attachment = get_object_or_404(Attachment, pk=pk, article=article)
    services.remove_attachment(attachment=attachment, by=request.user)
    messages.success(request, _("The attachment is removed."))
    return redirect("knowledge:edit", slug=article.slug)


@login_required
def review_queue(request):
    if not permissions.can_read_drafts(request.user):
        raise Http404
    articles = Article.objects.select_related("author").prefetch_related("organizations")
    return render(
        request,
        "knowledge/review.html",
        {
            "title": _("Articles to review"),
            "in_review": list(articles.in_review().order_by("updated_at", "pk")),
            "drafts": list(articles.filter(status=Article.Status.DRAFT).order_by("-updated_at")),
            "scheduled": list(
                articles.filter(
                    status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
                ).order_by("published_at")
            ),
        },
    )


@login_required
def my_articles(request):
    if not permissions.can_write(request.user):
        raise Http404
    return render(
        request,
        "knowledge/mine.html",
        {
            "title": _("My articles"),
            "articles": list(
                Article.objects.filter(author=request.user).order_by("-updated_at", "-pk")
            ),
        },
    )


@login_required
def revision_list(request, slug):
    article = permissions.get_article_for_staff(request.user, slug)
    revisions = list(article.revisions.select_related("author"))
    return render(
        request,
        "knowledge/revisions.html",
        {
            "title": _("History of “%(title)s”") % {"title": article.title},
            "article": article,
            "revisions": revisions,
            "can_restore": permissions.can_edit_all(request.user),
        },
    )


FIELD_LABELS = {
    "areas": _("areas of public benefit"),
    "tags": _("tags"),
    "organizations": _("related organisations"),
}


def _label(name: str) -> str:
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    return str(Article._meta.get_field(name).verbose_name)


def _as_lines(value) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    text = "" if value is None else str(value)
    return text.replace("</p>", "</p>\n").splitlines()


def diff_snapshots(old: dict, new: dict) -> list[dict]:
    """Per changed field, a line diff with every piece of text HTML-escaped."""
    changes = []
    for name in new:
        if old.get(name) == new.get(name):
            continue
        lines = difflib.unified_diff(
            _as_lines(old.get(name)), _as_lines(new.get(name)), lineterm="", n=2
        )
        rendered = []
        for line in list(lines)[2:]:
            kind = {"+": "added", "-": "removed", "@": "position"}.get(line[:1], "same")
            rendered.append({"kind": kind, "text": line})
        changes.append({"label": _label(name), "lines": rendered})
    return changes


@login_required
def revision_diff(request, slug, pk):
    article = permissions.get_article_for_staff(request.user, slug)
    revision = get_object_or_404(ArticleRevision, pk=pk, article=article)
    previous = (
        article.revisions.filter(
            Q(created_at__lt=revision.created_at)
            | Q(created_at=revision.created_at, pk__lt=revision.pk)
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    return render(
        request,
        "knowledge/diff.html",
        {
            "title": _("Changes in “%(title)s”") % {"title": article.title},
            "article": article,
            "revision": revision,
            "previous": previous,
            "changes": diff_snapshots(previous.snapshot if previous else {}, revision.snapshot),
            "can_restore": permissions.can_edit_all(request.user),
        },
    )


@login_required
@require_POST
def revision_restore(request, slug, pk):
    article = permissions.get_article_for_staff(request.user, slug)
    revision = get_object_or_404(ArticleRevision, pk=pk, article=article)
    try:
        services.restore_revision(revision=revision, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("knowledge:revisions", slug=article.slug)
    messages.success(request, _("The earlier version is restored."))
    return redirect(reverse("knowledge:revisions", kwargs={"slug": article.slug}))
