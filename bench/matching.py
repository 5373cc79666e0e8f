"""Benchmark: ranking every open volunteer offer for one volunteer (and volunteers for one offer).

Builds a throwaway SQLite database (or uses DATABASE_URL), fills it with N open offers of
random skills, areas, districts, schedules and minimum ages, and a few thousand volunteer
profiles, then times matching.rank_offers_for() for an adult who travels, one who does not and a
16-year-old, matching.rank_volunteers_for() for one offer, and the two pages, printing median and
95th-percentile latency. The issue's target: under 100 ms for 20,000 offers.

    .venv/bin/python bench/matching.py [--offers 20000] [--volunteers 5000] [--repeat 30]
"""

import argparse
import datetime
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Import the project (and the bench harness) from the root, not from this folder.
sys.path[0] = str(ROOT)

from bench.harness import configure  # noqa: E402  (needs the path above)

SKILLS = """Opieka nad dziećmi; Grafika; Prawo jazdy; Korepetycje; Obsługa komputera; Fotografia;
Język angielski; Język niemiecki; Język ukraiński; Gotowanie; Pierwsza pomoc; Majsterkowanie;
Ogrodnictwo; Media społecznościowe; Księgowość; Prawo; Muzyka; Sport; Animacja czasu wolnego;
Opieka nad seniorami; Opieka nad zwierzętami; Pisanie tekstów; Tłumaczenia; Organizacja wydarzeń;
Programowanie""".replace("\n", " ").split("; ")


def fill(offers: int, volunteers: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from pomyslowice.accounts.models import User
    from pomyslowice.core.models import AreaOfBenefit, District
    from pomyslowice.organizations.models import Organization
    from pomyslowice.volunteering import availability
    from pomyslowice.volunteering.models import Offer, Skill, VolunteerProfile

    rng = random.Random(6)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        skills = [
            Skill.objects.create(name=name.strip(), slug=slugify(name), position=i)
            for i, name in enumerate(SKILLS)
        ]
        areas = list(AreaOfBenefit.objects.all())
        districts = list(District.objects.all())
        hosts = Organization.objects.bulk_create(
            Organization(
                name=f"Organizacja goszcząca {i:03d}",
                slug=f"organizacja-goszczaca-{i:03d}",
                kind=Organization.Kind.ASSOCIATION,
                status=Organization.Status.PUBLISHED,
                published_at=now,
                city="Mysłowice",
            )
            for i in range(40)
        )
        schedules = Offer.Schedule.values
        Offer.objects.bulk_create(
            (
                Offer(
                    host=hosts[i % len(hosts)],
                    title=f"Oferta wolontariatu {i:05d}",
                    slug=f"oferta-wolontariatu-{i:05d}",
                    description="<p>Opis.</p>",
                    tasks="Pomoc",
                    district=rng.choice(districts),
                    is_remote=rng.random() < 0.1,
                    schedule=schedules[i % len(schedules)],
                    availability=_random_slots(rng, availability),
                    duration=Offer.Duration.LONG,
                    min_age=rng.choice([18, 18, 16, 13, 10]),
                    status=Offer.Status.PUBLISHED,
                    published_at=now - datetime.timedelta(minutes=rng.randint(0, 90 * 24 * 60)),
                )
                for i in range(offers)
            ),
            batch_size=1000,
        )
        offer_ids = list(Offer.objects.values_list("pk", flat=True))
        _link(Offer.skills.through, "offer_id", "skill_id", offer_ids, skills, 0, 4, rng)
        _link(Offer.areas.through, "offer_id", "areaofbenefit_id", offer_ids, areas, 1, 3, rng)
        users = User.objects.bulk_create(
            User(
                email=f"wolontariusz-{i:05d}@example.org",
                first_name="Wolontariusz",
                last_name=f"{i:05d}",
                birth_date=datetime.date(1960 + i % 50, 1 + i % 12, 1),
            )
            for i in range(volunteers)
        )
        VolunteerProfile.objects.bulk_create(
            VolunteerProfile(
                user=user,
                availability=_random_slots(rng, availability),
                district=rng.choice(districts),
                travels=rng.random() < 0.7,
                visible_to_hosts=True,
                show_name=rng.random() < 0.5,
            )
            for user in users
        )
        profile_ids = list(VolunteerProfile.objects.values_list("pk", flat=True))
        _link(
            VolunteerProfile.skills.through,
            "volunteerprofile_id",
            "skill_id",
            profile_ids,
            skills,
            0,
            4,
            rng,
        )
        _link(
            VolunteerProfile.areas.through,
            "volunteerprofile_id",
            "areaofbenefit_id",
            profile_ids,
            areas,
            0,
            3,
            rng,
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(
        f"Made {offers} offers and {volunteers} volunteers in "
        f"{time.perf_counter() - started:.0f} s ({connection.vendor})."
    )


def _random_slots(rng: random.Random, availability) -> int:
    return availability.mask(
        (rng.randrange(len(availability.WEEKDAYS)), rng.randrange(len(availability.PARTS)))
        for _ in range(rng.randint(1, 4))
    )


def _link(through, owner_field, target_field, owner_ids, targets, least, most, rng) -> None:
    through.objects.bulk_create(
        (
            through(**{owner_field: owner, target_field: target.pk})
            for owner in owner_ids
            for target in rng.sample(targets, rng.randint(least, most))
        ),
        batch_size=5000,
    )


def people() -> dict:
    """The volunteers timed: an adult who travels, one who does not, a 16-year-old."""
    from django.utils import timezone

    from pomyslowice.accounts.models import User
    from pomyslowice.core.models import AreaOfBenefit, District
    from pomyslowice.volunteering import availability
    from pomyslowice.volunteering.models import Skill, VolunteerProfile

    today = timezone.localdate()
    skills = list(Skill.objects.filter(slug__in=["grafika", "prawo-jazdy", "korepetycje"]))
    areas = list(AreaOfBenefit.objects.order_by("position")[:2])
    host = User.objects.get_or_create(email="gospodarz@example.org")[0]
    result = {"host": host}
    for name, years, travels in [("adult", 30, True), ("stays", 45, False), ("minor", 16, True)]:
        user, _created = User.objects.update_or_create(
            email=f"bench-{name}@example.org",
            defaults={"birth_date": today.replace(year=today.year - years, day=1)},
        )
        profile, _created = VolunteerProfile.objects.update_or_create(
            user=user,
            defaults={
                "district": District.objects.get(slug="centrum"),
                "travels": travels,
                "availability": availability.mask([(0, 1), (2, 2), (5, 0), (5, 1)]),
            },
        )
        profile.skills.set(skills)
        profile.areas.set(areas)
        result[name] = profile
    return result


def timed(label: str, call, repeat: int) -> None:
    """Wall-clock and this process's CPU time (which a busy machine inflates less; on PostgreSQL
    it leaves out the server's share)."""
    result = call()  # warm
    timings, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    print(
        f"{label:55} {result.total:>8} {statistics.median(timings):10.1f} {p95(timings):8.1f}"
        f" {statistics.median(cpu):8.1f}"
    )


def p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(int(len(ordered) * 0.95) - 1, 0)]


def time_page(label: str, path: str, user, repeat: int) -> None:
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    assert client.get(path).status_code == 200, path  # warm
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"{label:55} {'':>8} {statistics.median(timings):10.1f} {p95(timings):8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=20_000)
    parser.add_argument("--volunteers", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        configure(var_dir)
        from django.contrib.auth.models import Permission

        from pomyslowice.volunteering import matching
        from pomyslowice.volunteering.models import Offer

        if Offer.objects.count() != args.offers:
            fill(args.offers, args.volunteers)
        who = people()
        # The caretaker's permissions: any offer's volunteers, every findable profile.
        who["host"].user_permissions.add(
            *Permission.objects.filter(codename__in=["review_offer", "view_application"])
        )
        offer = Offer.objects.order_by("pk").first()
        print(f"{args.offers} open offers, {args.volunteers} volunteers, {args.repeat} calls each")
        print(f"{'ranking':55} {'matches':>8} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>8}")
        for name in ("adult", "stays", "minor"):
            profile = who[name]
            timed(
                f"rank_offers_for({name}, age {profile.age()}, travels={profile.travels})",
                lambda profile=profile: matching.rank_offers_for(profile),
                args.repeat,
            )
        timed(
            "rank_volunteers_for(one offer)",
            lambda: matching.rank_volunteers_for(offer, viewer=who["host"]),
            args.repeat,
        )
        time_page("/wolontariat/dla-mnie/ (adult)", "/wolontariat/dla-mnie/", who["adult"].user, 10)
        time_page(
            "/wolontariat/oferty/<slug>/wolontariusze/ (caretaker)",
            f"/wolontariat/oferty/{offer.slug}/wolontariusze/",
            who["host"],
            10,
        )


if __name__ == "__main__":
    main()
