from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import SupportRecord

from .models import Project
from .project_services import FIELDS as EDITABLE_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Words of the indicators' own addresses that no project may take as its slug.
RESERVED_SLUGS = frozenset({"nowy"})


class ProjectForm(forms.ModelForm):
    counted_kinds = forms.MultipleChoiceField(
        label=_("Support types that count"),
        choices=SupportRecord.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only support of these types counts towards the targets."),
    )

    class Meta:
        model = Project
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "start": DATE_INPUT,
            "end": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    @property
    def fieldset_groups(self):
        groups = [
            (_("Project"), ["name", "slug", "funder", "start", "end", "description"]),
            (_("Targets"), ["target_persons", "target_organizations", "counted_kinds"]),
            (_("Budget"), ["grant_amount", "own_contribution"]),
        ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This short name is reserved; choose another one."))
        return slug

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PeriodForm(forms.Form):
    """The dashboard's optional narrower period; empty means the whole project."""

    od = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    do = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        for field in self.fields.values():
            field.widget.attrs.update(
                {"min": project.start.isoformat(), "max": project.end.isoformat()}
            )

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)

    def clean(self):
        data = super().clean()
        start, end = data.get("od"), data.get("do")
        for name, day in (("od", start), ("do", end)):
            if day and not self.project.start <= day <= self.project.end:
                self.add_error(
                    name,
                    _("Choose a date within the project: from %(start)s to %(end)s.")
                    % {
                        "start": date_format(self.project.start, "SHORT_DATE_FORMAT"),
                        "end": date_format(self.project.end, "SHORT_DATE_FORMAT"),
                    },
                )
        if start and end and end < start:
            self.add_error("do", _("The end of the period cannot come before its start."))
        return data

    def period(self) -> tuple:
        """(start, end) asked for, (None, None) when the form is empty or has errors."""
        if not self.is_bound or not self.is_valid():
            return None, None
        return self.cleaned_data["od"], self.cleaned_data["do"]
