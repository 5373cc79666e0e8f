"""Reading the index: a query in, ranked results with snippets and a "did you mean" out.

The database only finds the matching documents (FTS5 on SQLite, GIN-indexed tsvectors on
PostgreSQL), counts them up to COUNT_CAP and picks the candidates tier by tier (title matches
first), so the cost follows the page asked for, not the number of matches; the final score is
computed here, in Python, from what both databases store alike, so the same data gives the same
results on either.
"""

import dataclasses
import datetime
import functools
import re

from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from pomyslowice.core.ages import age_on
from pomyslowice.core.text import fold

from . import analysis
from .models import SearchDocument, SearchTerm
from .registry import registered

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
# How many of the database's best matches are scored here; beyond it results are not ranked.
CANDIDATES = 200
# Counting stops here: "over 1,000 results" is as useful as an exact 54,321 and costs far less.
COUNT_CAP = 1000
SNIPPET_LENGTH = 240
TITLE_WEIGHT, BODY_WEIGHT = 4, 1
TITLE_PHRASE_BOOST, BODY_PHRASE_BOOST = 4, 2
RECENT_BOOST, RECENT_DAYS = 2, 30


@dataclasses.dataclass(frozen=True)
class Result:
    kind: str
    object_id: str
    title: str
    url: str
    snippet: SafeString
    date: datetime.datetime | None
    score: float

    @property
    def label(self) -> str:
        searchable = registered().get(self.kind)
        return str(searchable.label) if searchable else self.kind

    @property
    def plain_snippet(self) -> str:
        return re.sub(r"</?mark>", "", str(self.snippet)).replace("&amp;", "&")


@dataclasses.dataclass
class SearchResults:
    query: str = ""
    count: int = 0
    # True when there are more than `count` (= COUNT_CAP) matches; pages end at the cap.
    count_is_capped: bool = False
    items: list[Result] = dataclasses.field(default_factory=list)
    # Exact when the query has at most COUNT_CAP matches in all; otherwise the counts among the
    # first COUNT_CAP + 1 found, so "at least" (and a kind may be missing).
    counts_by_kind: dict[str, int] = dataclasses.field(default_factory=dict)
    counts_are_lower_bounds: bool = False
    suggestion: str | None = None
    problem: str | None = None


def search(q, *, kinds=None, limit=20, offset=0, user=None) -> SearchResults:
    """Public objects matching every word of `q` in any of its forms. The index holds public
    objects only; `user` (anyone with a `birth_date`, or None) hides those not open to their age."""
    q = (q or "").strip()[:MAX_QUERY_LENGTH]
    if not q:
        return SearchResults(problem=_("Type what you are looking for."))
    query = analysis.query_words(q)[:MAX_QUERY_WORDS]
    if not query:
        return SearchResults(
            query=q, problem=_("Type at least one word of letters or digits to search for.")
        )
    now = timezone.now()
    age = age_on(getattr(user, "birth_date", None), timezone.localdate(now))
    asked = list(registered()) if kinds is None else [k for k in registered() if k in kinds]
    with transaction.atomic():
        _prefer_the_index()
        how_many = min(max(CANDIDATES, offset + limit), COUNT_CAP)
        rows, counts = _candidates(query, now, age, asked, how_many)
        if counts is None:
            counts = _counts(query, now, age)
        total = _total(query, now, age, counts, kinds, asked)
        results = SearchResults(
            query=q,
            count=min(total, COUNT_CAP),
            count_is_capped=total > COUNT_CAP,
            counts_by_kind=counts,
            counts_are_lower_bounds=sum(counts.values()) > COUNT_CAP,
            suggestion=_suggestion(query),
        )
    if offset >= results.count:
        return results
    phrase = analysis.spaced_words(q)
    scored = sorted(((_score(row, query, phrase, now), row) for row in rows), key=_order)
    page = scored[offset : offset + limit]
    _read_bodies([row for _score, row in page])
    results.items = [_result(row, score, query) for score, row in page]
    return results


# The database part -------------------------------------------------------------------------------


def _prefer_the_index() -> None:
    """PostgreSQL overestimates how many rows a term matches and then reads every row's large
    tsvector instead of asking the GIN index: measured 1 s against 0.1 s at 200k documents."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")


def _match_expression(query, *, every_word=True) -> str:
    """Every term quoted (terms are letters and digits only, so user syntax never gets through):
    OR within a word, AND across words (or OR with every_word=False)."""
    if connection.vendor == "postgresql":
        words = ["(" + " | ".join(f"'{t}'" for t in _needed(terms)) + ")" for _w, terms in query]
        return (" & " if every_word else " | ").join(words)
    words = ["(" + " OR ".join(f'"{t}"' for t in _needed(terms)) + ")" for _w, terms in query]
    return (" AND " if every_word else " OR ").join(words)


def _needed(terms) -> list[str]:
    """The terms without those that add no match: the index stores every term's diacritic-free
    form beside it, so a document holding "szkolić" holds "szkolic" too. Each term left out of
    the query spares the database a posting list: a third of the time of a common query."""
    return sorted(t for t in terms if fold(t) == t or fold(t) not in terms)


def _visible(now, kinds, age) -> tuple[str, list]:
    sql = "(d.visible_from IS NULL OR d.visible_from <= %s)"
    sql += " AND (d.visible_until IS NULL OR d.visible_until > %s)"
    params = [now, now]
    if age is not None:
        sql += " AND (d.min_age IS NULL OR d.min_age <= %s)"
        params.append(age)
    if kinds is not None:
        sql += f" AND d.kind IN ({', '.join(['%s'] * len(kinds))})"
        params.extend(kinds)
    return sql, params


# PostgreSQL: the whole document; the title alone (its own GIN index, migration 0003).
PG_ALL = "d.vector @@ to_tsquery('simple', %s)"
PG_TITLE = "d.title_vector @@ to_tsquery('simple', %s)"
FTS_MATCH = "search_fts MATCH %s"


def _from() -> str:
    if connection.vendor == "postgresql":
        return "search_searchdocument d"
    return "search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid"


def _tiers(query) -> list[tuple[str, list[str]]]:
    """Every word in the title, then some word in the title, then the body only: each tier as a
    match condition with its parameters, the same documents on either database."""
    every, some = (_match_expression(query, every_word=flag) for flag in (True, False))
    if connection.vendor == "postgresql":
        tiers = [
            (PG_TITLE, [every]),
            (f"{PG_ALL} AND {PG_TITLE} AND NOT {PG_TITLE}", [every, some, every]),
            (f"{PG_ALL} AND NOT {PG_TITLE}", [every, some]),
        ]
    else:
        tiers = [
            (FTS_MATCH, [f"title_terms : ({every})"]),
            (FTS_MATCH, [f"({every}) AND (title_terms : ({some}) NOT title_terms : ({every}))"]),
            (FTS_MATCH, [f"({every}) NOT title_terms : ({some})"]),
        ]
    # With one word "some word" is "every word": the middle tier is empty.
    return tiers if len(query) > 1 else [tiers[0], tiers[2]]


def _counts(query, now, age, kinds=None) -> dict[str, int]:
    """Matches per kind among the first COUNT_CAP + 1 found (one more tells "over the cap"): so
    exact when the query has at most COUNT_CAP matches, otherwise lower bounds. Counting each
    kind up to the cap instead would build the full-text bitmap once per kind, 9 ms each for a
    common word at 200k documents: more than the whole budget of a search."""
    match, match_params = _whole_document(query)
    found = _count(match, match_params, now, age, kinds)
    return {kind: found[kind] for kind in registered() if found.get(kind)}


def _whole_document(query) -> tuple[str, list[str]]:
    if connection.vendor == "postgresql":
        return PG_ALL, [_match_expression(query)]
    return FTS_MATCH, [_match_expression(query)]


def _count(match: str, match_params: list, now, age, kinds) -> dict[str, int]:
    visible, params = _visible(now, kinds, age)
    with connection.cursor() as cursor:
        cursor.execute(
            # Only constants are formatted into the SQL; the query's words go in as parameters.
            f"SELECT kind, COUNT(*) FROM (SELECT d.kind FROM {_from()} WHERE {match} "  # nosec B608
            f"AND {visible} LIMIT %s) AS matches GROUP BY kind",
            [*match_params, *params, COUNT_CAP + 1],
        )
        return dict(cursor.fetchall())


def _total(query, now, age, counts, kinds, asked) -> int:
    """How many matches of the kinds asked (up to COUNT_CAP + 1)."""
    if kinds is not None and sum(counts.values()) > COUNT_CAP and asked:
        # The first matches of all kinds say little about the kinds asked for: count those alone.
        counts = _counts(query, now, age, asked)
    return sum(counts.get(kind, 0) for kind in asked)


# What a candidate row is read with: _Row's fields but the body.
ROW_COLUMNS = ("id", "kind", "object_id", "title", "url", "body_words", "title_terms", "date")


@dataclasses.dataclass
class _Row:
    id: int
    kind: str
    object_id: str
    title: str
    url: str
    body_words: str
    title_terms: str
    date: datetime.datetime | None
    # Read for the page's rows only, for their snippets.
    body: str = ""


def _candidates(query, now, age, kinds, how_many) -> tuple[list[_Row], dict[str, int] | None]:
    """The best `how_many` matches of `kinds` by a cheap order (every word in the title, then
    some word in the title, then the rest; newest first), which Python then scores exactly. A
    tier is read only while the ones before it fall short, so common words never read all their
    matches.

    Sorting a tier reads all of its matches anyway, so the same statement counts them by kind:
    the counts come back exact when every tier was read and known, as lower bounds when the
    tiers read already hold over COUNT_CAP, and as None otherwise (count them apart). That
    spares a common query a second pass over its posting lists: a third of its time."""
    visible, visible_params = _visible(now, None, age)
    every_kind = list(registered())
    counted = ", ".join(["COUNT(*) FILTER (WHERE d.kind = %s) OVER ()"] * len(every_kind))
    asked = ", ".join(["%s"] * len(kinds)) or "NULL"
    rows, counts, known = [], dict.fromkeys(every_kind, 0), True
    tiers = _tiers(query)
    for number, (match, match_params) in enumerate(tiers, start=1):
        # The window keeps narrow rows: with the wide columns it spilled out of memory.
        sql = (
            # Only constants are formatted into the SQL; the query's words go in as parameters.
            f"SELECT {', '.join(f'doc.{column}' for column in ROW_COLUMNS)}, best.* "  # nosec B608
            "FROM (SELECT * FROM (SELECT d.id AS tier_id, "
            f"d.kind AS tier_kind, d.date AS tier_date, {counted} FROM {_from()} "
            f"WHERE {match} AND {visible}) AS tier WHERE tier_kind IN ({asked}) "
            "ORDER BY tier_date DESC NULLS LAST, tier_id DESC LIMIT %s) AS best "
            "JOIN search_searchdocument doc ON doc.id = best.tier_id "
            "ORDER BY doc.date DESC NULLS LAST, doc.id DESC"
        )
        params = [*every_kind, *match_params, *visible_params, *kinds, how_many - len(rows)]
        # Plain rows, not model instances: building 200 of them cost more than the scoring.
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        if found:
            for kind, count in zip(every_kind, found[0][-len(every_kind) :], strict=True):
                counts[kind] += count
        # No row of the kinds asked says nothing of the other kinds' matches in this tier.
        known &= bool(found) or len(kinds) == len(every_kind)
        rows += [_row(*values[: len(ROW_COLUMNS)]) for values in found]
        if len(rows) >= how_many:
            known &= number == len(tiers)
            break
    counts = {kind: count for kind, count in counts.items() if count}
    if known or sum(counts.values()) > COUNT_CAP:
        return rows, counts
    return rows, None


def _row(*values) -> _Row:
    row = _Row(*values)
    # A plain cursor skips Django's converters: SQLite hands back naive UTC datetimes.
    if row.date and timezone.is_naive(row.date):
        row.date = row.date.replace(tzinfo=datetime.UTC)
    return row


def _read_bodies(rows: list[_Row]) -> None:
    by_id = {row.id: row for row in rows}
    for row_id, body in SearchDocument.objects.filter(id__in=by_id).values_list("id", "body"):
        by_id[row_id].body = body


# The Python part ---------------------------------------------------------------------------------


def _score(row: _Row, query, phrase: str, now) -> float:
    # Terms hold their diacritic-free forms too, so plain set intersection is enough here.
    title_terms = set(row.title_terms.split())
    score = sum(TITLE_WEIGHT if terms & title_terms else BODY_WEIGHT for _word, terms in query)
    if phrase.strip() and phrase in analysis.spaced_words(row.title):
        score += TITLE_PHRASE_BOOST
    # One word "in the body" is what matching already says; a phrase needs several words.
    elif len(query) > 1 and phrase in row.body_words:
        score += BODY_PHRASE_BOOST
    searchable = registered().get(row.kind)
    if searchable and searchable.rank_recent and row.date:
        days = abs((row.date - now).total_seconds()) / 86400
        score += RECENT_BOOST * RECENT_DAYS / (RECENT_DAYS + days)
    return round(score, 3)


def _order(pair):
    score, row = pair
    stamp = row.date.timestamp() if row.date else float("-inf")
    return (-score, -stamp, row.kind, row.object_id)


def _result(row: _Row, score: float, query) -> Result:
    return Result(
        kind=row.kind,
        object_id=row.object_id,
        title=row.title,
        url=row.url,
        snippet=snippet(row.body, query),
        date=row.date,
        score=score,
    )


def snippet(text: str, query) -> SafeString:
    """A piece of the text around the first match, HTML-escaped, matches wrapped in <mark>."""
    wanted = frozenset(t for _word, terms in query for t in terms)
    first = next((m for m in _TOKEN.finditer(text) if _matches(m.group(), wanted)), None)
    start = max(first.start() - SNIPPET_LENGTH // 3, 0) if first else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + SNIPPET_LENGTH
    pieces, position = [], start
    for match in _TOKEN.finditer(text):
        # Tokens come in order: none after the first that ends past the piece is in it.
        if match.end() > end:
            break
        if match.start() < start or not _matches(match.group(), wanted):
            continue
        pieces += [escape(text[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    pieces.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces).strip() + suffix)  # every piece escaped above  # nosec B308, B703


_TOKEN = re.compile(r"[^\W_]+")


def _matches(token: str, wanted: frozenset[str]) -> bool:
    return not _token_terms(token).isdisjoint(wanted)


@functools.lru_cache(maxsize=100_000)
def _token_terms(token: str) -> frozenset[str]:
    # Cached by the token as written: the same words recur in every body, and splitting and
    # lower-casing each again was most of the time a page of snippets took.
    words = analysis.words(token)
    return analysis.word_terms(words[0]) if words else frozenset()


# Did you mean ------------------------------------------------------------------------------------


def _suggestion(query) -> str | None:
    """The query with each word the index has never seen replaced by its closest indexed term."""
    all_terms = {t for _word, terms in query for t in terms}
    known = set(SearchTerm.objects.filter(term__in=all_terms).values_list("term", flat=True))
    changed, words = False, []
    for word, terms in query:
        replacement = None if terms & known else _closest(word)
        changed |= replacement is not None
        words.append(replacement or word)
    return " ".join(words) if changed else None


def _trigrams(text: str) -> set[str]:
    padded = f"  {fold(text)} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _closest(word: str) -> str | None:
    if len(word) < 3 or word.isdigit():
        return None
    candidates = SearchTerm.objects.filter(
        initial__in={word[0], fold(word[0])}, length__range=(len(word) - 2, len(word) + 2)
    ).values_list("term", flat=True)
    mine = _trigrams(word)
    best, best_score = None, 0.0
    for term in candidates:
        theirs = _trigrams(term)
        similarity = len(mine & theirs) / len(mine | theirs)
        if (similarity, term) > (best_score, best or ""):
            best, best_score = term, similarity
    return best if best_score >= 0.3 else None
