"""The calendar widget partner sites embed in an iframe, and the page that gives them its code.

The widget is a script-free page with its own small stylesheet. It is the one page of the site
other sites may frame: X-Frame-Options is lifted and its Content-Security-Policy allows any
ancestor, while forbidding scripts, forms and resources from other hosts. A filter that cannot
be used shows an empty widget with a short message (a partner's typo must not break their page).
"""

from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_exempt

from pomyslowice.organizations.models import Organization

from . import recurrence
from .forms import CalendarFeedFilterForm, category_slug_choices
from .models import Event
from .views import SCHEDULE_FIELDS

DEFAULT_ITEMS = 5
MAX_ITEMS = 20
HORIZON = timedelta(days=365)
WIDGET_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors *"
)


class WidgetFilterForm(CalendarFeedFilterForm):
    """The calendar feed's ?rodzaj= and ?organizacja=, plus how many dates to show."""

    limit = forms.IntegerField(required=False, min_value=1, max_value=MAX_ITEMS)


class WidgetCodeForm(forms.Form):
    """What a partner picks on the code page; the widget's own parameter names."""

    organizacja = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"),
        queryset=Organization.objects.published().order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("all organisations"),
    )
    rodzaj = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    limit = forms.IntegerField(
        label=gettext_lazy("How many dates"),
        min_value=1,
        max_value=MAX_ITEMS,
        required=False,
        initial=DEFAULT_ITEMS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rodzaj"].choices = [("", _("all kinds")), *category_slug_choices()]

    def widget_query(self) -> dict[str, str]:
        data = self.cleaned_data
        query = {}
        if data.get("organizacja"):
            query["organizacja"] = data["organizacja"].slug
        if data.get("rodzaj"):
            query["rodzaj"] = data["rodzaj"]
        if data.get("limit"):
            query["limit"] = str(data["limit"])
        return query


def upcoming_dates(form: WidgetFilterForm, limit: int) -> list[recurrence.Occurrence]:
    """The next `limit` dates of published, not cancelled events; only those events in full."""
    now = timezone.now()
    candidates = form.apply(
        Event.objects.published()
        .filter(status=Event.Status.PUBLISHED)
        .overlapping(now, now + HORIZON)
    ).only(*SCHEDULE_FIELDS)
    dates = recurrence.expand(candidates, now, now + HORIZON)[:limit]
    shown = Event.objects.select_related("district").in_bulk({item.event.pk for item in dates})
    return [recurrence.Occurrence(shown[item.event.pk], item.start, item.end) for item in dates]


@xframe_options_exempt
def widget(request):
    form = WidgetFilterForm(request.GET)
    dates, problem = [], None
    if form.is_valid():
        dates = upcoming_dates(form, form.cleaned_data["limit"] or DEFAULT_ITEMS)
    else:
        problem = _("This calendar cannot be shown: check the address of the widget.")
    response = render(
        request,
        "events/widget/calendar.html",
        {
            "dates": dates,
            "problem": problem,
            "site_url": settings.SITE_URL,
            "calendar_url": _absolute(reverse("events:list")),
        },
    )
    response["Content-Security-Policy"] = WIDGET_CSP
    return response


def widget_code(request):
    form = WidgetCodeForm(request.GET or None)
    query = form.widget_query() if form.is_bound and form.is_valid() else {}
    widget_url = _absolute(reverse("events:widget"))
    if query:
        widget_url = f"{widget_url}?{urlencode(query)}"
    return render(
        request,
        "events/widget/code.html",
        {
            "title": _("Calendar widget for your website"),
            "form": form,
            "widget_url": widget_url,
            "preview_url": reverse("events:widget") + (f"?{urlencode(query)}" if query else ""),
        },
    )


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
