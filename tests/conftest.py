"""Personas and shared fixtures. Every test module uses the same people (see DESIGN.md)."""

import datetime
import os
import time

import hypothesis
import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import clear_url_caches
from django.utils import timezone, translation
from django.utils.text import slugify

from pomyslowice.accounts.models import User, UserManager
from pomyslowice.accounts.roles import Role
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.text import fold
from pomyslowice.organizations.models import Membership, Organization

PASSWORD = "Haslo-testowe-123!"

# Property-based tests (form fuzzing, schemathesis) draw the same examples on every run, so the
# suite answers the same twice; `HYPOTHESIS_PROFILE=explore` draws new ones to hunt for bugs.
hypothesis.settings.register_profile("reproducible", derandomize=True)
hypothesis.settings.register_profile("explore", derandomize=False)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reproducible"))

# The authenticator app secret of every enrolled staff account in tests (base32, as apps take it).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

STAFF_PERSONAS = {
    "coordinator": Role.COORDINATOR,
    "analyst": Role.ANALYST,
    "ngo_caretaker": Role.NGO_CARETAKER,
    "volunteer_caretaker": Role.VOLUNTEER_CARETAKER,
    "technical_admin": Role.TECHNICAL_ADMIN,
}
PERSONAS = [
    "anonymous",
    "resident",
    "representative",
    "representative_other_org",
    "volunteer",
    "volunteer_minor",
    *STAFF_PERSONAS,
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashers are slow by design; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def isolated_environment(settings, tmp_path):
    """Every test starts alike: static files served from the apps (no collectstatic), uploads in
    a throwaway folder, an empty cache (rate limits), and Polish active again afterwards.

    Whole-page caching is off: tests read `response.context`, which a kept page lacks, and change
    data inside transactions that never commit. tests/core/test_page_cache.py turns it on."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    # Reversed URLs are cached per language with that language's prefix; a test that changed
    # LANGUAGE_CODE would otherwise leave English addresses without their /en/ prefix.
    clear_url_caches()
    translation.activate(settings.LANGUAGE_CODE)


def totp_code(secret: str = TOTP_SECRET, *, at: float | None = None) -> str:
    """The code an authenticator app shows now (or at the Unix time `at`) for the secret."""
    now = time.time() if at is None else at
    return format_hotp_value(hotp_value(secret, int(now) // mfa_settings.TOTP_PERIOD))


def enrol_in_totp(user: User, secret: str = TOTP_SECRET) -> None:
    TOTP.activate(user, secret)


def create_user(email: str, *, first_name="", last_name="", role=None, totp=True, **extra) -> User:
    """A verified user; a staff member (a role or a superuser) comes enrolled in two-step
    verification, as staff must be, unless `totp=False`."""
    user = User.objects.create_user(
        email,
        PASSWORD,
        first_name=first_name,
        last_name=last_name,
        is_staff=role is not None,
        **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    if totp and (role or user.is_superuser):
        enrol_in_totp(user)
    return user


@pytest.fixture(autouse=True)
def superusers_enrolled_in_totp(monkeypatch):
    """Superusers made with the manager directly come enrolled too, like create_user's staff."""
    create_superuser = UserManager.create_superuser

    def create_enrolled_superuser(manager, *args, **kwargs):
        user = create_superuser(manager, *args, **kwargs)
        enrol_in_totp(user)
        return user

    monkeypatch.setattr(UserManager, "create_superuser", create_enrolled_superuser)


@pytest.fixture
def unenrolled_staff(db):
    """make(role) is a staff member who has not set up an authenticator app yet."""

    def make(role=Role.COORDINATOR) -> User:
        return create_user(f"nowy-{role}@example.org", role=role, totp=False)

    return make


@pytest.fixture
def area(db):
    area, _created = AreaOfBenefit.objects.get_or_create(
        code="13",
        defaults={
            "name": "działalności wspomagającej rozwój wspólnot i społeczności lokalnych",
            "slug": "rozwoj-wspolnot-lokalnych",
            "position": 130,
            "source": "test",
        },
    )
    return area


@pytest.fixture
def district(db):
    district, _created = District.objects.get_or_create(name="Piasek", defaults={"slug": "piasek"})
    return district


def make_organization(name: str, **fields) -> Organization:
    fields.setdefault("kind", Organization.Kind.ASSOCIATION)
    fields.setdefault("status", Organization.Status.PUBLISHED)
    fields.setdefault("city", "Mysłowice")
    if fields["status"] == Organization.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    return Organization.objects.create(name=name, slug=slugify(fold(name)), **fields)


@pytest.fixture
def organization(db, area, district):
    org = make_organization(
        "Stowarzyszenie Przyjaciół Piasku",
        description="<p>Działamy na rzecz mieszkańców dzielnicy.</p>",
        district=district,
        email="kontakt@przyjaciele-piasku.example.org",
    )
    org.areas.add(area)
    return org


@pytest.fixture
def other_organization(db):
    return make_organization("Fundacja Ławki Razem", kind=Organization.Kind.FOUNDATION)


@pytest.fixture
def make_organizations(db, area, district):
    def make(count: int) -> list[Organization]:
        orgs = []
        for i in range(count):
            org = make_organization(f"Organizacja testowa {i:04d}", district=district)
            org.areas.add(area)
            orgs.append(org)
        return orgs

    return make


@pytest.fixture
def users(db, organization, other_organization):
    """One user per persona (None for anonymous); representatives act for their organisations."""
    result = {
        "anonymous": None,
        "resident": create_user(
            "mieszkaniec@example.org", first_name="Janina", last_name="Mieszko"
        ),
        "representative": create_user(
            "przedstawiciel@example.org", first_name="Piotr", last_name="Reprezentant"
        ),
        "representative_other_org": create_user(
            "inna-organizacja@example.org", first_name="Olga", last_name="Inna"
        ),
        "volunteer": create_user(
            "wolontariusz@example.org", first_name="Wiktor", last_name="Wolny"
        ),
        "volunteer_minor": create_user(
            "mlody-wolontariusz@example.org",
            first_name="Mateusz",
            last_name="Młody",
            birth_date=timezone.localdate() - datetime.timedelta(days=16 * 365 + 30),
        ),
    }
    for persona, role in STAFF_PERSONAS.items():
        result[persona] = create_user(f"{persona.replace('_', '-')}@example.org", role=role)
    Membership.objects.create(
        user=result["representative"], organization=organization, status=Membership.Status.ACTIVE
    )
    Membership.objects.create(
        user=result["representative_other_org"],
        organization=other_organization,
        status=Membership.Status.ACTIVE,
    )
    return result


@pytest.fixture
def client_for(users):
    """client_for("coordinator") is a test client logged in as that persona."""

    def make(persona: str) -> Client:
        client = Client()
        if users[persona] is not None:
            client.force_login(users[persona])
        return client

    return make
