from django import forms
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import Organization, SupportRecord

from . import indicators
from .exports import DOWNLOADS, Selection
from .models import Project

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FILTER_FIELDS = ["projekt", "od", "do", "rodzaj", "organizacja"]


class ExportForm(forms.Form):
    """The export page's GET filters and the file asked for. A project narrows the records to
    its period and the support types it counts; without one, both dates are needed."""

    projekt = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.all(),
        required=False,
        empty_label=_("no project: the period below"),
    )
    od = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    do = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)
    rodzaj = forms.ChoiceField(
        label=_("Support type"),
        required=False,
        choices=[("", _("all types")), *SupportRecord.Kind.choices],
    )
    organizacja = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("all organisations"),
    )
    pobierz = forms.ChoiceField(required=False, choices=[(key, key) for key in DOWNLOADS])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projekt"].help_text = _(
            "Only the support types the project counts, within its period."
        )
        self.fields["od"].help_text = _("Within a project, leave empty for its whole period.")
        self.fields["organizacja"].queryset = (
            Organization.objects.filter(support_received__isnull=False)
            .distinct()
            .order_by("name", "pk")
        )

    @property
    def filter_fields(self):
        return [self[name] for name in FILTER_FIELDS]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        start, end, project = data.get("od"), data.get("do"), data.get("projekt")
        if project is None and not (start and end):
            raise forms.ValidationError(_("Choose a project, or give both dates of the period."))
        if start and end and end < start:
            self.add_error("do", _("The period cannot end before it starts."))
            return data
        if project is not None:
            try:
                data["od"], data["do"] = indicators.period_of(project, start, end)
            except indicators.PeriodError:
                raise forms.ValidationError(
                    _("The period lies outside the project (%(start)s – %(end)s).")
                    % {"start": project.start, "end": project.end}
                ) from None
        return data

    def selection(self) -> Selection:
        data = self.cleaned_data
        project, start, end = data["projekt"], data["od"], data["do"]
        if project is not None:
            records = indicators.counted_records(project, start, end)
        else:
            records = SupportRecord.objects.filter(date__range=(start, end)).order_by()
        if data["rodzaj"]:
            records = records.filter(kind=data["rodzaj"])
        if data["organizacja"]:
            records = records.filter(organization=data["organizacja"])
        return Selection(records=records, start=start, end=end, project=project)
