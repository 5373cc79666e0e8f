from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from pomyslowice.core.models import AreaOfBenefit
from pomyslowice.core.widgets import LINK, RichTextWidget

from .models import Organization, PersonConsent
from .people_services import validate_photo, validate_single_line

Field = PersonConsent.Field

# A short personal note needs little formatting; all of it survives core.sanitize.clean_html.
BIO_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    **LINK,
}

# What each consent makes public, in the words the person reads before ticking it.
CONSENT_LABELS = {
    Field.NAME: _("My name (without it nothing at all is shown)"),
    Field.BIO: _("The text “about me”"),
    Field.AREAS: _("The areas I work in"),
    Field.SKILLS: _("My skills"),
    Field.ORGANIZATIONS: _("The organisations I am involved in"),
    Field.PHOTO: _("My photo"),
    Field.CONTACT: _(
        "A contact form, so people can write to me (my e-mail address stays hidden; "
        "I reply only if I want to)"
    ),
}
CONSENT_CHOICES = [(field.value, CONSENT_LABELS[field]) for field in Field]


class ConsentsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("What may be public"))
        kwargs.setdefault(
            "help_text",
            _(
                "Tick only what you agree to show in the public directory. Anything not ticked "
                "stays hidden. You can withdraw any consent at any time; it takes effect at once."
            ),
        )
        super().__init__(choices=CONSENT_CHOICES, required=False, **kwargs)


class PhotoField(forms.ImageField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Photo"),
            required=False,
            validators=[validate_photo],
            help_text=_("PNG, JPEG or WebP, at most 1 MB. Location data in the file is removed."),
            widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
            **kwargs,
        )


class PersonDetailsForm(forms.Form):
    """The profile's content, shared by the leader's own form and the staff's draft form."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=200, validators=[validate_single_line]
    )
    bio = forms.CharField(
        label=_("About me"),
        required=False,
        max_length=5000,
        widget=RichTextWidget(extensions=BIO_EXTENSIONS),
        help_text=_(
            "A few sentences about what you do locally. Bold, italics, lists and links are kept."
        ),
    )
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        max_length=500,
        help_text=_("Separate them with commas, e.g. fundraising, working with youth."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas"),
        queryset=AreaOfBenefit.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
    )
    organizations = forms.ModelMultipleChoiceField(
        label=_("Organisations"),
        queryset=Organization.objects.published().only("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
    )
    photo = PhotoField()

    def photo_changes(self) -> dict:
        """Service arguments for the photo: a new upload, removal (clear ticked), or neither."""
        photo = self.cleaned_data.get("photo")
        # Without a new upload the field hands back the current file, which stays as it is.
        new_photo = photo if isinstance(photo, UploadedFile) else None
        return {"photo": new_photo, "remove_photo": photo is False}


class OwnProfileForm(PersonDetailsForm):
    consents = ConsentsField()


class DraftPersonForm(PersonDetailsForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "We send the person a link to see this profile and decide what may be public. "
            "The address is never shown."
        ),
    )
    field_order = ["full_name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bio"].label = _("About the person")
        self.fields["bio"].help_text = _("Write it so the person can agree to it as it stands.")
        self.fields["skills"].help_text = _("Separate them with commas.")


class LinkConsentForm(forms.Form):
    consents = ConsentsField()


class ContactForm(forms.Form):
    sender_name = forms.CharField(
        label=_("Your name"), max_length=100, validators=[validate_single_line]
    )
    sender_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The person sees it so they can reply to you."),
    )
    message = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    # A trap for bots: hidden from people and assistive technology, so only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_from_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ManageLinkRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The address the centre wrote to you at."),
    )
