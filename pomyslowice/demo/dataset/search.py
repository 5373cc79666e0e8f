"""The search index of everything public, built afresh in bulk (the last step).

Documents come from every kind registered with the search app, through its own document
functions and querysets, so the index holds exactly what `rebuild_search_index` would write;
only the writing is faster: COPY instead of bulk_create, terms cached per word across documents
(generated text repeats a small vocabulary), the vocabulary gathered from the words seen, and on
PostgreSQL the GIN indexes rebuilt once at the end instead of updated row by row.
"""

import contextlib
import functools
import itertools

from django.conf import settings
from django.db import connection
from django.utils import translation

from pomyslowice.search import analysis
from pomyslowice.search.models import EXCERPT_LENGTH, SearchDocument, SearchTerm
from pomyslowice.search.registry import Searchable, registered

from .base import Context

BLOCK = 5_000
MAX_TERM_LENGTH = SearchTerm._meta.get_field("term").max_length


def generate(ctx: Context) -> None:
    analyser = _Analyser()
    with translation.override(settings.LANGUAGE_CODE), _without_gin_indexes():
        _clear()
        for searchable in registered().values():
            _index(ctx, searchable, analyser)
        _write_vocabulary(ctx, analyser.vocabulary)


def _index(ctx: Context, searchable: Searchable, analyser: "_Analyser") -> None:
    queryset = searchable.queryset().order_by("pk")
    page = list(queryset[:BLOCK])
    while page:
        # The page is read (prefetches included) before the COPY starts, and its documents are
        # made while the COPY runs: the database stores one row while Python makes the next.
        # (So a document function must need no query beyond its queryset's select_related and
        # prefetch_related; one that did would fail loudly here, not index wrongly.)
        rows = filter(None, (_row(searchable, obj, analyser) for obj in page))
        ids = ctx.writer.reserve(SearchDocument, len(page))
        # An object without a document leaves its id unused.
        ctx.writer.insert(SearchDocument, (row | {"id": pk} for pk, row in zip(ids, rows)))  # noqa: B905
        page = list(queryset.filter(pk__gt=page[-1].pk)[:BLOCK])


def _row(searchable: Searchable, obj, analyser: "_Analyser") -> dict | None:
    """What index._document_row makes of an object, as a plain row."""
    document = searchable.document(obj)
    if document is None:
        return None
    title = document.title[:300]
    body = document.body[:EXCERPT_LENGTH]
    return {
        "kind": searchable.kind,
        "object_id": str(obj.pk),
        "title": title,
        "url": document.url,
        "body": body,
        "body_words": analyser.spaced_words(body),
        "title_terms": analyser.terms(title),
        "body_terms": analyser.terms(document.body),
        "date": document.date,
        "visible_from": document.visible_from,
        "visible_until": document.visible_until,
        "min_age": document.min_age,
    }


# Sentences end like this; cutting there never cuts a word, so the pieces' words are the text's.
_SENTENCE_END = ". "


class _Analyser:
    """analysis.terms() and analysis.spaced_words(), sentence by sentence with a cache: the
    generated texts are made of a limited set of sentences. Collects the vocabulary as it goes.
    One per run, so a second run in the same process still collects every term."""

    def __init__(self):
        self.vocabulary: set[str] = set()
        self._sentence_terms = functools.lru_cache(maxsize=200_000)(self._terms_of)
        self._sentence_words = functools.lru_cache(maxsize=200_000)(self._folded_words_of)
        self._word_terms = functools.lru_cache(maxsize=200_000)(self._sorted_terms)

    def terms(self, text: str) -> str:
        sentences = map(self._sentence_terms, text.split(_SENTENCE_END))
        return " ".join(dict.fromkeys(itertools.chain.from_iterable(sentences)))

    def spaced_words(self, text: str) -> str:
        sentences = map(self._sentence_words, text.split(_SENTENCE_END))
        return f" {' '.join(filter(None, sentences))} "

    def _terms_of(self, sentence: str) -> tuple[str, ...]:
        words = map(self._word_terms, analysis.words(sentence))
        return tuple(dict.fromkeys(itertools.chain.from_iterable(words)))

    def _sorted_terms(self, word: str) -> tuple[str, ...]:
        terms = tuple(sorted(analysis.word_terms(word)))
        self.vocabulary.update(terms)
        return terms

    @staticmethod
    def _folded_words_of(sentence: str) -> str:
        # spaced_words() of the sentence without its outer spaces.
        return analysis.spaced_words(sentence)[1:-1]


def _write_vocabulary(ctx: Context, vocabulary: set[str]) -> None:
    """What index._remember_terms stores: every term of every indexed text."""
    terms = sorted(term for term in vocabulary if len(term) <= MAX_TERM_LENGTH)
    ids = ctx.writer.reserve(SearchTerm, len(terms))
    ctx.writer.insert(
        SearchTerm,
        (
            {"id": pk, "term": term, "initial": term[0], "length": len(term)}
            for pk, term in zip(ids, terms, strict=True)
        ),
    )


def _clear() -> None:
    if connection.vendor == "postgresql":
        tables = (SearchDocument._meta.db_table, SearchTerm._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(map(connection.ops.quote_name, tables))}")
    else:
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()


@contextlib.contextmanager
def _without_gin_indexes():
    """On PostgreSQL, drops the full-text (GIN) indexes of the documents and builds them again
    at the end from their own definitions: one build is much faster than a million updates.
    (An error rolls the whole transaction back, the dropped indexes included.)"""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = %s AND indexdef LIKE '%%USING gin%%'",
            [SearchDocument._meta.db_table],
        )
        definitions = cursor.fetchall()
        for name, _definition in definitions:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in definitions:
            cursor.execute(definition)
