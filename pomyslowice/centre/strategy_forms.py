from django import forms
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import Organization

from .caretaking_forms import DATE_INPUT
from .models import StrategyAction, StrategyPlan, StrategyReview
from .strategy_services import TEXT_FIELDS


class PlanForm(forms.ModelForm):
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = StrategyPlan
        fields = [*TEXT_FIELDS[:5], "partners", "partnership_notes", "next_review"]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 4}) for name in TEXT_FIELDS},
            "partners": forms.SelectMultiple(attrs={"size": 8}),
            "next_review": DATE_INPUT,
        }
        help_texts = {
            "strengths": _("What the organisation does well and can build on."),
            "weaknesses": _("What holds it back."),
            "opportunities": _("What around it could help: people, places, funding, partners."),
            "threats": _("What around it could get in the way."),
            "goals": _("What the organisation wants to achieve, one goal per line."),
            "partners": _("Hold Ctrl (or Cmd) to choose more than one."),
        }

    fieldsets = [
        (_("Diagnosis"), ["strengths", "weaknesses", "opportunities", "threats"]),
        (_("Goals"), ["goals"]),
        (_("Partnerships"), ["partners", "partnership_notes"]),
        (_("Review"), ["next_review", "based_on_version"]),
    ]

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = (
            Organization.objects.published().exclude(pk=organization.pk).order_by("name", "pk")
        )

    def fieldset_groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ActionForm(forms.ModelForm):
    class Meta:
        model = StrategyAction
        fields = ["description", "owner", "deadline", "status"]
        widgets = {"deadline": DATE_INPUT}

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ActionEditForm(ActionForm):
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ReviewForm(forms.ModelForm):
    class Meta:
        model = StrategyReview
        fields = ["date", "held", "summary"]
        widgets = {"date": DATE_INPUT, "summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "held": _("Tick once the review has taken place; it then counts as support received."),
        }

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
