"""The initiative group towards a city Volunteer Centre: members, meetings with minutes, actions.

Decisions worth knowing:
- Members who leave stay on the list with the day they left, so old minutes keep their
  attendees; a meeting's attendees must have been members on the meeting's day.
- An open action belongs to a current member: giving it to someone who has left is refused,
  and so is keeping it open after its owner left (close it, drop it or pass it on).
- Minutes are rich text, cleaned on the way in (core.sanitize.clean_html) and again on the way
  out (safe_html in the view).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from pomyslowice.core.audit import log_action
from pomyslowice.core.sanitize import clean_html

from .models import GroupAction, GroupMeeting, GroupMember
from .outreach_services import date_problem

MEMBER_FIELDS = ("name", "user", "organization", "role", "email", "joined_on", "left_on")
MEETING_FIELDS = ("held_on", "place", "agenda", "minutes", "attendees")
ACTION_FIELDS = ("title", "owner", "meeting", "due_on", "status", "notes")


def _day(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _check_fields(changes: dict, allowed: tuple, what: str) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {what} fields: {sorted(unknown)}")


def _changed_fields(instance, before: dict) -> list[str]:
    return sorted(name for name, value in before.items() if getattr(instance, name) != value)


# --- members ------------------------------------------------------------------------------------


def _apply_member(member: GroupMember, values: dict) -> None:
    values["name"] = (values.get("name") or "").strip()
    values["email"] = (values.get("email") or "").strip()
    if not values["email"] and values.get("user") is not None:
        values["email"] = values["user"].email
    errors = {}
    if not values["name"]:
        errors["name"] = ValidationError(_("Give the member's name."), code="required")
    for field in ("joined_on", "left_on"):
        if field == "left_on" and values.get(field) is None:
            continue
        problem = date_problem(values.get(field))
        if problem:
            errors[field] = ValidationError(problem, code="unreasonable_date")
    joined, left = values.get("joined_on"), values.get("left_on")
    if not errors and left is not None and left < joined:
        errors["left_on"] = ValidationError(
            _("A member cannot leave (%(left)s) before joining (%(joined)s).")
            % {"left": _day(left), "joined": _day(joined)},
            code="left_before_joined",
        )
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(member, name, value)
    member.full_clean()


@transaction.atomic
def add_member(
    *,
    by,
    name: str,
    joined_on: datetime.date,
    role: str = GroupMember.Role.MEMBER,
    user=None,
    organization=None,
    email: str = "",
    left_on: datetime.date | None = None,
) -> GroupMember:
    member = GroupMember()
    _apply_member(
        member,
        {
            "name": name,
            "user": user,
            "organization": organization,
            "role": role,
            "email": email,
            "joined_on": joined_on,
            "left_on": left_on,
        },
    )
    member.save()
    log_action(actor=by, verb="volunteering.group_member.added", target=member)
    return member


@transaction.atomic
def update_member(*, member: GroupMember, by, **changes) -> GroupMember:
    _check_fields(changes, MEMBER_FIELDS, "group member")
    member = GroupMember.objects.select_for_update().get(pk=member.pk)
    before = {name: getattr(member, name) for name in MEMBER_FIELDS}
    _apply_member(member, before | changes)
    if member.left_on is not None:
        _refuse_open_actions_after_leaving(member)
    member.save()
    log_action(
        actor=by,
        verb="volunteering.group_member.changed",
        target=member,
        data={"fields": _changed_fields(member, before)},
    )
    return member


def _refuse_open_actions_after_leaving(member: GroupMember) -> None:
    if member.left_on > timezone.localdate():
        return
    open_titles = list(
        member.actions.filter(status=GroupAction.Status.OPEN).values_list("title", flat=True)
    )
    if open_titles:
        raise ValidationError(
            {
                "left_on": ValidationError(
                    _(
                        "%(name)s still owns open actions: %(titles)s. Pass them on to another "
                        "member or close them first."
                    )
                    % {"name": member.name, "titles": ", ".join(open_titles)},
                    code="owns_open_actions",
                )
            }
        )


# --- meetings -----------------------------------------------------------------------------------


def was_member_on(member: GroupMember, day: datetime.date) -> bool:
    return member.joined_on <= day and (member.left_on is None or member.left_on >= day)


def _apply_meeting(meeting: GroupMeeting, values: dict) -> list[GroupMember]:
    """Set the meeting's fields from `values`; return the attendees to set once it is saved."""
    attendees = list(values.pop("attendees", None) or [])
    values["place"] = (values.get("place") or "").strip()
    values["agenda"] = (values.get("agenda") or "").strip()
    values["minutes"] = clean_html(values.get("minutes") or "")
    errors = {}
    problem = date_problem(values.get("held_on"))
    if problem:
        errors["held_on"] = ValidationError(problem, code="unreasonable_date")
    else:
        absent = [m.name for m in attendees if not was_member_on(m, values["held_on"])]
        if absent:
            errors["attendees"] = ValidationError(
                _("Not members of the group on %(day)s: %(names)s.")
                % {"day": _day(values["held_on"]), "names": ", ".join(absent)},
                code="not_a_member",
            )
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.full_clean(exclude=["created_by"])
    return attendees


@transaction.atomic
def record_group_meeting(
    *,
    by,
    held_on: datetime.date,
    place: str = "",
    agenda: str = "",
    minutes: str = "",
    attendees=(),
) -> GroupMeeting:
    meeting = GroupMeeting(created_by=by)
    attendees = _apply_meeting(
        meeting,
        {
            "held_on": held_on,
            "place": place,
            "agenda": agenda,
            "minutes": minutes,
            "attendees": attendees,
        },
    )
    meeting.save()
    meeting.attendees.set(attendees)
    log_action(
        actor=by,
        verb="volunteering.group_meeting.recorded",
        target=meeting,
        data={"attendees": sorted(member.pk for member in attendees)},
    )
    return meeting


@transaction.atomic
def update_group_meeting(*, meeting: GroupMeeting, by, **changes) -> GroupMeeting:
    _check_fields(changes, MEETING_FIELDS, "group meeting")
    meeting = GroupMeeting.objects.select_for_update().get(pk=meeting.pk)
    fields = [name for name in MEETING_FIELDS if name != "attendees"]
    before = {name: getattr(meeting, name) for name in fields}
    attendees_before = set(meeting.attendees.values_list("pk", flat=True))
    values = before | {"attendees": list(meeting.attendees.all())} | changes
    attendees = _apply_meeting(meeting, values)
    meeting.save()
    meeting.attendees.set(attendees)
    changed = _changed_fields(meeting, before)
    if {member.pk for member in attendees} != attendees_before:
        changed.append("attendees")
    log_action(
        actor=by,
        verb="volunteering.group_meeting.changed",
        target=meeting,
        data={"fields": sorted(changed)},
    )
    return meeting


# --- actions ------------------------------------------------------------------------------------


def _apply_action(action: GroupAction, values: dict) -> None:
    values["title"] = (values.get("title") or "").strip()
    values["notes"] = (values.get("notes") or "").strip()
    errors = {}
    if not values["title"]:
        errors["title"] = ValidationError(_("Say what is to be done."), code="required")
    due_on, meeting, owner = values.get("due_on"), values.get("meeting"), values.get("owner")
    if due_on is not None:
        problem = date_problem(due_on)
        if problem:
            errors["due_on"] = ValidationError(problem, code="unreasonable_date")
        elif meeting is not None and due_on < meeting.held_on:
            errors["due_on"] = ValidationError(
                _("The action cannot be due before the meeting that agreed it (%(day)s).")
                % {"day": _day(meeting.held_on)},
                code="due_before_meeting",
            )
    still_open = values.get("status") == GroupAction.Status.OPEN
    if still_open and owner is not None and not _is_current(owner):
        errors["owner"] = ValidationError(
            _(
                "%(name)s left the group on %(day)s. Give the action to a current member, "
                "or mark it done or dropped."
            )
            % {"name": owner.name, "day": _day(owner.left_on)},
            code="owner_left",
        )
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(action, name, value)
    action.full_clean()


def _is_current(member: GroupMember) -> bool:
    return member.left_on is None or member.left_on > timezone.localdate()


@transaction.atomic
def add_action(
    *,
    by,
    title: str,
    owner: GroupMember | None = None,
    meeting: GroupMeeting | None = None,
    due_on: datetime.date | None = None,
    status: str = GroupAction.Status.OPEN,
    notes: str = "",
) -> GroupAction:
    action = GroupAction()
    _apply_action(
        action,
        {
            "title": title,
            "owner": owner,
            "meeting": meeting,
            "due_on": due_on,
            "status": status,
            "notes": notes,
        },
    )
    action.save()
    log_action(
        actor=by,
        verb="volunteering.group_action.added",
        target=action,
        data={"owner": owner.pk if owner else None},
    )
    return action


@transaction.atomic
def update_action(*, action: GroupAction, by, **changes) -> GroupAction:
    _check_fields(changes, ACTION_FIELDS, "group action")
    action = GroupAction.objects.select_for_update().get(pk=action.pk)
    before = {name: getattr(action, name) for name in ACTION_FIELDS}
    _apply_action(action, before | changes)
    action.save()
    log_action(
        actor=by,
        verb="volunteering.group_action.changed",
        target=action,
        data={"fields": _changed_fields(action, before), "status": action.status},
    )
    return action
