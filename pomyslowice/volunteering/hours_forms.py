import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.forms import FilterForm
from pomyslowice.organizations.models import Organization

from .hours_services import DESCRIPTION_MAX, HOURS_STEP, NOTE_MAX, OPINION_MAX
from .models import MAX_HOURS_A_DAY, CertificateRequest, HoursEntry

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _say_required(form: forms.Form) -> None:
    for field in form.fields.values():
        if field.required:  # said in words, not only by colour or an asterisk
            field.label = format_lazy("{} ({})", field.label, _("required"))


class HoursEntryForm(forms.Form):
    """Logging or correcting an entry; the rules (dates, the daily cap) are the service's."""

    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    hours = forms.DecimalField(
        label=_("Hours"),
        max_digits=4,
        decimal_places=2,
        step_size=HOURS_STEP,
        min_value=HOURS_STEP,
        max_value=MAX_HOURS_A_DAY,
        help_text=_("In quarters of an hour, for example 1.5 or 2.25."),
    )
    description = forms.CharField(label=_("What I did"), max_length=DESCRIPTION_MAX)

    def __init__(self, *args, entry: HoursEntry | None = None, **kwargs):
        if entry is not None:
            kwargs.setdefault(
                "initial",
                {"date": entry.date, "hours": entry.hours, "description": entry.description},
            )
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = self.fields["date"].initial or timezone.localdate
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
        _say_required(self)


class QueryForm(forms.Form):
    note = forms.CharField(
        label=_("Your question to the volunteer"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to the volunteer by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _say_required(self)


class CertificateRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I ask for"), choices=CertificateRequest.Kind.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _say_required(self)


class OpinionForm(forms.Form):
    opinion = forms.CharField(
        label=_("Opinion"),
        max_length=OPINION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Your assessment of the volunteer's work: what they did, how, what they learnt. It is "
            "printed on the opinion as written."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _say_required(self)


GROUPING_CHOICES = [
    ("volunteer", _("volunteer")),
    ("offer", _("offer")),
    ("host", _("host organisation")),
    ("month", _("month")),
    ("year", _("year")),
]


class HoursFilterForm(FilterForm):
    """The overview's GET filters; each narrows the entries, a value that makes no sense is
    ignored. Parameter names are Polish, like the site's addresses."""

    wedlug = forms.ChoiceField(label=_("Totals per"), required=False, choices=GROUPING_CHOICES)
    organizacja = forms.ModelChoiceField(
        label=_("Host organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("all organisations"),
    )
    stan = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("any status")), *HoursEntry.Status.choices],
    )
    miesiac = forms.CharField(
        label=_("Month"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-05"}),
        help_text=_("Year and month, for example 2026-05."),
    )
    rok = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    od = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    do = forms.DateField(label=_("Until"), required=False, widget=DATE_INPUT)

    not_filters = ("wedlug",)

    def __init__(self, *args, organizations, **kwargs):
        self.organizations = organizations
        super().__init__(*args, **kwargs)

    def adjust_fields(self) -> None:
        self.fields["organizacja"].queryset = self.organizations

    def clean_miesiac(self):
        value = self.cleaned_data["miesiac"].strip()
        if not value:
            return None
        match = MONTH.match(value)
        if not match or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(_("Give the month as year-month, for example 2026-05."))
        return datetime.date(int(match[1]), int(match[2]), 1)

    @property
    def grouping(self) -> str:
        return self.cleaned_data.get("wedlug") or "volunteer"

    def apply(self, entries):
        data = self.cleaned_data
        if data.get("organizacja"):
            entries = entries.filter(engagement__application__offer__host=data["organizacja"])
        if data.get("stan"):
            entries = entries.filter(status=data["stan"])
        if month := data.get("miesiac"):
            next_month = (month + datetime.timedelta(days=31)).replace(day=1)
            entries = entries.filter(date__gte=month, date__lt=next_month)
        if year := data.get("rok"):
            entries = entries.filter(
                date__gte=datetime.date(year, 1, 1), date__lte=datetime.date(year, 12, 31)
            )
        if data.get("od"):
            entries = entries.filter(date__gte=data["od"])
        if data.get("do"):
            entries = entries.filter(date__lte=data["do"])
        return entries


def overview_organizations(entries):
    """Host organisations to choose from: those with hours among the entries the user sees."""
    hosts = entries.order_by().values("engagement__application__offer__host")
    return Organization.objects.filter(pk__in=hosts).order_by("name", "pk")
