from django import forms
from django.utils.translation import gettext_lazy as _

from pomyslowice.accounts.models import User
from pomyslowice.core.forms import FilterForm
from pomyslowice.organizations.models import SupportRecord

from .models import CaretakerContact, CaretakerTask

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TimelineFilterForm(FilterForm):
    """The timeline's GET filters. Parameter names are Polish, like the site's addresses."""

    rodzaj = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("any kind")), *SupportRecord.Kind.choices],
    )
    od = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    do = forms.DateField(label=_("Until"), required=False, widget=DATE_INPUT)

    def apply(self, records):
        data = self.cleaned_data
        if data.get("rodzaj"):
            records = records.filter(kind=data["rodzaj"])
        if data.get("od"):
            records = records.filter(date__gte=data["od"])
        if data.get("do"):
            records = records.filter(date__lte=data["do"])
        return records


class OrganizationSearchForm(forms.Form):
    q = forms.CharField(label=_("Name of the organisation"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_valid()

    def is_filtered(self) -> bool:
        return bool(self.cleaned_data.get("q"))


class ContactForm(forms.ModelForm):
    class Meta:
        model = CaretakerContact
        fields = ["date", "channel", "duration_minutes", "topic", "person_name", "notes"]
        widgets = {"date": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "notes": _("Seen only by the centre's staff who work with organisations."),
        }

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TaskForm(forms.ModelForm):
    class Meta:
        model = CaretakerTask
        fields = ["title", "due_date", "assigned_to", "notes"]
        widgets = {"due_date": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "assigned_to": _("Left empty, the task goes to the organisation's caretaker."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = User.objects.filter(
            is_staff=True, is_active=True
        ).order_by("last_name", "first_name", "email")

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
