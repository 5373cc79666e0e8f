"""Benchmark: Polish-aware search over many indexed documents.

Builds a throwaway SQLite database (or uses DATABASE_URL), writes N synthetic Polish documents
straight into the index tables (terms come from a vocabulary analysed once, as the indexer would
analyse it, so filling takes seconds, not hours), then times search() itself and the /szukaj/
page and the API for typical queries, printing median and 95th-percentile latency.

    .venv/bin/python bench/search.py [--documents 200000] [--repeat 30] [--keep]

--keep reuses the documents an earlier run left in DATABASE_URL (same --documents), to compare
code changes on the same data without filling again.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench harness) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench.harness import configure, print_table  # noqa: E402  (needs the path above)

REAL_WORDS = """organizacja organizacji organizacjom stowarzyszenie stowarzyszeniach fundacja
fundacji
wolontariusz wolontariuszami wolontariusze dziecko dzieci dzieckiem mieszkaniec mieszkańców
Mysłowice Mysłowicach Mysłowic szkolenie szkoleniach szkolenia dotacja dotacji dotacje senior
seniorów seniorami projekt projekty wniosek wnioski konkurs konkursie grant grantu warsztaty
warsztatach spotkanie spotkania biblioteka bibliotece szkoła szkole szkołach rodzina rodzinom
pomoc pomocy sport kultura kultury ekologia zdrowie zdrowia młodzież młodzieży ogłoszenie
księgowość sprawozdanie statut urząd urzędzie przedszkole parafia festyn koncert zbiórka pies
kobieta ludzie pozyskiwanie fundusze miasto miasta dzielnica dzielnicy Brzezinka Piasek Janów
Larysz Kosztowy Dziećkowice Wesoła Ćwiklice park parku boisko boiska zajęcia zajęć sąsiedzi
sąsiedzka współpraca współpracy radni rada rady budżet obywatelski ankieta historia pamięć
teatr muzyka muzyki taniec tańca plastyka rower rowerowy wycieczka wycieczki piknik zieleń
drzewa ogród ogrody społeczność lokalna lokalnej aktywność aktywni obywatele obywateli""".split()

SYLLABLES = "ka ro mi sta ne wło dzi ba le ko pa tu ry że szo cha bi do gu fe".split()

QUERIES = [
    "dzieci",
    "szkolenia dla seniorów",
    "fundacja Mysłowice",
    "wolontariusze",
    "dotacje dla organizacji",
    "myslowice mieszkancow",
    "warsztaty muzyczne w parku",
    "stowarzyszenie",
    "semiorzy",  # a typo: did you mean
]


def vocabulary(rng: random.Random) -> tuple[list[str], dict[str, str]]:
    from pomyslowice.search.analysis import terms

    made_up = {
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(30_000)
    }
    words = REAL_WORDS + sorted(made_up)
    return words, {word: terms(word) for word in words}


def fill(count: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from pomyslowice.search.analysis import spaced_words
    from pomyslowice.search.index import _remember_terms
    from pomyslowice.search.models import SearchDocument, SearchTerm

    rng = random.Random(5)
    words, analysed = vocabulary(rng)
    real, made_up = words[: len(REAL_WORDS)], words[len(REAL_WORDS) :]
    kinds = ["organization", "person", "event", "grant-call", "article"]
    now = timezone.now()
    started = time.perf_counter()
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    batch = []
    with transaction.atomic():
        for i in range(count):
            title = [rng.choice(real)] + [rng.choice(made_up) for _ in range(4)]
            body = [rng.choice(real) for _ in range(12)] + [rng.choice(made_up) for _ in range(48)]
            rng.shuffle(body)
            body_text = " ".join(body).capitalize() + "."
            kind = kinds[i % len(kinds)]
            batch.append(
                SearchDocument(
                    kind=kind,
                    object_id=str(i),
                    title=" ".join(title).capitalize(),
                    url=f"/bench/{kind}/{i}/",
                    body=body_text,
                    body_words=spaced_words(body_text),
                    title_terms=" ".join(analysed[w] for w in title),
                    body_terms=" ".join(analysed[w] for w in body),
                    date=now + timedelta(days=rng.randint(-900, 300))
                    if kind in ("event", "grant-call")
                    else None,
                )
            )
            if len(batch) == 2000:
                SearchDocument.objects.bulk_create(batch)
                batch = []
        SearchDocument.objects.bulk_create(batch)
        _remember_terms([SearchDocument(title_terms=" ".join(analysed.values()), body_terms="")])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchdocument")
    else:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    print(
        f"Indexed {count} documents in {time.perf_counter() - started:.0f} s ({connection.vendor})."
    )


def time_search(repeat: int) -> None:
    from pomyslowice.search.query import search

    print(f"search() itself, {repeat} calls each")
    print(f"{'query':35} {'matches':>8} {'median ms':>10} {'p95 ms':>8}")
    for q in QUERIES:
        found = search(q)  # warm
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            search(q)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
        matches = f"{found.count}+" if found.count_is_capped else str(found.count)
        print(f"{q:35} {matches:>8} {statistics.median(timings):10.1f} {p95:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="reuse the documents already there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        configure(var_dir)
        from pomyslowice.search.models import SearchDocument

        if not (args.keep and SearchDocument.objects.count() == args.documents):
            fill(args.documents)
        time_search(args.repeat)
        paths = [f"/szukaj/?{urlencode({'q': q})}" for q in QUERIES[:5]]
        paths += [f"/api/v1/search?{urlencode({'q': q})}" for q in QUERIES[:5]]
        print_table(f"{args.documents} documents", paths, args.repeat)


if __name__ == "__main__":
    main()
