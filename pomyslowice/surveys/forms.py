from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import audiences
from .models import Question, Survey


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "introduction", "is_anonymous", "opens_at", "closes_at"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 4}),
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The survey must close after it opens."))
        return cleaned


class QuestionForm(forms.ModelForm):
    choices = forms.CharField(
        label=_("Answer options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For choice questions: one option per line, at least two."),
    )

    class Meta:
        model = Question
        fields = ["text", "kind", "required", "scale_max", "scale_min_label", "scale_max_label"]
        help_texts = {
            "scale_max": _("For scale questions only."),
            "scale_min_label": _("For example: very bad."),
            "scale_max_label": _("For example: very good."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["choices"] = "\n".join(c.text for c in self.instance.choices.all())

    def service_arguments(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["choices"] = self.cleaned_data["choices"].splitlines()
        return data


class AudienceForm(forms.Form):
    class Audience:
        ORGANIZATIONS = "organizations"
        TRAINING = "training"
        VOLUNTEERS = "volunteers"
        PASTED = "pasted"

    audience = forms.ChoiceField(
        label=_("Send to"),
        widget=forms.RadioSelect,
        choices=[
            (Audience.ORGANIZATIONS, _("organisations supported in a period")),
            (Audience.TRAINING, _("people who attended a training")),
            (Audience.VOLUNTEERS, _("volunteers with an engagement in progress")),
            (Audience.PASTED, _("a list of e-mail addresses")),
        ],
    )
    start = forms.DateField(
        label=_("Supported from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=_("Supported until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    training = forms.ModelChoiceField(
        label=_("Training"), required=False, queryset=audiences.trainings()
    )
    addresses = forms.CharField(
        label=_("E-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Separate them with commas, semicolons or new lines."),
    )

    def clean(self):
        cleaned = super().clean()
        audience = cleaned.get("audience")
        if audience == self.Audience.ORGANIZATIONS:
            self._clean_period(cleaned)
        elif audience == self.Audience.TRAINING and not cleaned.get("training"):
            self.add_error("training", _("Choose the training."))
        elif audience == self.Audience.PASTED:
            self._clean_addresses(cleaned)
        return cleaned

    def _clean_period(self, cleaned) -> None:
        start, end = cleaned.get("start"), cleaned.get("end")
        if not start:
            self.add_error("start", _("Give the first day of the period."))
        if not end:
            self.add_error("end", _("Give the last day of the period."))
        if start and end and end < start:
            self.add_error("end", _("The period must not end before it starts."))

    def _clean_addresses(self, cleaned) -> None:
        try:
            cleaned["emails"] = audiences.parse_pasted(cleaned.get("addresses", ""))
        except ValidationError as error:
            self.add_error(
                "addresses",
                _("These are not valid e-mail addresses: %(bad)s. Nothing was sent.")
                % {"bad": ", ".join(error.messages)},
            )
            return
        if not cleaned["emails"]:
            self.add_error("addresses", _("Paste at least one e-mail address."))

    def emails(self) -> list[str]:
        data = self.cleaned_data
        audience = data["audience"]
        if audience == self.Audience.ORGANIZATIONS:
            return audiences.organizations_supported_between(data["start"], data["end"])
        if audience == self.Audience.TRAINING:
            return audiences.training_attendees(data["training"])
        if audience == self.Audience.VOLUNTEERS:
            return audiences.active_volunteers()
        return data["emails"]


def _scale_choices(question: Question) -> list[tuple[int, str]]:
    labels = {1: question.scale_min_label, question.scale_max: question.scale_max_label}
    return [
        (value, f"{value} – {labels[value]}" if labels.get(value) else str(value))
        for value in range(1, question.scale_max + 1)
    ]


def _field_for(question: Question) -> forms.Field:
    common = {"label": question.text, "required": question.required}
    if question.kind == Question.Kind.TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, **common)
    if question.kind == Question.Kind.SCALE:
        return forms.TypedChoiceField(
            choices=_scale_choices(question), coerce=int, widget=forms.RadioSelect, **common
        )
    choices = [(choice.pk, choice.text) for choice in question.choices.all()]
    if question.kind == Question.Kind.MULTIPLE:
        return forms.TypedMultipleChoiceField(
            choices=choices, coerce=int, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.TypedChoiceField(choices=choices, coerce=int, widget=forms.RadioSelect, **common)


class AnswerForm(forms.Form):
    """One field per question, named q<id>; a choice not of its question is not valid."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _field_for(question)

    def values(self) -> dict[int, object]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}
