"""Writing the index: one object at a time as it changes, or everything at once."""

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from . import analysis
from .models import EXCERPT_LENGTH, SearchDocument, SearchTerm
from .registry import Searchable, kind_of, registered

BATCH = 500


def _document_row(searchable: Searchable, obj) -> SearchDocument | None:
    # Stored addresses are the default language's; a change made on /en/ must not store /en/ ones.
    with translation.override(settings.LANGUAGE_CODE):
        document = searchable.document(obj)
    if document is None:
        return None
    title = document.title[:300]
    body = document.body[:EXCERPT_LENGTH]
    return SearchDocument(
        kind=searchable.kind,
        object_id=str(obj.pk),
        title=title,
        url=document.url,
        body=body,
        body_words=analysis.spaced_words(body),
        title_terms=analysis.terms(title),
        body_terms=analysis.terms(document.body),
        date=document.date,
        visible_from=document.visible_from,
        visible_until=document.visible_until,
        min_age=document.min_age,
    )


def _remember_terms(rows: list[SearchDocument]) -> None:
    vocabulary = set()
    for row in rows:
        vocabulary.update(row.title_terms.split())
        vocabulary.update(row.body_terms.split())
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(term=t, initial=t[0], length=len(t))
            for t in sorted(vocabulary)
            if len(t) <= 64
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def remove(kind: str, object_id) -> None:
    SearchDocument.objects.filter(kind=kind, object_id=str(object_id)).delete()


def update_object(obj) -> None:
    """Re-index one object of a registered model, or remove it once it is no longer public."""
    searchable = kind_of(type(obj))
    if searchable is None:
        return
    _reindex(searchable, obj.pk)


def _reindex(searchable: Searchable, pk) -> None:
    current = searchable.queryset().filter(pk=pk).first()
    row = _document_row(searchable, current) if current is not None else None
    if row is None:
        remove(searchable.kind, pk)
        return
    fields = [f.name for f in SearchDocument._meta.concrete_fields if f.name not in ("id",)]
    values = {name: getattr(row, name) for name in fields if name not in ("kind", "object_id")}
    SearchDocument.objects.update_or_create(kind=row.kind, object_id=row.object_id, defaults=values)
    _remember_terms([row])


@transaction.atomic
def rebuild(kinds=None) -> int:
    """Index every public object of the given kinds (all by default) afresh; returns how many."""
    chosen = [s for k, s in registered().items() if kinds is None or k in kinds]
    if kinds is None:
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
    total = 0
    for searchable in chosen:
        SearchDocument.objects.filter(kind=searchable.kind).delete()
        batch = []
        for obj in searchable.queryset().iterator(chunk_size=BATCH):
            row = _document_row(searchable, obj)
            if row is not None:
                batch.append(row)
            if len(batch) >= BATCH:
                total += _store(batch)
                batch = []
        total += _store(batch)
    return total


def _store(rows: list[SearchDocument]) -> int:
    SearchDocument.objects.bulk_create(rows, batch_size=BATCH)
    _remember_terms(rows)
    return len(rows)


# Upkeep ------------------------------------------------------------------------------------------


def schedule(searchable: Searchable, pk) -> None:
    """Re-index once the transaction commits (immediately outside one); a rollback drops it."""
    transaction.on_commit(lambda: _reindex(searchable, pk))


def connect(searchable: Searchable) -> None:
    """Keep the index of one registered kind current (called by registry.register)."""
    model = searchable.model
    uid = f"search:{searchable.kind}"

    def on_change(sender, instance, **kwargs):
        if not kwargs.get("raw"):
            schedule(searchable, instance.pk)

    post_save.connect(on_change, sender=model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(on_change, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
    for field in model._meta.many_to_many:
        _connect_m2m(searchable, field.remote_field.through, f"{uid}:{field.name}")
    for watched, related in searchable.watch.items():
        _connect_watch(searchable, watched, related, uid)


def _connect_m2m(searchable: Searchable, through, uid: str) -> None:
    def on_m2m(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "pre_clear", "post_clear"):
            return
        if isinstance(instance, searchable.model):
            schedule(searchable, instance.pk)
        elif pk_set:
            for pk in pk_set:
                schedule(searchable, pk)

    m2m_changed.connect(on_m2m, sender=through, weak=False, dispatch_uid=uid)


def _connect_watch(searchable: Searchable, watched: type[models.Model], related, uid: str):
    def on_related(sender, instance, **kwargs):
        if kwargs.get("raw"):
            return
        for obj in related(instance) or ():
            if obj is not None:
                schedule(searchable, obj.pk)

    name = f"{uid}:{watched._meta.label}"
    post_save.connect(on_related, sender=watched, weak=False, dispatch_uid=f"{name}:save")
    post_delete.connect(on_related, sender=watched, weak=False, dispatch_uid=f"{name}:delete")
