from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pomyslowice.organizations.forms import add_service_errors

from . import outreach_services as services
from .models import OutreachMeeting
from .outreach_forms import OutreachFilterForm, OutreachMeetingForm
from .permissions import can_manage_outreach, can_read_outreach, can_see_outreach_volunteers

MEETINGS_PER_PAGE = 50


def _require(allowed: bool) -> None:
    # The outreach log is invisible to anyone who may not read it.
    if not allowed:
        raise Http404


def join_url(request, meeting: OutreachMeeting) -> str:
    """The full join link to print on leaflets."""
    return request.build_absolute_uri(
        reverse("volunteering:outreach_join", args=[meeting.tracking_code])
    )


@login_required
def outreach_list(request):
    _require(can_read_outreach(request.user))
    years = [day.year for day in OutreachMeeting.objects.dates("held_on", "year", order="DESC")]
    form = OutreachFilterForm(request.GET, years=years)
    meetings = form.apply(OutreachMeeting.objects.all())
    page = Paginator(services.with_results(meetings), MEETINGS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "volunteering/outreach/list.html",
        {
            "title": _("Promotion of volunteering"),
            "form": form,
            "page": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2),
            "totals": services.outreach_totals(meetings),
            "by_kind": services.totals_by_kind(meetings),
            "can_manage": can_manage_outreach(request.user),
        },
    )


@login_required
def outreach_detail(request, pk):
    _require(can_read_outreach(request.user))
    meeting = get_object_or_404(services.with_results(OutreachMeeting.objects.all()), pk=pk)
    show_names = can_see_outreach_volunteers(request.user)
    volunteers = (
        meeting.volunteers.select_related("user").order_by("created_at", "pk")
        if show_names
        else None
    )
    return render(
        request,
        "volunteering/outreach/detail.html",
        {
            "title": str(meeting),
            "meeting": meeting,
            "join_url": join_url(request, meeting),
            "volunteers": volunteers,
            "can_manage": can_manage_outreach(request.user),
        },
    )


@login_required
def outreach_create(request):
    _require(can_manage_outreach(request.user))
    form = OutreachMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_outreach_meeting(by=request.user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The meeting has been recorded. Its join link: %(url)s")
                % {"url": join_url(request, meeting)},
            )
            return redirect("volunteering:outreach_detail", pk=meeting.pk)
    return _form_page(request, form, title=_("Record a promotion meeting"))


@login_required
def outreach_edit(request, pk):
    _require(can_manage_outreach(request.user))
    meeting = get_object_or_404(OutreachMeeting, pk=pk)
    form = OutreachMeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_outreach_meeting(
                meeting=meeting, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been changed."))
            return redirect("volunteering:outreach_detail", pk=meeting.pk)
    return _form_page(request, form, title=_("Change the meeting"), meeting=meeting)


def _form_page(request, form, *, title, meeting=None):
    return render(
        request,
        "volunteering/outreach/form.html",
        {"title": title, "form": form, "meeting": meeting},
    )


def outreach_join(request, code):
    """The link printed on leaflets: remember the meeting, then go on to create a profile."""
    meeting = services.meeting_for_code(code)
    if meeting is None:
        raise Http404
    request.session[services.SOURCE_SESSION_KEY] = meeting.pk
    messages.info(
        request,
        _(
            "Welcome! You came to us after the meeting at %(institution)s. Create your volunteer "
            "profile below and we will find offers that suit you."
        )
        % {"institution": meeting.institution},
    )
    return redirect("volunteering:profile")
