"""Benchmark: the organisations directory and its API with many organisations.

Builds a throwaway SQLite database (or uses DATABASE_URL), fills it with N published
organisations, then times the busiest public reads through Django's test client and prints
median and 95th-percentile latency plus the number of SQL queries per request.

    .venv/bin/python bench/directory.py [--organizations 2000] [--repeat 50]
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench harness) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench.harness import configure, print_table  # noqa: E402  (needs the path above)


def fill(count: int) -> None:
    from django.utils import timezone

    from pomyslowice.core.models import AreaOfBenefit, District
    from pomyslowice.core.text import fold
    from pomyslowice.organizations.models import Organization

    areas = list(AreaOfBenefit.objects.all())
    districts = list(District.objects.all())
    kinds = Organization.Kind.values
    now = timezone.now()
    organizations = [
        Organization(
            name=f"Stowarzyszenie Łączy Nas {i:05d}",
            slug=f"stowarzyszenie-laczy-nas-{i:05d}",
            kind=kinds[i % len(kinds)],
            district=districts[i % len(districts)],
            description="<p>Działamy na rzecz mieszkańców dzielnicy od wielu lat.</p>",
            status=Organization.Status.PUBLISHED,
            published_at=now,
            city="Mysłowice",
        )
        for i in range(count)
    ]
    for organization in organizations:  # bulk_create skips save(), which keeps search_text
        organization.search_text = fold(organization.name)
    Organization.objects.bulk_create(organizations, batch_size=500)
    links = [
        Organization.areas.through(organization_id=pk, areaofbenefit_id=areas[pk % len(areas)].pk)
        for pk in Organization.objects.values_list("pk", flat=True)
    ]
    Organization.areas.through.objects.bulk_create(links, batch_size=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        configure(var_dir)
        fill(args.organizations)
        paths = [
            "/organizacje/",
            "/organizacje/?q=laczy+nas+0019",
            "/organizacje/?rodzaj=fundacja&sort=-name&page=3",
            "/organizacje/stowarzyszenie-laczy-nas-00042/",
            "/api/v1/organizations?limit=100",
            "/api/v1/organizations?q=laczy&offset=500",
        ]
        print_table(f"{args.organizations} organisations", paths, args.repeat)


if __name__ == "__main__":
    main()
