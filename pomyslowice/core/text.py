import unicodedata
from itertools import count

from django.utils.text import slugify

# Slugs leave room for a "-2" suffix within the usual 120-character slug fields.
SLUG_BASE_LENGTH = 100

# Records kept by law after an erasure may need a unique address: one that cannot exist
# (RFC 2606 .invalid) and says nothing about the person. Nothing is ever sent to it.
ERASED_EMAIL_SUFFIX = "@erased.invalid"

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case text without diacritics, so "Łódź" and "lodz" compare equal."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_UNDECOMPOSABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def unique_slug(text: str, *, queryset, fallback: str, reserved=frozenset()) -> str:
    """An ASCII slug of `text` ("Łąka" -> "laka"), numbered ("-2", "-3", …) while `queryset`
    already holds it or it is a reserved address."""
    base = slugify(fold(text))[:SLUG_BASE_LENGTH].strip("-") or fallback
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= set(reserved)
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in count(2) if f"{base}-{n}" not in taken)


def is_erased_email(address: str) -> bool:
    return (address or "").lower().endswith(ERASED_EMAIL_SUFFIX)
