from django import forms


class FilterForm(forms.Form):
    """The GET filters of a list page. Read at once: a value that makes no sense (a district that
    does not exist, a month like 2026-13) is left out and named by `ignored_labels`, so the page
    shows the list with a notice instead of an error."""

    # Fields that shape the list (grouping, order) without narrowing it down.
    not_filters: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.adjust_fields()
        self.is_valid()

    def adjust_fields(self) -> None:
        """Choices that depend on the database or the viewer, set before the data is read."""

    @property
    def ignored_labels(self) -> list[str]:
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]

    def is_filtered(self) -> bool:
        return any(
            self.cleaned_data.get(name) for name in self.fields if name not in self.not_filters
        )
