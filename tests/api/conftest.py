"""Fixtures for the API tests: tokens, people with consents, headers."""

import pytest
from django.utils import timezone

from pomyslowice.accounts.tokens import create_api_token
from pomyslowice.organizations.models import Person, PersonConsent
from tests.conftest import create_user

ALL_PERSON_FIELDS = [choice.value for choice in PersonConsent.Field]


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def api_user(db):
    return create_user("integrator@example.org", first_name="Irena", last_name="Integratorka")


@pytest.fixture
def api_token(api_user):
    """(token, secret) of an active token of an active user."""
    return create_api_token(user=api_user, name="Skrypt raportów")


def make_person(full_name: str, *, consents=ALL_PERSON_FIELDS, **fields) -> Person:
    from django.utils.text import slugify

    fields.setdefault("email", f"{slugify(full_name)}@example.org")
    person = Person.objects.create(full_name=full_name, slug=slugify(full_name), **fields)
    for field in consents:
        PersonConsent.objects.create(person=person, field=field, given_via="test")
    return person


def withdraw(person: Person, field: str) -> None:
    PersonConsent.objects.filter(person=person, field=field, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


@pytest.fixture(autouse=True)
def english_by_default(settings):
    """API clients here read English unless a test asks for Polish with Accept-Language."""
    settings.LANGUAGE_CODE = "en"
