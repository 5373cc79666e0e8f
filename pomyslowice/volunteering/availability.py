"""When someone is available or an offer takes place: 7 weekdays by 3 parts of the day, stored as
one integer with a bit per (weekday, part), so overlaps are one AND and a bit count."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Python's date.weekday() numbering.
WEEKDAYS = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]
PARTS = [
    pgettext_lazy("part of the day", "morning"),
    pgettext_lazy("part of the day", "afternoon"),
    pgettext_lazy("part of the day", "evening"),
]
ALL = (1 << (len(WEEKDAYS) * len(PARTS))) - 1


def bit(weekday: int, part: int) -> int:
    return 1 << (weekday * len(PARTS) + part)


def mask(slots) -> int:
    """The integer for an iterable of (weekday, part) pairs."""
    result = 0
    for weekday, part in slots:
        result |= bit(weekday, part)
    return result


def slots(value: int) -> list[tuple[int, int]]:
    """The (weekday, part) pairs set in `value`, Monday morning first."""
    return [
        (weekday, part)
        for weekday in range(len(WEEKDAYS))
        for part in range(len(PARTS))
        if value & bit(weekday, part)
    ]


def overlap(first: int, second: int) -> int:
    """How many (weekday, part) slots two values share."""
    return (first & second).bit_count()


def label(weekday: int, part: int) -> str:
    return f"{WEEKDAYS[weekday]}, {PARTS[part]}"


def describe(value: int) -> str:
    """ "Monday, morning; Tuesday, evening" for people."""
    return "; ".join(label(weekday, part) for weekday, part in slots(value))


def field_name(weekday: int, part: int) -> str:
    """The form checkbox of one slot; forms read and write the grid with these names."""
    return f"slot_{weekday}_{part}"
