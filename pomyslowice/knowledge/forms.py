from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.forms import FilterForm
from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.sanitize import clean_html
from pomyslowice.core.widgets import RichTextWidget
from pomyslowice.organizations.forms import DESCRIPTION_EXTENSIONS

from .models import Article, Tag
from .services import validate_report

SLUG_TO_KIND = {slug: kind for kind, slug in Article.KIND_SLUGS.items()}
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def kind_slug_choices():
    return [(Article.KIND_SLUGS[value], label) for value, label in Article.Kind.choices]


class TagListField(forms.CharField):
    """Tags typed separated by commas."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(tag) for tag in value)
        return value

    def to_python(self, value) -> list[str]:
        names = [" ".join(name.split()) for name in (super().to_python(value) or "").split(",")]
        return list(dict.fromkeys(name for name in names if name))


class ArticleForm(forms.ModelForm):
    """The editor's form; the fieldsets of other kinds than the chosen one are ignored on save."""

    fieldsets = [
        (_("About the article"), ["kind", "title", "lead", "body"]),
        (_("Good practice"), list(Article.KIND_FIELDS[Article.Kind.GOOD_PRACTICE])),
        (_("Research result"), list(Article.KIND_FIELDS[Article.Kind.RESEARCH])),
        (_("Regulation"), list(Article.KIND_FIELDS[Article.Kind.REGULATION])),
        (_("Classification"), ["areas", "tags", "organizations"]),
        (_("About this change"), ["note"]),
    ]

    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=RichTextWidget(extensions=DESCRIPTION_EXTENSIONS),
        help_text=_(
            "Allowed formatting: bold, italics, underline, headings, lists, quotes and links; "
            "anything else is removed. Add pictures as image attachments (PNG or JPEG): "
            "they are shown under the text."
        ),
    )
    tags = TagListField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas, e.g. grants, volunteering."),
    )
    source_url = forms.URLField(
        label=_("Link to the act"),
        required=False,
        assume_scheme="https",
        help_text=_("Where the act is published, e.g. on isap.sejm.gov.pl."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of public benefit"),
        queryset=AreaOfBenefit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
    )
    note = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=300,
        help_text=_("A short note kept in the revision history."),
    )

    class Meta:
        model = Article
        fields = [
            "kind",
            "title",
            "lead",
            "body",
            *Article.KIND_FIELDS[Article.Kind.GOOD_PRACTICE],
            *Article.KIND_FIELDS[Article.Kind.RESEARCH],
            *Article.KIND_FIELDS[Article.Kind.REGULATION],
            "areas",
            "organizations",
        ]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 3}),
            "act_date": DATE_INPUT,
            "in_force_from": DATE_INPUT,
            "in_force_to": DATE_INPUT,
            "problem": forms.Textarea(attrs={"rows": 3}),
            "actions": forms.Textarea(attrs={"rows": 4}),
            "results": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.Textarea(attrs={"rows": 2}),
            "method": forms.Textarea(attrs={"rows": 3}),
            "findings": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "lead": _("Two or three sentences shown in lists and feeds."),
            "report": _("PDF, DOCX, XLSX, ODT or ODS."),
        }

    def __init__(self, *args, kinds, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (value, label) for value, label in Article.Kind.choices if value in kinds
        ]
        self.fields["organizations"].queryset = organizations
        self.fields["organizations"].widget = forms.CheckboxSelectMultiple(
            attrs={"class": "checkbox-list"}
        )
        areas = Q(is_active=True)
        if self.instance.pk:
            areas |= Q(pk__in=self.instance.areas.values("pk"))
            self.initial["tags"] = list(self.instance.tags.values_list("name", flat=True))
        self.fields["areas"].queryset = AreaOfBenefit.objects.filter(areas)
        if not self.instance.pk:
            del self.fields["note"]
        for field in self.fields.values():
            if field.required:
                field.label = format_lazy("{} ({})", field.label, _("required"))

    def fieldset_groups(self):
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.fieldsets
            if any(name in self.fields for name in names)
        ]

    def clean_body(self):
        return clean_html(self.cleaned_data["body"])

    def clean_report(self):
        report = self.cleaned_data["report"]
        if report and not isinstance(report, FieldFile):
            try:
                validate_report(report)
            except ValidationError as error:
                # The service names its field; inside the field's own check only the messages fit.
                raise ValidationError(error.messages) from None
        return report

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("note", None)
        if isinstance(data.get("report"), FieldFile):
            del data["report"]
        return data


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, or a PNG or JPEG image; at most %(size)s MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text % {
            "size": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)
        }


class PublishForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=DATETIME_INPUT,
        help_text=_("Leave empty to publish now; a later moment schedules the publication."),
    )

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at and at < timezone.now():
            return None
        return at


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("What to change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The author receives this by e-mail."),
    )


class ArticleFilterForm(FilterForm):
    """The list's GET filters; Polish parameter names like the site's addresses."""

    q = forms.CharField(label=_("Words in the title or text"), required=False, max_length=200)
    rodzaj = forms.ChoiceField(label=_("Kind"), required=False)
    obszar = forms.ModelChoiceField(
        label=_("Area of public benefit"),
        queryset=AreaOfBenefit.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("any area"),
    )
    tag = forms.ModelChoiceField(
        label=_("Tag"),
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("any tag"),
    )

    def adjust_fields(self) -> None:
        self.fields["rodzaj"].choices = [("", _("any kind")), *kind_slug_choices()]
        # Tags of drafts stay out of sight, like the drafts themselves.
        self.fields["tag"].queryset = Tag.objects.filter(
            articles__in=Article.objects.published()
        ).distinct()

    def apply(self, articles):
        data = self.cleaned_data
        if data.get("rodzaj"):
            articles = articles.filter(kind=SLUG_TO_KIND[data["rodzaj"]])
        if data.get("obszar"):
            articles = articles.filter(areas=data["obszar"])
        if data.get("tag"):
            articles = articles.filter(tags=data["tag"])
        for word in (data.get("q") or "").split()[:10]:
            articles = articles.filter(
                Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
            )
        return articles
