"""Volunteers' profiles (with the consents behind them), hosts' offers and applications to them.

About one volunteer in ten is a minor (13–17); applications come from adults only, so no offer
gets one from someone below its minimum age.
A profile is findable by hosts only with its consent, so each flag comes with its consent row.
"""

import datetime

from django.db import connection
from django.utils import translation
from django.utils.text import slugify

from pomyslowice.accounts.models import User
from pomyslowice.core.ages import age_on
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.volunteering import availability
from pomyslowice.volunteering.demo_offers import SKILLS
from pomyslowice.volunteering.models import (
    ADULT_AGE,
    Application,
    Offer,
    ProfileConsent,
    Skill,
    VolunteerProfile,
)
from pomyslowice.volunteering.profile_services import CONSENT_WORDINGS

from .base import Context
from .events import ZONE, address, description, heavy_tailed_picker, local, write_pairs

MINOR_SHARE = 0.1
# Besides the open offers, this many closed, filled or expired ones for each open one.
PAST_OFFERS_PER_OPEN = 2
BLOCK = 50_000
OFFER_TITLES = (
    "Pomoc w nauce dla uczniów szkoły podstawowej",
    "Wolontariusz do schroniska dla zwierząt",
    "Pomoc przy organizacji festynu",
    "Towarzyszenie seniorom w klubie",
    "Wsparcie banku żywności",
    "Animator zajęć dla dzieci",
    "Pomoc w prowadzeniu mediów społecznościowych",
    "Kierowca do rozwożenia paczek",
    "Wolontariusz na zawody sportowe",
    "Tłumacz języka ukraińskiego",
    "Pomoc przy remoncie świetlicy",
    "Fotograf na wydarzenia",
    "Opieka nad ogrodem społecznym",
    "Czytanie w hospicjum",
)
TASKS = (
    "Pomoc przy przygotowaniu sali\nRozmowy z uczestnikami\nPorządkowanie materiałów",
    "Wsparcie koordynatora\nPrzygotowanie poczęstunku\nObsługa punktu informacyjnego",
    "Zajęcia z dziećmi\nPomoc w odrabianiu lekcji\nGry i zabawy",
)
ABOUT = (
    "Lubię pracę z ludźmi i chcę pomagać w swojej okolicy.",
    "Jestem studentką, mam wolne popołudnia i weekendy.",
    "Emerytowany nauczyciel, chętnie poprowadzę zajęcia.",
    "Szukam wolontariatu w weekendy, najlepiej na świeżym powietrzu.",
)
LANGUAGES = ("polski", "polski, angielski", "polski, ukraiński", "polski, niemiecki")


def generate(ctx: Context) -> None:
    skills = _skills()
    areas = list(AreaOfBenefit.objects.filter(is_active=True).values_list("pk", flat=True))
    districts = list(District.objects.values_list("pk", flat=True))
    volunteers = list(ctx.ids.get("volunteer_users", []))
    minors = _birth_dates(ctx, volunteers)
    ctx.facts["minor_volunteers"] = minors
    _write_profiles(ctx, volunteers, skills, areas, districts)
    _write_offers(ctx, skills, areas, districts)
    _write_applications(ctx, volunteers, minors)


def _skills() -> list[int]:
    return [
        Skill.objects.get_or_create(slug=slug, defaults={"name": name, "position": i})[0].pk
        for i, (slug, name) in enumerate(SKILLS)
    ]


def _birth_dates(ctx, volunteers: list[int]) -> set[int]:
    """Give volunteers without a date of birth one (a tenth of them minors); the minors' ids."""
    today = ctx.now.astimezone(ZONE).date()
    rng = ctx.rng
    known: dict[int, datetime.date | None] = {}
    for start in range(0, len(volunteers), 10_000):
        known.update(
            User.objects.filter(pk__in=volunteers[start : start + 10_000]).values_list(
                "pk", "birth_date"
            )
        )
    missing = []
    for user_id in volunteers:
        if known.get(user_id) is None:
            age = rng.randint(13, 17) if rng.random() < MINOR_SHARE else rng.randint(18, 75)
            known[user_id] = today - datetime.timedelta(days=age * 365 + rng.randint(10, 350))
            missing.append((known[user_id], user_id))
    _save_birth_dates(missing)
    return {user_id for user_id, born in known.items() if age_on(born, today) < ADULT_AGE}


def _save_birth_dates(missing: list[tuple[datetime.date, int]]) -> None:
    """One UPDATE per block on PostgreSQL (arrays unnested), a statement per row elsewhere."""
    table = connection.ops.quote_name(User._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(missing), 10_000):
            block = missing[start : start + 10_000]
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"UPDATE {table} AS u SET birth_date = v.born "  # nosec B608 (model's table)
                    "FROM unnest(%s::date[], %s::bigint[]) AS v(born, id) WHERE u.id = v.id",
                    [[born for born, _id in block], [user_id for _born, user_id in block]],
                )
            else:
                cursor.executemany(
                    f"UPDATE {table} SET birth_date = %s WHERE id = %s",  # nosec B608
                    block,
                )


def _write_profiles(ctx, volunteers, skills, areas, districts):
    rng = ctx.rng
    ids = ctx.writer.reserve(VolunteerProfile, len(volunteers))
    ctx.ids["volunteer_profiles"] = ids
    with translation.override("pl"):
        wordings = {purpose: str(text) for purpose, text in CONSENT_WORDINGS.items()}
    consents: list[tuple[int, str, datetime.datetime]] = []
    first = ctx.start
    span = (ctx.now - first).total_seconds()

    def rows(block):
        for profile_id, user_id in block:
            created = first + datetime.timedelta(seconds=rng.uniform(0, span))
            visible = rng.random() < 0.6
            digest = rng.random() < 0.25
            consents.append((profile_id, ProfileConsent.Purpose.PROFILE, created))
            if visible:
                consents.append((profile_id, ProfileConsent.Purpose.VISIBLE_TO_HOSTS, created))
            if digest:
                consents.append((profile_id, ProfileConsent.Purpose.DIGEST, created))
            yield {
                "id": profile_id,
                "user_id": user_id,
                "about": rng.choice(ABOUT),
                "availability": _availability(rng),
                "district_id": rng.choice(districts) if districts else None,
                "travels": rng.random() < 0.7,
                "languages": rng.choice(LANGUAGES),
                "experience": "",
                "phone": "",
                "visible_to_hosts": visible,
                "show_name": visible and rng.random() < 0.5,
                "show_contact": visible and rng.random() < 0.3,
                "show_experience": True,
                "digest": digest,
                "created_at": created,
                "updated_at": created,
            }

    # A block at a time, so a national run never holds millions of consents.
    for start in range(0, len(ids), BLOCK):
        block = zip(ids[start : start + BLOCK], volunteers[start : start + BLOCK], strict=True)
        ctx.writer.insert(VolunteerProfile, rows(block))
        _write_consents(ctx, consents, wordings)
        consents.clear()
    profile_skills, profile_areas = VolunteerProfile.skills.through, VolunteerProfile.areas.through
    write_pairs(ctx, profile_skills, ("volunteerprofile_id", "skill_id"), ids, skills, 1, 4)
    write_pairs(ctx, profile_areas, ("volunteerprofile_id", "areaofbenefit_id"), ids, areas, 1, 3)


def _write_consents(ctx, consents, wordings):
    consent_ids = ctx.writer.reserve(ProfileConsent, len(consents))
    ctx.writer.insert(
        ProfileConsent,
        (
            {
                "id": consent_id,
                "profile_id": profile_id,
                "purpose": purpose,
                "wording": wordings[purpose],
                "given_at": given,
            }
            for consent_id, (profile_id, purpose, given) in zip(consent_ids, consents, strict=True)
        ),
    )


def _availability(rng) -> int:
    slots = rng.sample([(day, part) for day in range(7) for part in range(3)], rng.randint(2, 8))
    return availability.mask(slots)


# --- offers ------------------------------------------------------------------------------------


def _write_offers(ctx, skills, areas, districts):
    open_count = ctx.scale.open_offers
    ids = ctx.writer.reserve(Offer, open_count * (1 + PAST_OFFERS_PER_OPEN))
    ctx.ids["offers"] = ids
    ctx.facts["open_offers"] = ids[:open_count]
    ctx.facts["offer_places"] = {}
    ctx.writer.insert(Offer, _offers(ctx, ids, open_count, districts))
    write_pairs(ctx, Offer.skills.through, ("offer_id", "skill_id"), ids, skills, 1, 3)
    write_pairs(ctx, Offer.areas.through, ("offer_id", "areaofbenefit_id"), ids, areas, 1, 2)


def _offers(ctx, ids, open_count, districts):
    rng, now = ctx.rng, ctx.now
    today = now.astimezone(ZONE).date()
    organizations = list(ctx.ids.get("organizations", []))
    representatives = dict(
        zip(organizations, ctx.ids.get("representative_users", []), strict=False)
    )
    pick_host = heavy_tailed_picker(rng, organizations, sigma=1.5)
    history = (today - ctx.start.astimezone(ZONE).date()).days
    slugs: dict[str, str] = {}
    for index, offer_id in enumerate(ids):
        is_open = index < open_count
        title = rng.choice(OFFER_TITLES)
        stem = slugs.get(title) or slugs.setdefault(title, slugify(title)[:150])
        host = pick_host()
        if is_open:
            published = today - datetime.timedelta(days=rng.randint(0, 90))
            status = Offer.Status.PUBLISHED
            expires = (
                today + datetime.timedelta(days=rng.randint(7, 120)) if rng.random() < 0.7 else None
            )
        else:
            published = today - datetime.timedelta(days=rng.randint(30, max(history, 31)))
            status = rng.choice(
                (
                    Offer.Status.CLOSED,
                    Offer.Status.FILLED,
                    Offer.Status.PUBLISHED,
                    Offer.Status.DRAFT,
                )
            )
            expires = published + datetime.timedelta(days=rng.randint(14, 28))
        schedule = rng.choice(Offer.Schedule.values)
        duration = (
            Offer.Duration.SHORT
            if schedule == Offer.Schedule.ONE_OFF
            else rng.choice(Offer.Duration.values)
        )
        starts = published + datetime.timedelta(days=rng.randint(3, 30))
        days = rng.randint(1, 25) if duration == Offer.Duration.SHORT else rng.randint(31, 365)
        places = rng.choice((1, 1, 2, 3, 5, 10))
        ctx.facts["offer_places"][offer_id] = places
        representative = representatives.get(host)
        created = local(published, 10) - datetime.timedelta(days=rng.randint(0, 5))
        yield {
            "id": offer_id,
            "host_id": host,
            "title": title,
            "slug": f"{stem}-{offer_id}",
            "description": description(rng, f"Szukamy wolontariuszy: {title.lower()}."),
            "tasks": rng.choice(TASKS),
            "district_id": rng.choice(districts) if districts and rng.random() < 0.8 else None,
            "address": address(rng),
            "is_remote": rng.random() < 0.1,
            "schedule": schedule,
            "starts_on": starts,
            "ends_on": starts + datetime.timedelta(days=days - 1),
            "schedule_note": "",
            "availability": 0 if schedule == Offer.Schedule.FLEXIBLE else _availability(rng),
            "duration": duration,
            "places": places,
            "min_age": rng.choice((18, 18, 18, 16, 13)),
            "works_with_children": rng.random() < 0.2,
            "offers_training": rng.random() < 0.4,
            "covers_travel": rng.random() < 0.3,
            "offers_certificate": True,
            "contact_person_id": representative,
            "status": status,
            "expires_on": expires,
            "published_at": local(published, 10) if status != Offer.Status.DRAFT else None,
            "created_by_id": representative,
            "created_at": created,
            "updated_at": created,
        }


# --- applications ------------------------------------------------------------------------------


def _write_applications(ctx, volunteers, minors):
    """A few applications, from adults, for about half the offers."""
    rng = ctx.rng
    offers = ctx.ids["offers"]
    open_offers = set(ctx.facts["open_offers"])
    adults_only = [volunteer for volunteer in volunteers if volunteer not in minors]
    plans = []
    for offer_id in offers:
        if rng.random() < 0.5 or not adults_only:
            continue
        wanted = rng.randint(1, ctx.facts["offer_places"][offer_id] + 2)
        plans.append((offer_id, rng.sample(adults_only, min(wanted, len(adults_only)))))
    ids = ctx.writer.reserve(Application, sum(len(people) for _, people in plans))
    messages = (
        "Dzień dobry, chętnie pomogę. Mam doświadczenie w pracy z ludźmi.",
        "Chciałabym spróbować, mam wolne popołudnia.",
        "Zgłaszam się, mogę zacząć od przyszłego tygodnia.",
    )
    now = ctx.now
    statuses = Application.Status

    def rows():
        numbers = iter(ids)
        for offer_id, people in plans:
            is_open = offer_id in open_offers
            for volunteer in people:
                sent = now - datetime.timedelta(days=rng.randint(1, 60 if is_open else 900))
                status = rng.choice(
                    (statuses.PENDING, statuses.PENDING, statuses.ACCEPTED, statuses.DECLINED)
                    if is_open
                    else (statuses.ACCEPTED, statuses.DECLINED, statuses.WITHDRAWN)
                )
                decided = status in (statuses.ACCEPTED, statuses.DECLINED)
                yield {
                    "id": next(numbers),
                    "offer_id": offer_id,
                    "volunteer_id": volunteer,
                    "message": rng.choice(messages),
                    "status": status,
                    "decided_at": sent + datetime.timedelta(days=2) if decided else None,
                    "withdrawn_at": sent + datetime.timedelta(days=1)
                    if status == statuses.WITHDRAWN
                    else None,
                    "created_at": sent,
                }

    ctx.writer.insert(Application, rows())
