"""Benchmark: every main page and its API equivalent under load, over HTTP, on the running stack.

Runs wrk (a separate load generator process) against each page through nginx (STACK_URL), as an
anonymous visitor, the demo volunteer or the demo coordinator (logged in through the real log-in
form and two-step code), and compares each page's throughput with /ping, a bare view through the
whole middleware (the framework's ceiling on this stack). Then counts each page's SQL queries for
one request in this process, with the stack's database and no cache.

    STACK_DIR=var/stack .venv/bin/python bench/load.py [--duration 10] [--connections 8]
        [--only search] [--json out.json] [--url http://127.0.0.1:8101]
    STACK_DIR=var/stack .venv/bin/python bench/load.py --query-counts   # only the query counts

Targets (issue 9): p95 < 100 ms for every page, < 50 ms for search, < 500 ms for the indicator
dashboard; public pages (and the public API) at >= 50 % of the ceiling's requests per second.
"""

import argparse
import calendar
import datetime
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench helpers) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench import stack_client  # noqa: E402  (needs the path above)

WRK = shutil.which("wrk") or "/usr/bin/wrk"
REPORT_LUA = ROOT / "bench" / "wrk" / "report.lua"
SEARCH_WORD = "fundacja"
P95_LIMIT_MS = {"search": 50, "dashboard": 500}
DEFAULT_P95_LIMIT_MS = 100
PUBLIC_KINDS = {"public", "api", "search"}
MIN_CEILING_RATIO = 0.5


@dataclass
class Page:
    name: str
    path: str
    kind: str  # ceiling, public, api, search, volunteer, staff, dashboard
    who: str = ""  # "" (anonymous), or the e-mail of a demo account


def pages() -> list[Page]:
    """The pages to measure, on example objects picked from the stack's database."""
    from django.db.models import Count
    from django.utils import timezone

    from pomyslowice.events.models import Event
    from pomyslowice.knowledge.models import Article
    from pomyslowice.organizations.models import Organization
    from pomyslowice.reports.models import Project

    today = datetime.date.today()
    month_end = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    organization = stack_client.busiest_organization()
    event = (
        Event.objects.published().filter(organizer=organization, start__gte=timezone.now()).first()
        or Event.objects.published().order_by("-start").first()
    )
    busiest_filter = (
        Organization.objects.published()
        .exclude(district=None)
        .values("areas__slug", "district__slug")
        .annotate(count=Count("pk"))
        .order_by("-count")
        .first()
    )
    directory_filter = {"obszar": busiest_filter["areas__slug"] or ""}
    directory_filter["dzielnica"] = busiest_filter["district__slug"]
    article = Article.objects.published().order_by("-pk").first()
    project = Project.objects.order_by("-end").first()
    year_start = max(project.start, project.end - datetime.timedelta(days=364))
    year = {"od": year_start.isoformat(), "do": project.end.isoformat()}
    month = {"start": today.replace(day=1).isoformat(), "end": month_end.isoformat()}
    return [
        Page("ping (ceiling)", "/ping", "ceiling"),
        Page("home", "/", "public"),
        Page("directory filtered", f"/organizacje/?{urlencode(directory_filter)}", "public"),
        Page("organisation", f"/organizacje/{organization.slug}/", "public"),
        Page("calendar month", f"/wydarzenia/miesiac/{today:%Y}/{today:%m}/", "public"),
        Page("event", f"/wydarzenia/{event.slug}/", "public"),
        Page("iCal feed", "/kalendarz.ics", "public"),
        Page("search", f"/szukaj/?{urlencode({'q': SEARCH_WORD})}", "search"),
        Page("article", f"/wiedza/{article.slug}/", "public"),
        Page("offer list", "/wolontariat/", "public"),
        Page("matching (volunteer)", "/wolontariat/dla-mnie/", "volunteer", stack_client.VOLUNTEER),
        Page("staff panel", "/panel/", "staff", stack_client.COORDINATOR),
        Page(
            "indicators (1 year)",
            f"/panel/wskazniki/{project.slug}/?{urlencode(year)}",
            "dashboard",
            stack_client.COORDINATOR,
        ),
        Page("API organisations", "/api/v1/organizations", "api"),
        Page("API organisation", f"/api/v1/organizations/{organization.slug}", "api"),
        Page("API events (month)", f"/api/v1/events?{urlencode(month)}", "api"),
        Page("API event", f"/api/v1/events/{event.slug}", "api"),
        Page("API search", f"/api/v1/search?{urlencode({'q': SEARCH_WORD})}", "search"),
        Page("API articles", "/api/v1/articles", "api"),
        Page("API opportunities", "/api/v1/opportunities", "api"),
    ]


def data_size() -> str:
    """How much data the stack holds, for the printed header and the README."""
    from pomyslowice.events.models import Event, Registration
    from pomyslowice.knowledge.models import Article
    from pomyslowice.organizations.models import Organization
    from pomyslowice.volunteering.models import Offer, VolunteerProfile

    counted = {
        "organisations": Organization,
        "events": Event,
        "registrations": Registration,
        "articles": Article,
        "volunteer profiles": VolunteerProfile,
        "offers": Offer,
    }
    return ", ".join(f"{model.objects.count()} {name}" for name, model in counted.items())


def run_wrk(url: str, *, cookie: str, duration: int, connections: int) -> dict:
    """wrk's results for one URL (the JSON line report.lua prints)."""
    threads = min(2, connections)  # wrk needs a connection per thread
    command = [
        WRK,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    command += ["-s", str(REPORT_LUA)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def query_count(page: Page, users: dict) -> int:
    """SQL queries (on every database alias) of one request, after a warm-up request."""
    from django.core.cache import caches
    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pomyslowice.accounts.mfa import SESSION_KEY

    client = Client(HTTP_HOST="127.0.0.1")
    if page.who:
        client.force_login(users[page.who])
        session = client.session
        session[SESSION_KEY] = users[page.who].pk
        session.save()
    try:
        client.get(page.path)  # templates, translations, per-process lookups
    except Exception as error:  # one broken page must not hide the others' counts
        print(f"  {page.name}: {error!r}", file=sys.stderr)
        return -500
    # The page cache and lookups only: the "sessions" cache holds this client's log-in.
    caches["default"].clear()
    contexts = [CaptureQueriesContext(connections[alias]) for alias in connections]
    for context in contexts:
        context.__enter__()
    try:
        response = client.get(page.path)
    finally:
        for context in contexts:
            context.__exit__(None, None, None)
    if response.status_code != 200:
        return -response.status_code
    return sum(len(context) for context in contexts)


def measured_query_counts(page_list: list[Page]) -> dict[str, int]:
    from pomyslowice.accounts.models import User

    emails = {page.who for page in page_list if page.who}
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    return {page.name: query_count(page, users) for page in page_list}


def flags(page: Page, result: dict, ceiling_rps: float | None) -> list[str]:
    """Which targets the page misses."""
    missed = []
    limit = P95_LIMIT_MS.get(page.kind, DEFAULT_P95_LIMIT_MS)
    if page.kind != "ceiling" and result["p95_ms"] >= limit:
        missed.append(f"p95>={limit}ms")
    if (
        page.kind in PUBLIC_KINDS
        and ceiling_rps
        and result["rps"] < MIN_CEILING_RATIO * ceiling_rps
    ):
        missed.append("<50%ceiling")
    if result["non2xx"] or result["socket_errors"] or result["timeouts"]:
        missed.append("errors")
    return missed


def print_table(rows: list[dict]) -> None:
    header = f"{'page':24} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7} {'errors':>7} "
    print(header + f"{'ratio':>6} {'queries':>7}  missed")
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row.get("ratio") is not None else "-"
        errors = row["non2xx"] + row["socket_errors"] + row["timeouts"]
        queries = row.get("queries")
        print(
            f"{row['name']:24} {row['rps']:8.1f} {row['p50_ms']:7.1f} {row['p95_ms']:7.1f} "
            f"{row['p99_ms']:7.1f} {errors:7d} {ratio:>6} "
            f"{'-' if queries is None else queries:>7}  {' '.join(row['missed']) or 'ok'}"
        )
    print("latencies in ms; ratio = req/s / ping req/s; queries = SQL queries of one request")


def print_query_counts(counts: dict[str, int], page_list: list[Page], scale: str) -> None:
    print(f"SQL queries for one request (no cache), scale {scale}")
    for page in page_list:
        count = counts[page.name]
        shown = count if count >= 0 else f"status {-count}"
        print(f"{page.name:24} {shown:>8}  {page.path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--only", help="only pages whose name contains this")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--url", help="load this server instead of STACK_URL (e.g. one app)")
    parser.add_argument("--query-counts", action="store_true", help="only count SQL queries")
    parser.add_argument("--no-query-counts", action="store_true")
    args = parser.parse_args()

    stack = stack_client.load_stack()
    stack_client.setup_django(stack, local_cache=True)
    page_list = pages()
    size = data_size()
    print(f"Stack scale {stack.scale}: {size}", flush=True)
    if args.only:
        page_list = [p for p in page_list if args.only in p.name or p.kind == "ceiling"]
    if args.query_counts:
        print_query_counts(measured_query_counts(page_list), page_list, stack.scale)
        return
    base = (args.url or stack.url).rstrip("/")
    cookies = {who: stack_client.log_in(base, who) for who in {p.who for p in page_list} if who}
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"wrk -t{min(2, args.connections)} -c{args.connections} -d{args.duration}s against "
        f"{base}, scale {stack.scale}; "
        f"load average before: {load_average}",
        flush=True,
    )
    rows = []
    for page in page_list:
        cookie = cookies.get(page.who, "")
        # One request first: it fills caches and waits out what the previous page left queued.
        started = time.perf_counter()
        status, _body = stack_client.get(base + page.path, headers={"Cookie": cookie})
        first_ms = (time.perf_counter() - started) * 1000
        result = run_wrk(
            base + page.path, cookie=cookie, duration=args.duration, connections=args.connections
        )
        result.update(first_ms=first_ms, first_status=status)
        rows.append({"name": page.name, "path": page.path, "kind": page.kind, **result})
        print(
            f"  {page.name}: {result['rps']:.1f} req/s, p95 {result['p95_ms']:.1f} ms, "
            f"{result['non2xx']} non-2xx, {result['socket_errors']} socket errors, "
            f"{result['timeouts']} timeouts; first request {first_ms:.0f} ms ({status})",
            flush=True,
        )
    counts = {} if args.no_query_counts else measured_query_counts(page_list)
    ceiling = next((row["rps"] for row in rows if row["kind"] == "ceiling"), None)
    for page, row in zip(page_list, rows, strict=True):
        row["ratio"] = row["rps"] / ceiling if ceiling else None
        row["queries"] = counts.get(page.name)
        row["missed"] = flags(page, row, ceiling)
    print_table(rows)
    if args.json:
        summary = {
            "scale": stack.scale,
            "data": size,
            "url": base,
            "duration_s": args.duration,
            "connections": args.connections,
            "load_average_before": load_average,
            "at": datetime.datetime.now().isoformat(timespec="seconds"),
            "pages": rows,
        }
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
