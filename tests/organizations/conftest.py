"""Fixtures for the organisations tests: images, registrations awaiting approval, e-mails."""

import io

import pytest
from PIL import Image
from stdnum.pl import regon as stdnum_regon

from pomyslowice.organizations.models import Membership, Organization
from tests.conftest import create_user, make_organization


def profile(organization, suffix: str = "") -> str:
    """The Polish address of a profile page, independent of the thread's active language."""
    return f"/organizacje/{organization.slug}/{suffix}"


def image_bytes(image_format="PNG", size=(120, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 83, 148)).save(buffer, format=image_format)
    return buffer.getvalue()


def valid_nip(first_nine: str) -> str:
    """A NIP with a correct check digit (weights from the Polish tax office's algorithm)."""
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    check = sum(w * int(d) for w, d in zip(weights, first_nine, strict=True)) % 11
    if check == 10:
        raise ValueError("These nine digits have no valid NIP.")
    return f"{first_nine}{check}"


def valid_regon(first_eight: str) -> str:
    return first_eight + stdnum_regon.calc_check_digit(first_eight)


NIP = valid_nip("526025027")
OTHER_NIP = valid_nip("634001234")
REGON = valid_regon("12345678")


@pytest.fixture
def submitter(db):
    return create_user("zglaszajacy@example.org", first_name="Zofia", last_name="Zgłaszająca")


@pytest.fixture
def pending_organization(users, submitter, area):
    org = make_organization(
        "Klub Seniora Źródło",
        status=Organization.Status.PENDING,
        submitted_by=submitter,
        krs="0000999888",
    )
    org.areas.add(area)
    return org


@pytest.fixture
def pending_claim(users, organization):
    """The resident asks to represent the published organisation."""
    return Membership.objects.create(
        user=users["resident"], organization=organization, message="Jestem w zarządzie."
    )


@pytest.fixture
def mail_on_commit(django_capture_on_commit_callbacks, mailoutbox):
    """Run on_commit callbacks (e-mails) as if the test's transaction had committed."""

    class Capture:
        outbox = mailoutbox

        def __call__(self):
            return django_capture_on_commit_callbacks(execute=True)

    return Capture()


def en(path: str) -> str:
    """The English version of a page, so assertions on UI text do not depend on translations."""
    return "/en" + path


def registration_data(area=None, district=None, **overrides) -> dict:
    """What a person fills in on the registration form, valid unless overridden."""
    data = {
        "name": "Stowarzyszenie Nowe Łąki",
        "short_name": "SNŁ",
        "kind": Organization.Kind.ASSOCIATION,
        "description": "<p>Dbamy o <strong>zieleń</strong> na osiedlu.</p>",
        "krs": "0000123456",
        "nip": NIP,
        "regon": REGON,
        "street": "ul. Powstańców 1",
        "postal_code": "41-400",
        "city": "Mysłowice",
        "email": "biuro@nowe-laki.example.org",
        "phone": "+48 32 000 00 00",
        "website": "https://nowe-laki.example.org",
    }
    if area is not None:
        data["areas"] = [area.pk]
    if district is not None:
        data["district"] = district.pk
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def service_data(area=None, **overrides) -> dict:
    """The same registration as cleaned data for the service functions."""
    data = registration_data(**overrides)
    data["areas"] = [area] if area is not None else []
    return data
