from django import forms
from django.utils.translation import gettext_lazy as _

from . import indicators
from .funder_report import NARRATIVE_FIELDS
from .models import FunderReport, Project

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    """The report's period (GET); empty dates mean the project's start and end."""

    od = forms.DateField(label=_("Period from"), required=False, widget=DATE_INPUT)
    do = forms.DateField(label=_("Period to"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["od"].help_text = _("Leave both dates empty for the whole project.")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        start, end = data.get("od"), data.get("do")
        if start and end and end < start:
            self.add_error("do", _("The period cannot end before it starts."))
            return data
        try:
            data["od"], data["do"] = indicators.period_of(self.project, start, end)
        except indicators.PeriodError:
            raise forms.ValidationError(
                _("The period lies outside the project (%(start)s – %(end)s).")
                % {"start": self.project.start, "end": self.project.end}
            ) from None
        return data

    def period(self):
        return self.cleaned_data["od"], self.cleaned_data["do"]


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = FunderReport
        fields = NARRATIVE_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in NARRATIVE_FIELDS}
