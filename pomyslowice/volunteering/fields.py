"""The weekday and part-of-day grid as a form field: grouped checkboxes in, one integer out."""

from django import forms

from . import availability


def _choices():
    return [
        (
            weekday_label,
            [
                (str(weekday * len(availability.PARTS) + part), part_label)
                for part, part_label in enumerate(availability.PARTS)
            ],
        )
        for weekday, weekday_label in enumerate(availability.WEEKDAYS)
    ]


class AvailabilityGridWidget(forms.CheckboxSelectMultiple):
    """The checkboxes as a table: a row per day, a column per part; each box's label names its
    day too, so it is unambiguous when read alone."""

    template_name = "volunteering/offers/availability_grid.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["parts"] = availability.PARTS
        return context


class AvailabilityField(forms.TypedMultipleChoiceField):
    """The weekday and part-of-day grid; the cleaned value is the availability integer of
    `availability.py`."""

    widget = AvailabilityGridWidget

    def __init__(self, **kwargs):
        super().__init__(choices=_choices, coerce=int, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return [str(index) for index in range(value.bit_length()) if value >> index & 1]
        return value

    def clean(self, value):
        return sum(1 << index for index in set(super().clean(value)))
