"""Polish-aware text analysis: words become the terms the index stores and queries look for.

Every lemma Morfeusz 2 proposes is kept (so "dzieci" and "dzieckiem" meet at "dziecko" without
merging unrelated words the way prefix truncation does); pystempel stems the words Morfeusz does
not know; the diacritic-free form of each term and of the word itself lets people type without
Polish letters. Terms are made only of letters and digits, so both databases split them alike.
"""

import functools
import gc
import gzip
import importlib.resources
import io
import re
import warnings

from pomyslowice.core.text import fold

# Longer "words" are noise (hashes, pasted garbage); cutting them keeps terms bounded.
MAX_WORD_LENGTH = 40

_WORD = re.compile(r"[^\W_]+")

STOP_WORDS = frozenset(
    """a aby ale albo ani bo by czy dla do gdy i ich im in jak jaki jest jego jej już ku lub
    na nad nie o od oraz po pod przez przy sa są się tak także też to tu w we z za ze że żeby
    the of and or to in on for""".split()
)


def words(text: str) -> list[str]:
    """Lower-case words of letters and digits, in order."""
    found = _WORD.findall((text or "").lower())
    # Searches split every candidate's body: the common case, no long word, skips a Python loop.
    if max(map(len, found), default=0) <= MAX_WORD_LENGTH:
        return found
    return [w[:MAX_WORD_LENGTH] for w in found]


@functools.cache
def _morfeusz():
    import morfeusz2

    return morfeusz2.Morfeusz(generate=False)


@functools.cache
def _stemmer():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from pystempel import Stemmer
        from pystempel.streams import DataInputStream

    # pystempel's own loader reads the 11 MB table a few bytes at a time from the gzip stream
    # behind a progress bar (7 s); unpacked at once into memory it takes a third of that. The
    # collector would scan the half million small objects it builds again and again while they
    # are made, to find no garbage: it pauses meanwhile (another half).
    table = importlib.resources.files("pystempel.data.polimorf") / "stemmer_polimorf.tbl.gz"
    data = gzip.decompress(table.read_bytes())
    collecting = gc.isenabled()
    gc.disable()
    try:
        return Stemmer.from_stream(DataInputStream(io.BytesIO(data)))
    finally:
        if collecting:
            gc.enable()


def warm_up() -> None:
    """Load the dictionaries now rather than in the first search (2 s for the stemmer table):
    app servers call it at start-up, before gunicorn forks its workers (wsgi.py)."""
    _morfeusz()
    _stemmer()


def _lemmas(word: str) -> set[str] | None:
    """Every lemma Morfeusz proposes, or None when it does not know the word."""
    lemmas = set()
    for _start, _end, (_form, lemma, tag, *_rest) in _morfeusz().analyse(word):
        if tag == "ign":
            return None
        lemmas.add(lemma.split(":", 1)[0].lower())
    return lemmas or None


# Marks the stem of the diacritic-free word: such terms meet only each other, so a query typed
# without Polish letters ("myslowicach") finds "Mysłowice" without merging real lemmas.
FOLDED_STEM = "0s"


def _folded_stem(word: str) -> str:
    stem = _stemmer()(fold(word))
    return FOLDED_STEM + "".join(words(fold(stem or word)))


@functools.lru_cache(maxsize=100_000)
def word_terms(word: str, *, query: bool = False) -> frozenset[str]:
    """The terms one (lower-case) word stands for, in a document or (query=True) in a query."""
    if word.isdigit():
        return frozenset({word})
    bases = _lemmas(word)
    unknown = bases is None
    if unknown:
        stem = _stemmer()(word)
        bases = {stem.lower() if stem else word}
    terms = set()
    for base in {*bases, word}:
        for text in (base, fold(base)):
            terms.update(words(text))
    if unknown or not query:
        terms.add(_folded_stem(word))
    return frozenset(terms)


def terms(text: str) -> str:
    """The space-separated terms of a text, as the index stores them."""
    seen: dict[str, None] = {}
    for word in words(text):
        seen.update(dict.fromkeys(sorted(word_terms(word))))
    return " ".join(seen)


def spaced_words(text: str) -> str:
    """The words of a text, diacritic-free, with a space around each: "phrase in text" is then a
    whole-word substring test."""
    return f" {' '.join(map(_folded_word, words(text)))} "


@functools.lru_cache(maxsize=100_000)
def _folded_word(word: str) -> str:
    # Word by word and cached, as the same words recur in every text: folding whole texts was
    # the slowest part of a search.
    return " ".join(words(fold(word)))


def query_words(q: str) -> list[tuple[str, frozenset[str]]]:
    """Each query word with its alternative terms; stop-words go unless nothing else is left."""
    found = words(q)
    meaningful = [w for w in found if w not in STOP_WORDS]
    return [(w, word_terms(w, query=True)) for w in (meaningful or found)]
