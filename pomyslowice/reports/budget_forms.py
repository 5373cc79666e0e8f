from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BudgetLine, Expense, Project
from .project_forms import DATE_INPUT

DOCUMENT_TYPES = ".pdf,.jpg,.jpeg,.png"


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["name", "position", "planned_grant", "planned_own"]

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        # The unique name per project is checked by the model's validation.
        self.instance.project = project

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = self.instance.project.budget_lines.filter(name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This budget already has a line with this name."))
        return name

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ExpenseForm(forms.ModelForm):
    amount = forms.DecimalField(
        label=_("Amount (zł)"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )
    document = forms.FileField(
        label=_("Document (invoice, bill)"),
        required=False,
        help_text=_("Optional: a scan or photo as PDF, JPEG or PNG."),
        widget=forms.FileInput(attrs={"accept": DOCUMENT_TYPES}),
    )

    class Meta:
        model = Expense
        fields = ["line", "date", "description", "amount", "funded_from", "document_number"]
        widgets = {"date": DATE_INPUT}

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = project.budget_lines.all()
        self.fields["line"].empty_label = None
        self.fields["date"].widget.attrs.update(
            {"min": project.start.isoformat(), "max": project.end.isoformat()}
        )

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "document"]}
