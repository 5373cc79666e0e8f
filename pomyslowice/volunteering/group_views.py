from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.core.sanitize import safe_html
from pomyslowice.organizations.forms import add_service_errors

from . import group_services as services
from .group_forms import GroupActionForm, GroupMeetingForm, GroupMemberForm
from .models import GroupAction, GroupMeeting, GroupMember
from .permissions import can_manage_outreach, can_read_group


def _require(allowed: bool) -> None:
    # The group's records are invisible to anyone who may not read them.
    if not allowed:
        raise Http404


def _actions():
    return GroupAction.objects.select_related("owner", "meeting")


def _mark_overdue(actions, today) -> list[GroupAction]:
    actions = list(actions)
    for action in actions:
        action.is_overdue = (
            action.status == GroupAction.Status.OPEN
            and action.due_on is not None
            and action.due_on < today
        )
    return actions


@login_required
def group_overview(request):
    _require(can_read_group(request.user))
    today = timezone.localdate()
    members = GroupMember.objects.select_related("organization").order_by("name", "pk")
    current = Q(left_on__isnull=True) | Q(left_on__gt=today)
    meetings = GroupMeeting.objects.annotate(
        attendee_count=Count("attendees", distinct=True),
        action_count=Count("actions", distinct=True),
    )
    open_actions = _actions().filter(status=GroupAction.Status.OPEN)
    return render(
        request,
        "volunteering/group/overview.html",
        {
            "title": _("Initiative group for a city Volunteer Centre"),
            "members": members.filter(current),
            "former_members": members.exclude(current),
            "meetings": meetings,
            "open_actions": _mark_overdue(
                open_actions.order_by(F("due_on").asc(nulls_last=True), "pk"), today
            ),
            "closed_actions": _actions()
            .exclude(status=GroupAction.Status.OPEN)
            .order_by(F("due_on").desc(nulls_last=True), "-pk"),
            "can_manage": can_manage_outreach(request.user),
        },
    )


@login_required
def group_meeting(request, pk):
    _require(can_read_group(request.user))
    meeting = get_object_or_404(GroupMeeting, pk=pk)
    return render(
        request,
        "volunteering/group/meeting.html",
        {
            "title": _("Meeting of %(day)s") % {"day": meeting},
            "meeting": meeting,
            "minutes": safe_html(meeting.minutes),
            "attendees": meeting.attendees.select_related("organization").order_by("name", "pk"),
            "actions": _mark_overdue(_actions().filter(meeting=meeting), timezone.localdate()),
            "can_manage": can_manage_outreach(request.user),
        },
    )


def _form_page(request, form, *, title: str, legend: str, back_url: str):
    return render(
        request,
        "volunteering/group/form.html",
        {"title": title, "form": form, "legend": legend, "back_url": back_url},
    )


def _save_and_redirect(request, form, save, *, done: str, success_url):
    """Call the service with the form's values; on success a message and the next page."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        saved = save(**form.service_arguments())
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, done)
    return redirect(success_url(saved))


def _to_overview(_saved) -> str:
    return reverse("volunteering:group")


@login_required
def group_member_add(request):
    _require(can_manage_outreach(request.user))
    form = GroupMemberForm(request.POST or None, initial={"joined_on": timezone.localdate()})
    response = _save_and_redirect(
        request,
        form,
        lambda **values: services.add_member(by=request.user, **values),
        done=_("The member has been added."),
        success_url=_to_overview,
    )
    return response or _form_page(
        request,
        form,
        title=_("Add a member"),
        legend=_("Member of the initiative group"),
        back_url=reverse("volunteering:group"),
    )


@login_required
def group_member_edit(request, pk):
    _require(can_manage_outreach(request.user))
    member = get_object_or_404(GroupMember.objects.select_related("user"), pk=pk)
    form = GroupMemberForm(request.POST or None, instance=member)
    response = _save_and_redirect(
        request,
        form,
        lambda **values: services.update_member(member=member, by=request.user, **values),
        done=_("The member has been changed."),
        success_url=_to_overview,
    )
    return response or _form_page(
        request,
        form,
        title=_("Change the member %(name)s") % {"name": member.name},
        legend=_("Member of the initiative group"),
        back_url=reverse("volunteering:group"),
    )


@login_required
def group_meeting_add(request):
    _require(can_manage_outreach(request.user))
    form = GroupMeetingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    response = _save_and_redirect(
        request,
        form,
        lambda **values: services.record_group_meeting(by=request.user, **values),
        done=_("The meeting has been recorded."),
        success_url=_meeting_url,
    )
    return response or _form_page(
        request,
        form,
        title=_("Record a meeting of the group"),
        legend=_("Meeting"),
        back_url=reverse("volunteering:group"),
    )


@login_required
def group_meeting_edit(request, pk):
    _require(can_manage_outreach(request.user))
    meeting = get_object_or_404(GroupMeeting, pk=pk)
    form = GroupMeetingForm(request.POST or None, instance=meeting)
    response = _save_and_redirect(
        request,
        form,
        lambda **values: services.update_group_meeting(meeting=meeting, by=request.user, **values),
        done=_("The meeting has been changed."),
        success_url=_meeting_url,
    )
    return response or _form_page(
        request,
        form,
        title=_("Change the meeting of %(day)s") % {"day": meeting},
        legend=_("Meeting"),
        back_url=_meeting_url(meeting),
    )


def _meeting_url(meeting) -> str:
    return reverse("volunteering:group_meeting", args=[meeting.pk])


@login_required
def group_action_add(request):
    _require(can_manage_outreach(request.user))
    form = GroupActionForm(request.POST or None, initial=_action_initial(request))
    response = _save_and_redirect(
        request,
        form,
        lambda **values: services.add_action(by=request.user, **values),
        done=_("The action has been added."),
        success_url=_to_overview,
    )
    return response or _form_page(
        request,
        form,
        title=_("Add an action"),
        legend=_("Action"),
        back_url=reverse("volunteering:group"),
    )


def _action_initial(request) -> dict:
    """ "Add an action" on a meeting's page fills in that meeting."""
    meeting_pk = request.GET.get("spotkanie", "")
    if meeting_pk.isdigit() and GroupMeeting.objects.filter(pk=meeting_pk).exists():
        return {"meeting": int(meeting_pk)}
    return {}


@login_required
def group_action_edit(request, pk):
    _require(can_manage_outreach(request.user))
    action = get_object_or_404(GroupAction, pk=pk)
    form = GroupActionForm(request.POST or None, instance=action)
    response = _save_and_redirect(
        request,
        form,
        lambda **values: services.update_action(action=action, by=request.user, **values),
        done=_("The action has been changed."),
        success_url=_to_overview,
    )
    return response or _form_page(
        request,
        form,
        title=_("Change the action"),
        legend=_("Action"),
        back_url=reverse("volunteering:group"),
    )
