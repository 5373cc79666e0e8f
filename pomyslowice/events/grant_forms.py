import datetime

from django import forms
from django.db.models import BooleanField, Case, ExpressionWrapper, F, Q, Value, When
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.forms import FilterForm
from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.sanitize import clean_html
from pomyslowice.core.widgets import LINK, RichTextWidget
from pomyslowice.organizations.models import Organization

from .models import GrantCall

CLOSING_SOON = datetime.timedelta(days=7)

# The editor offers exactly what core.sanitize keeps, so nothing typed is silently lost.
DESCRIPTION_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    **LINK,
}

# ?stan= values, in Polish like the site's addresses.
STATE_OPEN = "otwarte"
STATE_CLOSING = "wkrotce"
STATE_CLOSED = "zamkniete"


class GrantCallFilterForm(FilterForm):
    """The board's GET filters; a value that makes no sense is ignored and named on the page."""

    stan = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("all calls")),
            (STATE_OPEN, _("open")),
            (STATE_CLOSING, _("closing within 7 days")),
            (STATE_CLOSED, _("closed")),
        ],
    )
    obszar = forms.ModelChoiceField(
        label=_("Area of activity"),
        queryset=AreaOfBenefit.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("any area"),
    )
    rodzaj = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("any kind")), *GrantCall.Kind.choices]
    )

    def apply(self, calls, *, now: datetime.datetime):
        data = self.cleaned_data
        if data.get("obszar"):
            calls = calls.filter(areas=data["obszar"])
        if data.get("rodzaj"):
            calls = calls.filter(kind=data["rodzaj"])
        state = data.get("stan")
        if state == STATE_CLOSED:
            return calls.closed(now=now).order_by("-deadline", "-pk")
        if state == STATE_OPEN:
            return calls.open(now=now).order_by("deadline", "pk")
        if state == STATE_CLOSING:
            closing = calls.open(now=now).filter(deadline__lte=now + CLOSING_SOON)
            return closing.order_by("deadline", "pk")
        # Open calls first, the nearest deadline on top; then closed ones, the latest first.
        is_closed = ExpressionWrapper(Q(deadline__lt=now), output_field=BooleanField())
        open_deadline = Case(When(deadline__gte=now, then=F("deadline")), default=Value(None))
        return calls.alias(is_closed=is_closed).order_by(
            "is_closed", open_deadline.asc(nulls_last=True), "-deadline", "pk"
        )


def _form_field(db_field, **kwargs):
    """Addresses typed without a scheme get https://; amounts cannot be negative."""
    if db_field.name == "application_url":
        kwargs["assume_scheme"] = "https"
    if db_field.name in ("budget", "min_amount", "max_amount"):
        kwargs["min_value"] = 0
    return db_field.formfield(**kwargs)


FIELDSETS = [
    (_("The call"), ["title", "kind", "description", "areas", "eligibility"]),
    (_("Funder"), ["funder_organization", "funder_name"]),
    (_("Money"), ["budget", "min_amount", "max_amount", "own_contribution"]),
    (_("Dates"), ["announced_on", "deadline", "results_on"]),
    (_("Applying"), ["application_url", "is_published"]),
]


class GrantCallForm(forms.ModelForm):
    """Adding and editing a call; the service validates and saves."""

    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=RichTextWidget(extensions=DESCRIPTION_EXTENSIONS),
        help_text=_("Allowed formatting: bold, italics, headings, lists, quotes and links."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of public benefit"),
        queryset=AreaOfBenefit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
        help_text=_("Organisations active in these areas receive an alert about the call."),
    )

    class Meta:
        model = GrantCall
        formfield_callback = _form_field
        fields = [name for _legend, names in FIELDSETS for name in names]
        widgets = {
            "announced_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "results_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "eligibility": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "funder_name": _("Fill in when the funder is not in the directory."),
            "deadline": _("Date and time, Polish time."),
            "is_published": _("Untick to keep the call hidden while you prepare it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Q(is_active=True)
        if self.instance.pk:
            # Keep areas chosen before they went out of force, so saving does not drop them.
            areas |= Q(pk__in=self.instance.areas.values("pk"))
        self.fields["areas"].queryset = AreaOfBenefit.objects.filter(areas)
        self.fields["funder_organization"].queryset = Organization.objects.published().order_by(
            "name"
        )
        for field in self.fields.values():
            if field.required:  # said in words, not only by colour or an asterisk
                field.label = format_lazy("{} ({})", field.label, _("required"))

    def fieldset_groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def clean_description(self):
        return clean_html(self.cleaned_data["description"])

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_amount"), cleaned.get("max_amount")
        if low is not None and high is not None and low > high:
            # Said here, on the field, before the database constraint's generic message would be.
            self.add_error(
                "min_amount", _("The minimum grant cannot be higher than the maximum grant.")
            )
        return cleaned
