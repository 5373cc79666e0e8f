from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import Application

MESSAGE_MAX_LENGTH = 4000


def _mark_required(form: forms.Form) -> None:
    for field in form.fields.values():
        if field.required:  # said in words, not only by colour or an asterisk
            field.label = format_lazy("{} ({})", field.label, _("required"))


class ApplyForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the host"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why this offer, what you can do, when you can start."),
    )
    guardian_knows = forms.BooleanField(
        label=_("My parent or legal guardian knows about this application and applies with me"),
        required=False,
    )

    def __init__(self, *args, guardian_needed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if guardian_needed:
            self.fields["guardian_knows"].required = True
        else:
            del self.fields["guardian_knows"]
        _mark_required(self)

    def service_arguments(self) -> dict:
        return {
            "message": self.cleaned_data["message"],
            "guardian_knows": self.cleaned_data.get("guardian_knows", False),
        }


class AcceptForm(forms.Form):
    reason = forms.CharField(
        label=_("Note to the volunteer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: when and where to come first."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The volunteer will read it; be kind and specific."),
        error_messages={"required": _("Give the reason; the volunteer will read it.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _mark_required(self)


class StatusFilterForm(forms.Form):
    """The host's list of applications for one offer, by status (GET ?stan=)."""

    stan = forms.ChoiceField(
        label=pgettext_lazy("application", "Status"),
        required=False,
        choices=[("", _("all")), *Application.Status.choices],
    )

    def apply(self, applications):
        if self.is_valid() and self.cleaned_data["stan"]:
            return applications.filter(status=self.cleaned_data["stan"])
        return applications
