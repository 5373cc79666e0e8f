from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.forms import FilterForm
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.sanitize import clean_html
from pomyslowice.core.widgets import LINK, RichTextWidget

from .models import Organization
from .validators import (
    duplicate_identifier_errors,
    normalize_krs,
    normalize_nip,
    normalize_postal_code,
    normalize_regon,
    validate_logo,
    validate_phone,
    validate_social_url,
)

# The editor offers exactly what core.sanitize keeps, so nothing typed is silently lost.
DESCRIPTION_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    **LINK,
}


def _https_by_default(db_field, **kwargs):
    """Addresses typed without a scheme ("example.org") get https://."""
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class OrganizationForm(forms.ModelForm):
    """The profile form for registering and editing; the service does the saving."""

    fieldsets = [
        (
            _("About the organisation"),
            ["name", "short_name", "kind", "description", "logo", "areas", "is_public_benefit"],
        ),
        (_("Registry numbers"), ["krs", "nip", "regon"]),
        (_("Address"), ["street", "postal_code", "city", "district", "uses_centre_address"]),
        (_("Contact"), ["email", "phone", "website"]),
        (_("Social media"), ["facebook", "instagram", "youtube", "linkedin"]),
    ]

    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=RichTextWidget(extensions=DESCRIPTION_EXTENSIONS),
        help_text=_(
            "What the organisation does and for whom. Allowed formatting: bold, italics, "
            "underline, headings, lists, quotes and links; anything else is removed."
        ),
    )
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=_("PNG, JPEG or WebP, at most 1 MB and 2000x2000 pixels."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of activity"),
        queryset=AreaOfBenefit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
    )
    krs = forms.CharField(
        label=_("KRS number"),
        max_length=20,
        required=False,
        help_text=_("10 digits, if the organisation is entered in the National Court Register."),
    )
    nip = forms.CharField(
        label=_("NIP"), max_length=20, required=False, help_text=_("Tax identification number.")
    )
    regon = forms.CharField(
        label=_("REGON"), max_length=20, required=False, help_text=_("9 or 14 digits.")
    )
    postal_code = forms.CharField(
        label=_("Postal code"), max_length=10, required=False, help_text=_("e.g. 41-400")
    )

    class Meta:
        model = Organization
        formfield_callback = _https_by_default
        fields = list(Organization.PROFILE_FIELDS)
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}
        help_texts = {
            "short_name": _("An abbreviation the organisation is known by, if any."),
            "uses_centre_address": _(
                "Tick if letters to the organisation are sent to the centre's address."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        areas = Q(is_active=True)
        if self.instance.pk:
            # Keep areas chosen before they went out of force, so saving does not drop them.
            areas |= Q(pk__in=self.instance.areas.values("pk"))
        self.fields["areas"].queryset = AreaOfBenefit.objects.filter(areas)
        for field in self.fields.values():
            if field.required:  # said in words, not only by colour or an asterisk
                field.label = format_lazy("{} ({})", field.label, _("required"))
        self.fields["name"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def fieldset_groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def clean_krs(self):
        return self._normalized("krs", normalize_krs)

    def clean_nip(self):
        return self._normalized("nip", normalize_nip)

    def clean_regon(self):
        return self._normalized("regon", normalize_regon)

    def clean_postal_code(self):
        return self._normalized("postal_code", normalize_postal_code)

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone:
            validate_phone(phone)
        return phone

    def clean_facebook(self):
        return self._social("facebook")

    def clean_instagram(self):
        return self._social("instagram")

    def clean_youtube(self):
        return self._social("youtube")

    def clean_linkedin(self):
        return self._social("linkedin")

    def clean_description(self):
        return clean_html(self.cleaned_data["description"])

    def clean_logo(self):
        logo = self.cleaned_data["logo"]
        if logo and not isinstance(logo, FieldFile):
            validate_logo(logo)
        return logo

    def clean(self):
        cleaned = super().clean()
        duplicates = duplicate_identifier_errors(
            krs=cleaned.get("krs"), nip=cleaned.get("nip"), exclude_pk=self.instance.pk
        )
        for field, error in duplicates.items():
            self.add_error(field, error)
        return cleaned

    def _normalized(self, field: str, normalize):
        value = (self.cleaned_data[field] or "").strip()
        if value:
            return normalize(value)
        # Unique identifiers (KRS, NIP) are NULL when missing, so many can lack one.
        return None if Organization._meta.get_field(field).null else ""

    def _social(self, network: str) -> str:
        url = self.cleaned_data[network]
        if url:
            validate_social_url(network, url)
        return url


SORT_ORDERS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "newest": ("-published_at", "-pk"),
}


class DirectoryFilterForm(FilterForm):
    """The directory's GET filters. Parameter names are Polish, like the site's addresses."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=forms.SearchInput)
    rodzaj = forms.ChoiceField(label=_("Kind"), required=False)
    obszar = forms.ModelChoiceField(
        label=_("Area of activity"),
        queryset=AreaOfBenefit.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("any area"),
    )
    dzielnica = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("any district"),
    )
    opp = forms.BooleanField(label=_("Only public benefit organisations (OPP)"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("name, A to Z")),
            ("-name", _("name, Z to A")),
            ("newest", _("newest")),
        ],
    )

    not_filters = ("sort",)

    def adjust_fields(self) -> None:
        self.fields["rodzaj"].choices = [("", _("any kind")), *Organization.Kind.choices]

    def apply(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.search(data["q"])
        if data.get("rodzaj"):
            queryset = queryset.filter(kind=data["rodzaj"])
        if data.get("obszar"):
            queryset = queryset.filter(areas=data["obszar"])
        if data.get("dzielnica"):
            queryset = queryset.filter(district=data["dzielnica"])
        if data.get("opp"):
            queryset = queryset.filter(is_public_benefit=True)
        return queryset.order_by(*SORT_ORDERS[data.get("sort") or "name"])


class ClaimForm(forms.Form):
    message = forms.CharField(
        label=_("Your role in the organisation"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Tell the centre's staff who you are in the organisation (e.g. board member) "
            "and how they can confirm it."
        ),
    )


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person will receive this reason by e-mail."),
    )


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = obj.get_full_name()
        return f"{name} ({obj.email})" if name else obj.email


class CaretakerForm(forms.Form):
    caretaker = StaffChoiceField(
        label=_("Caretaker"),
        queryset=get_user_model().objects.filter(is_staff=True, is_active=True),
        required=False,
        empty_label=_("nobody"),
    )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, per field where the form has that field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
