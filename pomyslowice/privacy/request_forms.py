from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DataRequest


class DataRequestForm(forms.ModelForm):
    class Meta:
        model = DataRequest
        fields = ["kind", "requester_name", "requester_email", "details", "received_on"]
        widgets = {"received_on": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "requester_email": _(
                "The answer and the data go to this address; an account with it is found "
                "automatically."
            ),
            "received_on": _("The one-month deadline (art. 12(3) GDPR) counts from this day."),
        }

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("A request cannot be received in the future."))
        return received_on


class CloseRequestForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Result"),
        choices=[
            (DataRequest.Status.DONE, _("done")),
            (DataRequest.Status.REFUSED, _("refused")),
        ],
        widget=forms.RadioSelect,
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("What was done, or why the request was refused (required for a refusal)."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == DataRequest.Status.REFUSED
            and not cleaned.get("outcome", "").strip()
        ):
            self.add_error(
                "outcome", _("A refusal needs its reason, so that the person can contest it.")
            )
        return cleaned


class ConfirmErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the list above; erase this person's data now."),
    )
