import calendar
import copy
import functools
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pomyslowice.core.db_routing import read_from_replica
from pomyslowice.core.jsonld import json_ld
from pomyslowice.core.page_cache import cache_public_page
from pomyslowice.core.sanitize import plain_text, safe_html
from pomyslowice.organizations.forms import add_service_errors
from pomyslowice.organizations.models import Organization

from . import ical, recurrence, services
from .forms import CalendarFeedFilterForm, EventFilterForm, EventForm, NoteForm
from .models import Event
from .permissions import (
    can_edit_event,
    can_manage_events,
    can_moderate_events,
    can_submit_event,
    get_event_for_user,
    organizations_user_may_submit_for,
)

EVENTS_PER_PAGE = 20
FIRST_YEAR, LAST_YEAR = 2000, 2100
# All the calendar needs to expand an event into its dates.
SCHEDULE_FIELDS = ("pk", "start", "end", "recurrence_rule", "recurrence_exceptions")
# The subscription feed is bounded, whatever the size of the calendar: dates from a month ago
# to a year ahead, at most ICS_LIMIT upcoming events (the soonest) and ICS_RECENT_LIMIT past ones
# (the latest). ?rodzaj= and ?organizacja= narrow the feed, so a subscription to one
# organiser or kind of event stays complete.
ICS_HISTORY = timedelta(days=30)
ICS_HORIZON = timedelta(days=365)
ICS_LIMIT = 500
ICS_RECENT_LIMIT = 100
# What ical.build_calendar writes; the organisers' other fields are long and unused there.
ICS_FIELDS = (
    *SCHEDULE_FIELDS,
    *("slug", "title", "description", "category", "all_day", "status", "status_note"),
    *("place_name", "address", "online_url"),
    *("organizer__slug", "organizer__name", "organizer__email"),
)
NEXT_DATES_ON_DETAIL = 10
# A busy day shows its first dates and links to the list of all of them, so a month of a large
# region's calendar stays a page, not megabytes.
MONTH_EVENTS_PER_DAY = 5
MONTH_FIELDS = (*SCHEDULE_FIELDS, "slug", "title", "all_day", "status")

UPCOMING_ON_HOME = 4
HOME_HORIZON = timedelta(days=90)


@cache_public_page("events", "organizations")
@read_from_replica
def event_list(request):
    form = EventFilterForm(request.GET)
    window = form.window(timezone.now())
    events = form.apply(Event.objects.published().overlapping(*window)).only(*SCHEDULE_FIELDS)
    # Pages are made of dates, not events; only the shown page's events are loaded in full.
    page = Paginator(_DatesInWindow(events, window), EVENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    shown = Event.objects.for_listing().in_bulk({item.event.pk for item in page.object_list})
    page.object_list = [
        recurrence.Occurrence(shown[item.event.pk], item.start, item.end)
        for item in page.object_list
    ]
    today = timezone.localdate()
    return render(
        request,
        "events/list.html",
        {
            "title": _("Events calendar"),
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "can_submit": can_submit_event(request.user),
            "this_month": {"year": today.year, "month": f"{today.month:02d}"},
        },
    )


@read_from_replica
def current_month(request):
    today = timezone.localdate()
    return redirect("events:month", year=today.year, month=f"{today.month:02d}")


@cache_public_page("events", "organizations")
@read_from_replica
def month(request, year, month):
    year, month = int(year), int(month)
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise Http404
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    window = (_local_midnight(first_day), _local_midnight(last_day + timedelta(days=1)))
    events = Event.objects.published().overlapping(*window).only(*MONTH_FIELDS)
    by_day = _by_day(recurrence.expand(events, *window), first_day, last_day)
    previous_month = date(year, month, 1) - timedelta(days=1)
    next_month = date(year, month, 28) + timedelta(days=7)
    return render(
        request,
        "events/month.html",
        {
            "title": _("Events in %(month)s") % {"month": _month_name(year, month)},
            "month_name": _month_name(year, month),
            "weekdays": _weekday_names(),
            "weeks": [
                [
                    {
                        "date": day,
                        "in_month": day.month == month,
                        "events": by_day[day][:MONTH_EVENTS_PER_DAY],
                        "more": max(len(by_day[day]) - MONTH_EVENTS_PER_DAY, 0),
                    }
                    for day in week
                ]
                for week in weeks
            ],
            "previous": _month_link(previous_month),
            "next": _month_link(next_month),
        },
    )


@cache_public_page("events", "organizations")
@read_from_replica
def event_detail(request, slug):
    event = get_event_for_user(request.user, slug)
    user = request.user
    context = {
        "title": event.title,
        "event": event,
        "description_html": safe_html(event.description),
        "areas": list(event.areas.all()),
        "co_organizers": list(event.co_organizers.published().order_by("name")),
        "summary": plain_text(event.description),
        "json_ld": json_ld(_structured_data(request, event)),
        "can_edit": can_edit_event(user, event),
        "can_moderate": can_moderate_events(user),
        "next_dates": _next_dates(event),
        "highlighted_date": request.GET.get("data", ""),
    }
    if can_manage_events(user):
        context["cancel_form"] = NoteForm(auto_id="id_cancel_%s")
        context["postpone_form"] = NoteForm(auto_id="id_postpone_%s")
    return render(request, "events/detail.html", context)


@cache_public_page("events", "organizations")
@read_from_replica
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published().select_related("organizer"), slug=slug)
    response = HttpResponse(
        ical.build_calendar([event], name=event.title), content_type=ical.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@cache_public_page("events", "organizations")
@read_from_replica
def calendar_ics(request):
    form = CalendarFeedFilterForm(request.GET)
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        return HttpResponseBadRequest(
            _("Invalid calendar filter (%(problems)s).") % {"problems": problems},
            content_type="text/plain; charset=utf-8",
        )
    events = _feed_events(
        form.apply(Event.objects.published().select_related("organizer").only(*ICS_FIELDS))
    )
    body = ical.build_calendar(events, name=_("%(site)s: events") % {"site": settings.SITE_NAME})
    return HttpResponse(body, content_type=ical.CONTENT_TYPE)


@login_required
def event_submit(request):
    organizers = organizations_user_may_submit_for(request.user)
    if not organizers.exists():
        raise PermissionDenied
    form = EventForm(request.POST or None, request.FILES or None, organizers=organizers)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.submit_event(data=form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if event.status == Event.Status.PUBLISHED:
                messages.success(request, _("Thank you. The event is published."))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. The event awaits approval by the centre's staff; "
                        "we will let you know by e-mail."
                    ),
                )
            return redirect(event)
    return render(
        request, "events/form.html", {"title": _("Submit an event"), "form": form, "event": None}
    )


@login_required
def event_edit(request, slug):
    event = get_event_for_user(request.user, slug)
    if not can_edit_event(request.user, event):
        raise PermissionDenied
    # The current organiser stays a choice even for staff editing on someone's behalf.
    organizers = Organization.objects.filter(
        Q(pk__in=organizations_user_may_submit_for(request.user).values("pk"))
        | Q(pk=event.organizer_id)
    ).order_by("name", "pk")
    # The form writes into its instance while validating; keep the page's copy untouched.
    form = EventForm(
        request.POST or None,
        request.FILES or None,
        instance=copy.copy(event),
        organizers=organizers,
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.update_event(event=event, by=request.user, changes=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(event)
    return render(
        request,
        "events/form.html",
        {"title": _("Edit %(title)s") % {"title": event.title}, "form": form, "event": event},
    )


# --- moderation and staff actions ----------------------------------------------------------


def _moderator_only(view):
    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_moderate_events(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _manager_only(view):
    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not can_manage_events(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@_moderator_only
def moderation(request):
    events = (
        Event.objects.pending()
        .select_related("organizer", "submitted_by", "district")
        .order_by("created_at", "pk")
    )
    return render(
        request,
        "events/moderation.html",
        {
            "title": _("Events awaiting approval"),
            "events": [(event, NoteForm(auto_id=f"id_event_{event.pk}_%s")) for event in events],
            "can_edit": can_manage_events(request.user),
        },
    )


@_moderator_only
@require_POST
def event_approve(request, slug):
    event = get_object_or_404(Event, slug=slug)
    try:
        services.approve_event(event=event, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(title)s is published.") % {"title": event.title})
    return redirect("events:moderation")


@_moderator_only
def event_reject(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return _with_note(
        request,
        event,
        title=_("Reject the event %(title)s") % {"title": event.title},
        action=lambda note: services.reject_event(event=event, by=request.user, reason=note),
        done=_("The event %(title)s has been rejected.") % {"title": event.title},
        back="events:moderation",
    )


@_manager_only
def event_cancel(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return _with_note(
        request,
        event,
        title=_("Cancel the event %(title)s") % {"title": event.title},
        action=lambda note: services.cancel_event(event=event, by=request.user, note=note),
        done=_("The event %(title)s is marked as cancelled.") % {"title": event.title},
        back=event.get_absolute_url(),
    )


@_manager_only
def event_postpone(request, slug):
    event = get_object_or_404(Event, slug=slug)
    return _with_note(
        request,
        event,
        title=_("Postpone the event %(title)s") % {"title": event.title},
        action=lambda note: services.postpone_event(event=event, by=request.user, note=note),
        done=_("The event %(title)s is marked as postponed.") % {"title": event.title},
        back=event.get_absolute_url(),
    )


def _with_note(request, event, *, title: str, action, done: str, back: str):
    """A note is required: without one the form is shown again (it also works as a page)."""
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action(form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return redirect(back)
    return render(
        request,
        "events/note.html",
        {"title": title, "form": form, "event": event},
        status=400 if request.method == "POST" else 200,
    )


# --- helpers ---------------------------------------------------------------------------------


class _DatesInWindow:
    """The window's event dates, for Paginator. One-off events (nearly all of them) are counted
    and cut in the database, so a page loads at most the dates up to its end; the few repeating
    events are expanded here and merged in by start."""

    def __init__(self, events, window):
        self.one_off = events.filter(recurrence_rule="").order_by("start", "pk")
        self.repeating = recurrence.expand(events.exclude(recurrence_rule=""), *window)

    def count(self) -> int:
        return self.one_off.count() + len(self.repeating)

    def __getitem__(self, page: slice) -> list:
        one_off = [
            recurrence.Occurrence(event, event.start, event.end)
            for event in self.one_off[: page.stop]
        ]
        merged = sorted(
            [*one_off, *self.repeating[: page.stop]],
            key=lambda item: (item.start.timestamp(), item.event.pk),
        )
        return merged[page]


def _feed_events(events) -> list[Event]:
    """The calendar feed's events: the soonest upcoming ones and the latest recent ones."""
    now = timezone.now()
    since, horizon = now - ICS_HISTORY, now + ICS_HORIZON
    # Repeating events starting before the horizon come too; recurrence drops finished series.
    upcoming = events.overlapping(now, horizon).order_by("start", "pk")[:ICS_LIMIT]
    recent = events.filter(recurrence_rule="", end__gte=since, end__lt=now).order_by("-end", "-pk")[
        :ICS_RECENT_LIMIT
    ]
    chosen = sorted([*recent, *upcoming], key=lambda event: (event.start, event.pk))
    return [event for event in chosen if recurrence.occurrences(event, since, horizon)]


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _by_day(occurrences: list, first_day: date, last_day: date) -> dict[date, list]:
    """Each day of the grid with the occurrences taking place on it, in order of start."""
    days = defaultdict(list)
    for item in occurrences:
        day = max(item.first_day, first_day)
        while day <= min(item.last_day, last_day):
            days[day].append(item)
            day += timedelta(days=1)
    return days


def _next_dates(event: Event) -> list:
    if not event.recurrence_rule:
        return []
    return recurrence.occurrences(event, timezone.now())[:NEXT_DATES_ON_DETAIL]


def _month_name(year: int, month: int) -> str:
    return f"{MONTHS[month]} {year}"


def _weekday_names() -> list[tuple[str, str]]:
    return [(WEEKDAYS[n], WEEKDAYS_ABBR[n]) for n in range(7)]


def _month_link(day: date) -> dict | None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return {"year": day.year, "month": f"{day.month:02d}", "name": _month_name(day.year, day.month)}


EVENT_STATUS_SCHEMA = {
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
}


def _attendance_mode(event: Event) -> str:
    online, offline = bool(event.online_url), bool(event.address or event.place_name)
    if online and offline:
        return "https://schema.org/MixedEventAttendanceMode"
    if online:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def _locations(event: Event) -> list[dict]:
    locations = []
    if event.address or event.place_name:
        place = {"@type": "Place", "name": event.place_name or event.address}
        if event.address:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": event.address,
                "addressLocality": settings.CENTRE_CITY,
                "addressCountry": "PL",
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


def _structured_data(request, event: Event) -> dict:
    """schema.org Event, for search engines and calendar aggregators."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": EVENT_STATUS_SCHEMA.get(event.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": _attendance_mode(event),
        "isAccessibleForFree": event.is_free,
    }
    locations = _locations(event)
    optional = {
        "description": plain_text(event.description),
        "location": locations[0] if len(locations) == 1 else locations,
        "image": request.build_absolute_uri(event.image.url) if event.image else "",
        "audience": {"@type": "Audience", "audienceType": event.audience} if event.audience else "",
        "organizer": {
            "@type": "Organization",
            "name": event.organizer.name,
            "url": request.build_absolute_uri(event.organizer.get_absolute_url()),
        }
        if event.organizer
        else "",
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def home_highlights() -> dict:
    """The calendar's part of the home page: the next dates, repeating events included."""
    now = timezone.now()
    window = (now, now + HOME_HORIZON)
    published = Event.objects.published().for_listing()
    # The window may hold thousands of dates and the page shows a few: the events already
    # running, the repeating ones and the soonest to start hold every date the page can show.
    candidates = [
        *published.overlapping(*window).filter(Q(start__lt=now) | ~Q(recurrence_rule="")),
        *published.filter(recurrence_rule="", start__gte=now, start__lt=window[1]).order_by(
            "start", "pk"
        )[:UPCOMING_ON_HOME],
    ]
    return {"upcoming_events": recurrence.expand(candidates, *window)[:UPCOMING_ON_HOME]}
