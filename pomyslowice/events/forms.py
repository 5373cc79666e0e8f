from datetime import date, datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pomyslowice.centre.models import Room
from pomyslowice.core.forms import FilterForm
from pomyslowice.core.images import validate_image
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.sanitize import clean_html
from pomyslowice.core.widgets import RichTextWidget
from pomyslowice.organizations.forms import DESCRIPTION_EXTENSIONS
from pomyslowice.organizations.models import Organization

from .models import Event
from .services import IMAGE_MAX_SIDE

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
SLUG_TO_CATEGORY = {slug: category for category, slug in Event.CATEGORY_SLUGS.items()}


class DateListField(forms.CharField):
    """Dates typed one per line (or separated by commas), kept as "YYYY-MM-DD" strings."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value) -> list[str]:
        dates = []
        for text in (super().to_python(value) or "").replace(",", "\n").split():
            try:
                dates.append(date.fromisoformat(text).isoformat())
            except ValueError:
                raise ValidationError(
                    _("%(value)s is not a date; write dates as YYYY-MM-DD."),
                    params={"value": text},
                ) from None
        return sorted(set(dates))


def category_slug_choices():
    return [(Event.CATEGORY_SLUGS[value], label) for value, label in Event.Category.choices]


class EventForm(forms.ModelForm):
    """The event form for submitting and editing; the service does the saving."""

    fieldsets = [
        (_("About the event"), ["title", "category", "description", "areas", "audience"]),
        (_("Organisers"), ["organizer", "co_organizers"]),
        (_("Date and time"), ["start", "end", "all_day"]),
        (_("Repeats"), ["recurrence_rule", "recurrence_exceptions"]),
        (
            _("Place"),
            ["room", "place_name", "address", "district", "online_url", "accessibility"],
        ),
        (_("Admission"), ["is_free", "price"]),
        (_("Image"), ["image", "image_alt"]),
    ]

    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=RichTextWidget(extensions=DESCRIPTION_EXTENSIONS),
        help_text=_(
            "What will happen and for whom. Allowed formatting: bold, italics, underline, "
            "headings, lists, quotes and links; anything else is removed."
        ),
    )
    organizer = forms.ModelChoiceField(
        label=_("Organiser"), queryset=Organization.objects.none(), empty_label=None
    )
    co_organizers = forms.ModelMultipleChoiceField(
        label=_("Co-organisers"),
        queryset=Organization.objects.published().order_by("name"),
        required=False,
        help_text=_("Other organisations from the directory that take part in organising it."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas of public benefit"),
        queryset=AreaOfBenefit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-list"}),
    )
    start = forms.DateTimeField(label=_("Start"), widget=DATETIME_INPUT)
    end = forms.DateTimeField(
        label=_("End"),
        required=False,
        widget=DATETIME_INPUT,
        help_text=_("If left empty: two hours after the start, or the end of the day."),
    )
    recurrence_rule = forms.CharField(
        label=_("Repeat rule"),
        required=False,
        max_length=300,
        help_text=_(
            "Leave empty for a one-off event. An iCalendar (RFC 5545) rule ending with a number "
            "of times or a last date, e.g. FREQ=WEEKLY;COUNT=10 (ten weeks), "
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270131T235959Z (Tuesdays until January 2027) or "
            "FREQ=MONTHLY;BYDAY=1TU;COUNT=6 (first Tuesday of the month, six times)."
        ),
    )
    recurrence_exceptions = DateListField(
        label=_("Dates skipped"),
        required=False,
        help_text=_("Dates when a repeating event does not take place, one per line (YYYY-MM-DD)."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Give an address, an online link or both."),
    )
    image = forms.ImageField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        help_text=_("PNG, JPEG or WebP, at most 3000x3000 pixels."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "category",
            "description",
            "areas",
            "audience",
            "organizer",
            "co_organizers",
            "start",
            "end",
            "all_day",
            "recurrence_rule",
            "recurrence_exceptions",
            "room",
            "place_name",
            "address",
            "district",
            "online_url",
            "accessibility",
            "is_free",
            "price",
            "image",
            "image_alt",
        ]
        help_texts = {
            "room": _(
                "An event at the centre books the room for each of its dates; staff approve "
                "requests from organisations. The address is filled in for you."
            ),
            "all_day": _("The times are ignored; the event lasts whole days."),
            "image_alt": _("What the image shows, for people who cannot see it."),
        }

    def __init__(self, *args, organizers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = organizers
        self.fields["room"].queryset = Room.objects.active()
        areas = Q(is_active=True)
        if self.instance.pk:
            # Keep areas chosen before they went out of force, so saving does not drop them.
            areas |= Q(pk__in=self.instance.areas.values("pk"))
        self.fields["areas"].queryset = AreaOfBenefit.objects.filter(areas)
        for field in self.fields.values():
            if field.required:  # said in words, not only by colour or an asterisk
                field.label = format_lazy("{} ({})", field.label, _("required"))

    def fieldset_groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def clean_description(self):
        return clean_html(self.cleaned_data["description"])

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image and not isinstance(image, FieldFile):
            validate_image(image, max_side=IMAGE_MAX_SIDE)
        return image

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start and not cleaned.get("all_day"):
            self.add_error("end", _("The event cannot end before it starts."))
        return cleaned


class EventFilterForm(FilterForm):
    """The calendar's GET filters. Parameter names are Polish, like the site's addresses."""

    rodzaj = forms.ChoiceField(label=_("Kind"), required=False)
    obszar = forms.ModelChoiceField(
        label=_("Area of public benefit"),
        queryset=AreaOfBenefit.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("any area"),
    )
    organizacja = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=Organization.objects.published().order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("any organiser"),
    )
    dzielnica = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("any district"),
    )
    od = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    do = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    bezplatne = forms.BooleanField(label=_("Only free events"), required=False)

    def adjust_fields(self) -> None:
        self.fields["rodzaj"].choices = [("", _("any kind")), *category_slug_choices()]
        # Only the organiser asked for is offered: a choice of every organisation in the region
        # made the page megabytes long. Organisations' pages link here with their slug.
        organizers = self.fields["organizacja"]
        organizers.queryset = organizers.queryset.filter(slug=self.data.get("organizacja", ""))

    def window(self, now: datetime) -> tuple[datetime, datetime | None]:
        """The period listed: from now or the "from" day, to the end of the "until" day."""
        data = self.cleaned_data
        start, end = now, None
        if data.get("od"):
            start = max(now, _local_midnight(data["od"]))
        if data.get("do"):
            end = _local_midnight(data["do"] + timedelta(days=1))
        return start, end

    def apply(self, events):
        """Filters other than dates; dates are the window(), applied to each occurrence."""
        data = self.cleaned_data
        if data.get("rodzaj"):
            events = events.filter(category=SLUG_TO_CATEGORY[data["rodzaj"]])
        if data.get("obszar"):
            events = events.filter(areas=data["obszar"])
        if data.get("organizacja"):
            organization = data["organizacja"]
            events = events.filter(
                Q(organizer=organization) | Q(co_organizers=organization)
            ).distinct()
        if data.get("dzielnica"):
            events = events.filter(district=data["dzielnica"])
        if data.get("bezplatne"):
            events = events.filter(is_free=True)
        return events


class CalendarFeedFilterForm(forms.Form):
    """?rodzaj= and ?organizacja= of /kalendarz.ics; a wrong value is an error, not ignored,
    so a mistyped subscription does not silently deliver every event."""

    rodzaj = forms.ChoiceField(required=False, choices=category_slug_choices)
    organizacja = forms.SlugField(required=False, max_length=120)

    def clean_organizacja(self):
        slug = self.cleaned_data["organizacja"]
        if slug and not Organization.objects.published().filter(slug=slug).exists():
            raise ValidationError(_("No published organisation has this address."))
        return slug

    def apply(self, events):
        data = self.cleaned_data
        if data.get("rodzaj"):
            events = events.filter(category=SLUG_TO_CATEGORY[data["rodzaj"]])
        if data.get("organizacja"):
            slug = data["organizacja"]
            events = events.filter(Q(organizer__slug=slug) | Q(co_organizers__slug=slug)).distinct()
        return events


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class NoteForm(forms.Form):
    """A reason for rejecting, cancelling or postponing; the submitter receives it."""

    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person who submitted the event will receive this by e-mail."),
    )
