import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from stdnum.pl import regon as stdnum_regon

from pomyslowice.organizations.validators import (
    duplicate_identifier_errors,
    normalize_krs,
    normalize_nip,
    normalize_postal_code,
    normalize_regon,
    validate_logo,
    validate_phone,
    validate_social_url,
)
from tests.conftest import make_organization

from .conftest import NIP, REGON, image_bytes


def codes(excinfo) -> list[str]:
    return [error.code for error in excinfo.value.error_list]


@pytest.mark.parametrize("typed", ["0000123456", "0000 123 456", "0000-123-456", " 0000123456 "])
def test_krs_is_stored_as_ten_digits(typed):
    assert normalize_krs(typed) == "0000123456"


@pytest.mark.parametrize("typed", ["123456", "00001234567", "000012345a", "KRS0000123456", ""])
def test_krs_must_have_exactly_ten_digits(typed):
    with pytest.raises(ValidationError) as excinfo:
        normalize_krs(typed)
    assert codes(excinfo) == ["invalid_krs"]


@pytest.mark.parametrize(
    "typed", [NIP, f"PL{NIP}", f"{NIP[:3]}-{NIP[3:6]}-{NIP[6:8]}-{NIP[8:]}", f"{NIP[:3]} {NIP[3:]}"]
)
def test_nip_is_stored_compact(typed):
    assert normalize_nip(typed) == NIP


def wrong_check_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


@pytest.mark.parametrize("typed", [wrong_check_digit(NIP), NIP[:-1], "abcdefghij"])
def test_nip_checksum_length_and_format_are_checked(typed):
    with pytest.raises(ValidationError) as excinfo:
        normalize_nip(typed)
    assert codes(excinfo) == ["invalid_nip"]
    assert "NIP" in excinfo.value.messages[0]


def test_regon_accepts_nine_and_fourteen_digits():
    long_regon = REGON + "0001"
    long_regon += stdnum_regon.calc_check_digit(long_regon)
    assert normalize_regon(f"{REGON[:3]} {REGON[3:]}") == REGON
    assert normalize_regon(long_regon) == long_regon


@pytest.mark.parametrize("typed", [wrong_check_digit(REGON), "12345678", "1234567890"])
def test_regon_checksum_is_checked(typed):
    with pytest.raises(ValidationError) as excinfo:
        normalize_regon(typed)
    assert codes(excinfo) == ["invalid_regon"]


def test_postal_code_is_formatted_and_checked():
    assert normalize_postal_code("41400") == "41-400"
    assert normalize_postal_code("41-400") == "41-400"
    with pytest.raises(ValidationError):
        normalize_postal_code("4-1400x")


def test_phone_numbers():
    validate_phone("+48 32 123 45 67")
    validate_phone("(32) 123-45-67")
    for wrong in ["call me", "12345", "+48 32 <b>"]:
        with pytest.raises(ValidationError):
            validate_phone(wrong)


@pytest.mark.parametrize(
    "network, url",
    [
        ("facebook", "https://www.facebook.com/przyjaciele.piasku"),
        ("facebook", "https://m.facebook.com/x"),
        ("instagram", "https://instagram.com/piasek"),
        ("youtube", "https://youtu.be/abc"),
        ("linkedin", "https://pl.linkedin.com/company/x"),
    ],
)
def test_social_addresses_on_their_network(network, url):
    validate_social_url(network, url)


@pytest.mark.parametrize(
    "network, url",
    [
        ("facebook", "https://evil.example/facebook.com"),
        ("facebook", "https://notfacebook.com/x"),
        ("instagram", "https://www.facebook.com/x"),
    ],
)
def test_social_addresses_elsewhere_are_refused(network, url):
    with pytest.raises(ValidationError) as excinfo:
        validate_social_url(network, url)
    assert codes(excinfo) == ["invalid_social_url"]


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_logo_formats_accepted(image_format):
    upload = SimpleUploadedFile("logo.img", image_bytes(image_format))
    validate_logo(upload)
    assert upload.tell() == 0  # left ready to be saved


@pytest.mark.parametrize(
    "content, code",
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "not_an_image",
        ),
        (b"just text pretending to be a picture", "not_an_image"),
        (image_bytes("PNG")[:60], "not_an_image"),
        (image_bytes("GIF"), "image_format"),
        (image_bytes("PNG", size=(2001, 10)), "image_dimensions"),
        (image_bytes("PNG", size=(10, 2500)), "image_dimensions"),
    ],
)
def test_logo_refused(content, code):
    with pytest.raises(ValidationError) as excinfo:
        validate_logo(SimpleUploadedFile("logo.png", content))
    assert codes(excinfo) == [code]


def test_logo_size_limit_comes_from_settings(settings):
    content = image_bytes("PNG")
    settings.IMAGE_MAX_BYTES = len(content) - 1
    with pytest.raises(ValidationError) as excinfo:
        validate_logo(SimpleUploadedFile("logo.png", content))
    assert codes(excinfo) == ["image_too_large"]
    settings.IMAGE_MAX_BYTES = len(content)
    validate_logo(SimpleUploadedFile("logo.png", content))


def test_duplicates_name_the_organisation(db):
    existing = make_organization("Fundacja Ławki Razem", krs="0000111222", nip=NIP)
    errors = duplicate_identifier_errors(krs="0000111222", nip=NIP)
    assert set(errors) == {"krs", "nip"}
    assert all("Fundacja Ławki Razem" in error.messages[0] for error in errors.values())
    assert duplicate_identifier_errors(krs="0000111222", nip=NIP, exclude_pk=existing.pk) == {}
    assert duplicate_identifier_errors(krs=None, nip=None) == {}
