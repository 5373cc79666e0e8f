"""Checks of what people type into an organisation's profile.

The normalize_* functions return the compact form that is stored (digits only) or raise a
translated ValidationError; forms and services share them so both say the same thing.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from pomyslowice.core.images import validate_image

LOGO_MAX_PIXELS = 2000

SOCIAL_HOSTS = {
    "facebook": ("facebook.com", "fb.com", "fb.me"),
    "instagram": ("instagram.com",),
    "youtube": ("youtube.com", "youtu.be"),
    "linkedin": ("linkedin.com",),
}

_SEPARATORS = re.compile(r"[\s-]")


def normalize_krs(value: str) -> str:
    """KRS numbers have no check digit: exactly ten digits, leading zeros included."""
    number = _SEPARATORS.sub("", value or "")
    if not re.fullmatch(r"\d{10}", number):
        raise ValidationError(
            _("A KRS number has exactly 10 digits, e.g. 0000123456."), code="invalid_krs"
        )
    return number


def normalize_nip(value: str) -> str:
    try:
        return stdnum_nip.validate(value or "")
    except StdnumError:
        raise ValidationError(
            _("This is not a valid NIP: it needs 10 digits with a correct check digit."),
            code="invalid_nip",
        ) from None


def normalize_regon(value: str) -> str:
    try:
        return stdnum_regon.validate(value or "")
    except StdnumError:
        raise ValidationError(
            _("This is not a valid REGON: it needs 9 or 14 digits with correct check digits."),
            code="invalid_regon",
        ) from None


def normalize_postal_code(value: str) -> str:
    """Polish postal codes are written 00-000; "41400" is accepted and reformatted."""
    digits = _SEPARATORS.sub("", value or "")
    if not re.fullmatch(r"\d{5}", digits):
        raise ValidationError(
            _("Enter a postal code in the form 00-000."), code="invalid_postal_code"
        )
    return f"{digits[:2]}-{digits[2:]}"


def validate_phone(value: str) -> None:
    if not re.fullmatch(r"\+?[\d\s()-]+", value or "") or len(re.sub(r"\D", "", value)) < 6:
        raise ValidationError(
            _("Enter a phone number using digits, spaces, hyphens and an optional leading +."),
            code="invalid_phone",
        )


def validate_social_url(network: str, url: str) -> None:
    """A Facebook field should hold a Facebook address, and so on."""
    host = (urlsplit(url).hostname or "").lower()
    allowed = SOCIAL_HOSTS[network]
    if not any(host == domain or host.endswith("." + domain) for domain in allowed):
        raise ValidationError(
            _("Enter an address on %(domains)s.") % {"domains": ", ".join(allowed)},
            code="invalid_social_url",
        )


def validate_logo(file) -> None:
    validate_image(file, max_side=LOGO_MAX_PIXELS)


def duplicate_identifier_errors(
    *, krs: str | None, nip: str | None, exclude_pk: int | None = None
) -> dict[str, ValidationError]:
    """Errors for KRS/NIP numbers another organisation already uses, naming that organisation."""
    from .models import Organization

    errors = {}
    checks = {
        "krs": (krs, _('This KRS number is already registered for the organisation "%(name)s".')),
        "nip": (nip, _('This NIP is already registered for the organisation "%(name)s".')),
    }
    for field, (value, message) in checks.items():
        if not value:
            continue
        existing = (
            Organization.objects.filter(**{field: value})
            .exclude(pk=exclude_pk)
            .only("name")
            .first()
        )
        if existing is not None:
            errors[field] = ValidationError(
                message % {"name": existing.name}, code=f"duplicate_{field}"
            )
    return errors
