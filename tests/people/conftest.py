"""Fixtures for the directory of activists and leaders: people with consents, images, links."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pomyslowice.organizations.models import Person, PersonConsent

ALL_FIELDS = tuple(PersonConsent.Field.values)
PERSON_EMAIL = "anna.lecka@example.org"


def image_bytes(image_format="PNG", size=(40, 30), **save_options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 83, 148)).save(buffer, format=image_format, **save_options)
    return buffer.getvalue()


def upload(name="photo.png", content=None, content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes() if content is None else content, content_type)


def make_person(full_name: str, *, consents=ALL_FIELDS, via="profile form", **fields) -> Person:
    from django.utils.text import slugify

    from pomyslowice.core.text import fold

    fields.setdefault("email", f"{slugify(fold(full_name))}@example.org")
    fields.setdefault("slug", slugify(fold(full_name)))
    person = Person.objects.create(full_name=full_name, **fields)
    for field in consents:
        PersonConsent.objects.create(person=person, field=field, given_via=via)
    return person


@pytest.fixture
def published_person(db, area, organization):
    """Anna, who agreed to show everything, including the contact form."""
    person = make_person(
        "Anna Łęcka",
        email=PERSON_EMAIL,
        bio="<p>Prowadzę <strong>klub sąsiedzki</strong> na Piasku.</p>",
        skills="fundraising, praca z młodzieżą",
    )
    person.areas.add(area)
    person.organizations.add(organization)
    return person


@pytest.fixture
def make_people(db, area, organization):
    def make(count: int) -> list[Person]:
        people = []
        for number in range(count):
            person = make_person(f"Osoba Testowa {number:03d}", skills="animacja")
            person.areas.add(area)
            person.organizations.add(organization)
            people.append(person)
        return people

    return make


def en(url: str) -> str:
    """The English version of a page (an earlier request may have left English active)."""
    return url if url.startswith("/en/") else f"/en{url}"


def link_from(message) -> str:
    """The path of the first link to this site in an e-mail's body."""
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)
