"""Demo accounts, organisations, memberships and leaders for Mysłowice (see the demo app).

Every row is keyed by e-mail or slug, so a second run updates instead of duplicating. A run
restores the scripted demo state on purpose: demo accounts get the shared demo password back,
organisations, memberships and consents return to what demo_data says. The operator's superuser
account is the exception: it is created once with a random password and never touched again.
"""

import datetime
import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.utils import timezone
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AreaOfBenefit, District

from . import demo_data
from .models import Membership, Organization, Person, PersonConsent

GIVEN_VIA = "seed_demo"
CITY = "Mysłowice"


def seed() -> dict:
    areas = {area.code: area for area in AreaOfBenefit.objects.all()}
    districts = {district.slug: district for district in District.objects.all()}
    check_reference_data(areas, districts)

    users = seed_personas()
    operator_password = seed_operator()
    organizations = seed_organizations(users=users, areas=areas, districts=districts)
    seed_memberships(users=users, organizations=organizations)
    seed_people(users=users, organizations=organizations, areas=areas, districts=districts)

    counts = {
        "demo_accounts": len(users),
        "organisations": Organization.objects.filter(slug__in=organizations).count(),
        "published_organisations": Organization.objects.published()
        .filter(slug__in=organizations)
        .count(),
        "pending_organisations": Organization.objects.pending()
        .filter(slug__in=organizations)
        .count(),
        "published_leaders": Person.objects.published()
        .filter(slug__in=[spec["slug"] for spec in demo_data.PEOPLE])
        .count(),
        "leaders_awaiting_consent": sum(1 for spec in demo_data.PEOPLE if not spec["consents"]),
    }
    return {
        "counts": counts,
        "operator_password": operator_password,
        "users": users,
        "organizations": organizations,
        "areas": areas,
        "districts": districts,
    }


def check_reference_data(areas: dict, districts: dict) -> None:
    needed_areas = {code for spec in demo_data.ORGANIZATIONS for code in spec["areas"]}
    needed_districts = {spec["district"] for spec in demo_data.ORGANIZATIONS}
    if not needed_areas <= areas.keys() or not needed_districts <= districts.keys():
        raise CommandError(
            "Areas of public benefit or districts are missing; run `python manage.py migrate`."
        )


def seed_personas() -> dict[str, User]:
    # One hash for all demo accounts: they share a password that is printed anyway, and
    # hashing once keeps the command fast.
    password_hash = make_password(demo_data.DEMO_PASSWORD)
    groups = {group.name: group for group in Group.objects.all()}
    users = {}
    for persona, spec in demo_data.PERSONAS.items():
        role = spec.get("role")
        user, _created = User.objects.update_or_create(
            email=spec["email"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "birth_date": persona_birth_date(spec),
                "is_staff": role is not None,
                "is_superuser": False,
                "is_active": True,
                "password": password_hash,
            },
        )
        user.groups.set([groups[role]] if role else [])
        verify_email(user)
        users[persona] = user
    return users


def persona_birth_date(spec: dict) -> datetime.date | None:
    if "age" in spec:
        return years_ago(spec["age"])
    if "birth_date" in spec:
        return datetime.date.fromisoformat(spec["birth_date"])
    return None


def years_ago(years: int) -> datetime.date:
    """The birthday of someone who turns `years` today, so they keep that age for a year."""
    today = timezone.localdate()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year without one
        return today.replace(year=today.year - years, day=28)


def verify_email(user: User) -> None:
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def seed_operator() -> str | None:
    """The operator's superuser; returns its new password only when it was created now."""
    operator = User.objects.filter(email=demo_data.OPERATOR_EMAIL).first()
    password = None
    if operator is None:
        password = secrets.token_urlsafe(12)
        operator = User.objects.create_superuser(demo_data.OPERATOR_EMAIL, password)
    verify_email(operator)
    return password


def seed_organizations(*, users: dict, areas: dict, districts: dict) -> dict[str, Organization]:
    now = timezone.now()
    slugs = [spec["slug"] for spec in demo_data.ORGANIZATIONS]
    published_at = dict(
        Organization.objects.filter(slug__in=slugs).values_list("slug", "published_at")
    )
    organizations = {}
    for index, spec in enumerate(demo_data.ORGANIZATIONS):
        status = Organization.Status(spec.get("status", Organization.Status.PUBLISHED))
        fields = {
            "name": spec["name"],
            "short_name": spec.get("short_name", ""),
            "kind": Organization.Kind(spec["kind"]),
            "description": spec["description"],
            "district": districts[spec["district"]],
            "street": spec.get("street", ""),
            "postal_code": spec.get("postal_code", ""),
            "city": CITY,
            "email": spec.get("email", ""),
            "phone": spec.get("phone", ""),
            "website": spec.get("website", ""),
            "is_public_benefit": spec.get("is_public_benefit", False),
            "uses_centre_address": spec.get("uses_centre_address", False),
            "caretaker": users["ngo_caretaker"] if spec.get("caretaker") else None,
            "submitted_by": users[spec["submitted_by"]] if "submitted_by" in spec else None,
            "status": status,
            "rejection_reason": spec.get("rejection_reason", ""),
            "published_at": (
                # Keep the first publication date so listings by date stay stable.
                published_at.get(spec["slug"]) or now - datetime.timedelta(days=7 * index)
                if status == Organization.Status.PUBLISHED
                else None
            ),
            **fictional_identifiers(spec),
        }
        organization, _created = Organization.objects.update_or_create(
            slug=spec["slug"], defaults=fields
        )
        organization.areas.set([areas[code] for code in spec["areas"]])
        organizations[spec["slug"]] = organization
    return organizations


def fictional_identifiers(spec: dict) -> dict[str, str | None]:
    """KRS/NIP/REGON that pass their checksums but cannot belong to a real entity."""
    wanted = spec.get("ids", ())
    serial = spec.get("serial")
    return {
        "krs": fictional_krs(serial) if "krs" in wanted else None,
        "nip": fictional_nip(serial) if "nip" in wanted else None,
        "regon": fictional_regon(serial) if "regon" in wanted else "",
    }


def fictional_krs(serial: int) -> str:
    # The register is around number 0001200000; 09999xxxxx is far beyond anything issued.
    return f"09999{serial:05d}"


def fictional_nip(serial: int) -> str:
    # NIPs start with a tax office's code and no office has code 000.
    for variant in range(10):
        stem = f"000{serial:04d}{variant:02d}"
        candidate = stem + str(stdnum_nip.checksum(stem + "0") % 10)
        if stdnum_nip.is_valid(candidate):
            return candidate
    raise ValueError(f"No valid fictional NIP for serial {serial}")


def fictional_regon(serial: int) -> str:
    # REGONs start with a voivodeship code and 00 is none.
    stem = f"00{serial:06d}"
    return stem + stdnum_regon.calc_check_digit(stem)


def seed_memberships(*, users: dict, organizations: dict) -> None:
    Membership.objects.update_or_create(
        user=users["representative"],
        organization=organizations[demo_data.REPRESENTED_ORGANIZATION],
        defaults={
            "role": Membership.Role.REPRESENTATIVE,
            "status": Membership.Status.ACTIVE,
            "rejection_reason": "",
            "decided_by": users["coordinator"],
        },
        create_defaults={
            "role": Membership.Role.REPRESENTATIVE,
            "status": Membership.Status.ACTIVE,
            "decided_by": users["coordinator"],
            "decided_at": timezone.now(),
        },
    )
    claim = demo_data.PENDING_CLAIM
    Membership.objects.update_or_create(
        user=users[claim["persona"]],
        organization=organizations[claim["organization"]],
        defaults={
            "role": Membership.Role.REPRESENTATIVE,
            "status": Membership.Status.PENDING,
            "message": claim["message"],
            "rejection_reason": "",
            "decided_at": None,
            "decided_by": None,
        },
    )


def seed_people(*, users: dict, organizations: dict, areas: dict, districts: dict) -> None:
    now = timezone.now()
    for spec in demo_data.PEOPLE:
        person, _created = Person.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "full_name": spec["full_name"],
                "email": spec["email"],
                "bio": spec["bio"],
                "skills": spec["skills"],
                "district": districts[spec["district"]],
                "user": users[spec["user"]] if "user" in spec else None,
                "added_by": users[spec["added_by"]] if "added_by" in spec else None,
            },
        )
        person.areas.set([areas[code] for code in spec["areas"]])
        person.organizations.set([organizations[slug] for slug in spec["organizations"]])
        consented = [PersonConsent.Field(field) for field in spec["consents"]]
        for field in consented:
            PersonConsent.objects.get_or_create(
                person=person, field=field, withdrawn_at=None, defaults={"given_via": GIVEN_VIA}
            )
        # Back to the scripted state: consents given while playing with the demo are withdrawn
        # (kept as withdrawn records, like a real withdrawal).
        PersonConsent.objects.filter(person=person, withdrawn_at__isnull=True).exclude(
            field__in=consented
        ).update(withdrawn_at=now)
