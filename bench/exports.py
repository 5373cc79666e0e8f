"""Benchmark: exporting many support records as CSV and XLSX stays fast and small in memory.

Builds a throwaway SQLite database (or uses DATABASE_URL), fills it with N SupportRecords, then
downloads the support records as CSV (streamed) and XLSX (written to a temporary file) through
Django's test client as an analyst would, reading the body chunk by chunk as a browser does,
and prints the time, the size and the peak Python memory (tracemalloc) of each.

    .venv/bin/python bench/exports.py [--records 100000]
"""

import argparse
import datetime
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench harness) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench.harness import configure  # noqa: E402  (needs the path above)

FILES = ["support-csv", "support-xlsx", "indicators-csv", "indicators-xlsx"]


def fill(count: int) -> None:
    from django.utils import timezone

    from pomyslowice.organizations.models import Organization, SupportRecord

    now = timezone.now()
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"Stowarzyszenie Eksportowe {i:03d}",
            slug=f"stowarzyszenie-eksportowe-{i:03d}",
            status=Organization.Status.PUBLISHED,
            published_at=now,
            city="Mysłowice",
        )
        for i in range(200)
    )
    kinds = SupportRecord.Kind.values
    first_day = datetime.date(2025, 1, 1)
    started = time.perf_counter()
    SupportRecord.objects.bulk_create(
        (
            SupportRecord(
                kind=kinds[i % len(kinds)],
                date=first_day + datetime.timedelta(days=i % 365),
                person_name=f"Uczestnik Żółty {i % 5000:04d}",
                person_email=f"uczestnik{i % 5000:04d}@example.org",
                organization=organizations[i % len(organizations)],
                summary=f"Wsparcie nr {i}: szkolenie, konsultacja lub użyczenie sali",
            )
            for i in range(count)
        ),
        batch_size=2000,
    )
    print(f"Filled {count} support records in {time.perf_counter() - started:.1f} s.")


def analyst_client():
    from django.test import Client

    from pomyslowice.accounts.models import User

    user = User.objects.create_superuser("analityk-bench@example.org", "bench-only-123!")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def download(client, file: str, end: str = "2025-12-31") -> int:
    """Bytes of one download, read chunk by chunk and thrown away as a browser would."""
    response = client.get("/panel/eksport/", {"od": "2025-01-01", "do": end, "pobierz": file})
    assert response.status_code == 200, (file, response.status_code)
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    return size


def measure(client, file: str) -> tuple[float, int, float]:
    """Seconds, bytes and peak MB of one download. A one-day download first, so that the
    modules the first request imports are not counted; tracemalloc slows Python down, so time
    and memory are measured in two runs."""
    download(client, file, end="2025-01-01")
    started = time.perf_counter()
    size = download(client, file)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    download(client, file)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, size, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        configure(var_dir)
        fill(args.records)
        client = analyst_client()
        print(f"{args.records} support records")
        print(f"{'file':18} {'seconds':>8} {'MB sent':>8} {'peak MB':>8}")
        for file in FILES:
            seconds, size, peak = measure(client, file)
            print(f"{file:18} {seconds:8.1f} {size / 2**20:8.1f} {peak:8.1f}")


if __name__ == "__main__":
    main()
