"""Organisations with their areas and representatives, and activists and leaders (Person).

Mostly small associations and foundations; most published. Registry numbers pass the checks
the registration form applies (validators.normalize_nip/regon) and are derived from the row's
id, so they never collide, not even with a second run. Leaders are public only through an
active consent to show their name, as the public pages require (PersonQuerySet.published).
"""

import datetime

from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.organizations.models import Membership, Organization, Person, PersonConsent

from . import text
from .base import Context

BLOCK = 20_000
GIVEN_VIA = "generate_dataset"

KIND_WEIGHTS = {
    Organization.Kind.ASSOCIATION: 42,
    Organization.Kind.FOUNDATION: 30,
    Organization.Kind.RURAL_WOMEN_CIRCLE: 8,
    Organization.Kind.ORDINARY_ASSOCIATION: 6,
    Organization.Kind.SCHOOL_SPORTS_CLUB: 5,
    Organization.Kind.OTHER_NGO: 3,
    Organization.Kind.INFORMAL_GROUP: 3,
    Organization.Kind.CSR_COMPANY: 2,
    Organization.Kind.PUBLIC_UNIT: 1,
}
# Kinds entered in the National Court Register (KGWs have their own, informal groups none).
IN_KRS = {
    Organization.Kind.ASSOCIATION,
    Organization.Kind.FOUNDATION,
    Organization.Kind.SCHOOL_SPORTS_CLUB,
    Organization.Kind.OTHER_NGO,
    Organization.Kind.CSR_COMPANY,
}
STATUS_WEIGHTS = {
    Organization.Status.PUBLISHED: 93,
    Organization.Status.PENDING: 5,
    Organization.Status.REJECTED: 2,
}
REJECTION_REASON = "Brak numeru w rejestrze i opisu działalności; prosimy o uzupełnienie."
# What public leaders consented to show besides their name, each with its probability.
OPTIONAL_CONSENTS = {
    PersonConsent.Field.BIO: 0.8,
    PersonConsent.Field.AREAS: 0.8,
    PersonConsent.Field.SKILLS: 0.7,
    PersonConsent.Field.ORGANIZATIONS: 0.7,
    PersonConsent.Field.CONTACT: 0.3,
}


def generate(ctx: Context) -> None:
    refs = _references(ctx)
    organizations = ctx.writer.reserve(Organization, ctx.scale.organizations)
    ctx.ids["organizations"] = organizations
    representatives = ctx.ids["representative_users"]
    for start in range(0, len(organizations), BLOCK):
        ids = organizations[start : start + BLOCK]
        block = zip(ids, representatives[start : start + BLOCK], strict=True)
        _write_organizations(ctx, refs, list(block))
    persons = ctx.writer.reserve(Person, ctx.scale.people)
    ctx.ids["persons"] = persons
    public = set(ctx.rng.sample(range(len(persons)), min(ctx.scale.public_leaders, len(persons))))
    for start in range(0, len(persons), BLOCK):
        indexes = range(start, min(start + BLOCK, len(persons)))
        _write_people(ctx, refs, [(i, persons[i], i in public) for i in indexes])


def _references(ctx: Context) -> dict:
    """What rows point at, read once: areas, the home city's districts, caretakers."""
    return {
        "areas": list(AreaOfBenefit.objects.filter(is_active=True).values_list("pk", flat=True)),
        "districts": list(District.objects.values_list("pk", flat=True)),
        "caretakers": list(User.objects.filter(is_staff=True).values_list("pk", flat=True)),
        "geography": text.geography(ctx.scale.name),
        "kinds": list(KIND_WEIGHTS),
        "kind_weights": text.cumulative(KIND_WEIGHTS.values()),
        "statuses": list(STATUS_WEIGHTS),
        "status_weights": text.cumulative(STATUS_WEIGHTS.values()),
    }


# Organisations -------------------------------------------------------------------------------


def _write_organizations(ctx: Context, refs: dict, block: list[tuple[int, int]]) -> None:
    rows = [_organization(ctx, refs, org_id, user_id) for org_id, user_id in block]
    ctx.writer.insert(Organization, rows)
    through = Organization.areas.through
    areas = [(row["id"], area) for row in rows for area in _some(ctx, refs["areas"], 1, 3)]
    ids = ctx.writer.reserve(through, len(areas))
    ctx.writer.insert(
        through,
        (
            {"id": pk, "organization_id": org, "areaofbenefit_id": area}
            for pk, (org, area) in zip(ids, areas, strict=True)
        ),
    )
    memberships = ctx.writer.reserve(Membership, len(rows))
    ctx.writer.insert(
        Membership,
        (
            {
                "id": pk,
                "user_id": row["submitted_by_id"],
                "organization_id": row["id"],
                "role": Membership.Role.REPRESENTATIVE,
                "status": Membership.Status.ACTIVE,
                "created_at": row["created_at"],
                "decided_at": row["published_at"] or row["created_at"],
            }
            for pk, row in zip(memberships, rows, strict=True)
        ),
    )


def _organization(ctx: Context, refs: dict, org_id: int, user_id: int) -> dict:
    rng = ctx.rng
    kind = rng.choices(refs["kinds"], cum_weights=refs["kind_weights"])[0]
    geography = refs["geography"]
    rural = kind == Organization.Kind.RURAL_WOMEN_CIRCLE or rng.random() < 0.15
    place = geography.village(rng) if rural else geography.town(rng)
    name, short_name = text.organization_name(kind, place, rng)
    status = rng.choices(refs["statuses"], cum_weights=refs["status_weights"])[0]
    created_at = _moment(ctx, rng.random())
    published = status == Organization.Status.PUBLISHED
    krs = f"08{org_id:08d}" if kind in IN_KRS else None
    in_home_city = place.name == text.HOME_CITY and refs["districts"]
    return {
        "id": org_id,
        "name": name[:250],
        "short_name": short_name[:80],
        "slug": text.slug(name, org_id),
        "kind": kind,
        "description": text.rich_text(rng, rng.randint(1, 3)),
        "street": text.street_address(rng),
        "postal_code": text.postal_code(place, rng),
        "city": place.name,
        "district_id": rng.choice(refs["districts"]) if in_home_city else None,
        "email": f"kontakt.{org_id}@{_domain(org_id)}" if rng.random() < 0.8 else "",
        "phone": f"+48 {rng.randint(500, 899)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        "website": f"https://{_domain(org_id)}" if rng.random() < 0.5 else "",
        "facebook": f"https://www.facebook.com/org{org_id}" if rng.random() < 0.4 else "",
        "krs": krs,
        "nip": fictional_nip(org_id) if krs or kind == Organization.Kind.PUBLIC_UNIT else None,
        "regon": fictional_regon(org_id) if rng.random() < 0.9 else "",
        "is_public_benefit": krs is not None and rng.random() < 0.1,
        "is_trusted": published and rng.random() < 0.1,
        "caretaker_id": rng.choice(refs["caretakers"])
        if refs["caretakers"] and rng.random() < 0.3
        else None,
        "status": status,
        "rejection_reason": REJECTION_REASON if status == Organization.Status.REJECTED else "",
        "submitted_by_id": user_id,
        "created_at": created_at,
        "updated_at": created_at,
        "published_at": created_at + datetime.timedelta(days=rng.randint(0, 14))
        if published
        else None,
        # As Organization.save() computes it.
        "search_text": text.fold_text(" ".join([name, short_name, place.name, krs or ""])),
    }


def _domain(org_id: int) -> str:
    return f"org{org_id}.example.org"


def fictional_nip(org_id: int) -> str | None:
    """A NIP with a correct check digit; tax office codes 01x and 02x do not exist."""
    for prefix in ("01", "02"):
        stem = f"{prefix}{org_id:07d}"
        check = stdnum_nip.checksum(stem + "0") % 11
        if check != 10:
            return stem + str(check)
    return None


def fictional_regon(org_id: int) -> str:
    # Voivodeship codes are odd numbers up to 97; 98 is none.
    stem = f"98{org_id % 1_000_000:06d}"
    return stem + stdnum_regon.calc_check_digit(stem)


def _moment(ctx: Context, fraction: float) -> datetime.datetime:
    return ctx.now - ctx.scale.years * datetime.timedelta(days=365) * (1 - fraction)


def _some(ctx: Context, pool: list[int], low: int, high: int) -> list[int]:
    if not pool:
        return []
    return ctx.rng.sample(pool, min(ctx.rng.randint(low, high), len(pool)))


# People --------------------------------------------------------------------------------------


def _write_people(ctx: Context, refs: dict, block: list[tuple[int, int, bool]]) -> None:
    organizations = ctx.ids["organizations"]
    representatives = ctx.ids["representative_users"]
    rows, areas, links, consents = [], [], [], []
    for index, person_id, public in block:
        # The first leaders are organisations' representatives with accounts; the rest were
        # added by the centre on their behalf.
        linked = index < min(len(organizations), ctx.scale.people) // 5
        row = _person(ctx, refs, person_id, representatives[index] if linked else None)
        rows.append(row)
        areas += [(person_id, area) for area in _some(ctx, refs["areas"], 1, 3)]
        own = [organizations[index]] if linked else []
        others = ctx.rng.sample(organizations, min(ctx.rng.randint(0, 2), len(organizations)))
        links += [(person_id, org) for org in dict.fromkeys(own + others)]
        consents += _consents(ctx, person_id, row["created_at"], public)
    ctx.writer.insert(Person, rows)
    _insert_links(ctx, Person.areas.through, "areaofbenefit_id", areas)
    _insert_links(ctx, Person.organizations.through, "organization_id", links)
    ids = ctx.writer.reserve(PersonConsent, len(consents))
    ctx.writer.insert(
        PersonConsent, (row | {"id": pk} for pk, row in zip(ids, consents, strict=True))
    )


def _person(ctx: Context, refs: dict, person_id: int, user_id: int | None) -> dict:
    rng = ctx.rng
    first, last = text.person_name(rng)
    full_name = f"{first} {last}"
    skills = ", ".join(rng.sample(text.SKILLS, rng.randint(1, 3)))
    created_at = _moment(ctx, rng.random())
    return {
        "id": person_id,
        "user_id": user_id,
        "full_name": full_name,
        "slug": text.slug(full_name, person_id),
        "email": f"{text.ascii_word(first)}.{text.ascii_word(last)}.p{person_id}@example.org",
        "bio": text.bio(rng),
        "skills": skills,
        "district_id": rng.choice(refs["districts"])
        if ctx.scale.name == "city" and refs["districts"]
        else None,
        "created_at": created_at,
        "updated_at": created_at,
        # As Person.save() computes it.
        "search_text": text.fold_text(" ".join([full_name, skills])),
    }


def _consents(ctx: Context, person_id: int, created_at, public: bool) -> list[dict]:
    given = {"person_id": person_id, "given_at": created_at, "given_via": GIVEN_VIA}
    if public:
        fields = [PersonConsent.Field.NAME]
        fields += [field for field, odds in OPTIONAL_CONSENTS.items() if ctx.rng.random() < odds]
        return [given | {"field": field} for field in fields]
    # Some private people once were public and withdrew; the rest never answered.
    if ctx.rng.random() < 0.05:
        return [given | {"field": PersonConsent.Field.NAME, "withdrawn_at": ctx.now}]
    return []


def _insert_links(ctx: Context, through, column: str, pairs: list[tuple[int, int]]) -> None:
    ids = ctx.writer.reserve(through, len(pairs))
    ctx.writer.insert(
        through,
        (
            {"id": pk, "person_id": person, column: other}
            for pk, (person, other) in zip(ids, pairs, strict=True)
        ),
    )
