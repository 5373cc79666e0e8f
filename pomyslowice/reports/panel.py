"""What each staff role has to act on today: the items of the staff panel's start screen.

Each item is a count, the first few rows and the address of the existing page where the work is
done. Items are read with the owning apps' QuerySet methods and shown only to those whose
permissions (asked through the apps' permission helpers) allow them. Every item costs a fixed
number of queries, so the panel does not slow down as the data grows.
"""

import dataclasses
import datetime

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pomyslowice.accounts.roles import ROLE_LABELS, Role
from pomyslowice.centre.models import (
    Appointment,
    CaretakerContact,
    CaretakerTask,
    EquipmentReservation,
    MailItem,
    RoomBooking,
)
from pomyslowice.centre.permissions import (
    can_decide_bookings,
    can_lend_equipment,
    can_manage_mail,
    can_see_caretaker_notes,
)
from pomyslowice.core.models import AuditLogEntry
from pomyslowice.events.models import Event
from pomyslowice.events.permissions import can_moderate_events
from pomyslowice.knowledge.models import Article
from pomyslowice.knowledge.permissions import can_publish
from pomyslowice.organizations.models import Organization, SupportRecord
from pomyslowice.organizations.permissions import can_moderate
from pomyslowice.volunteering import engagement_services
from pomyslowice.volunteering.models import (
    Application,
    Engagement,
    HoursEntry,
    Offer,
    OutreachMeeting,
    VolunteerProfile,
)
from pomyslowice.volunteering.permissions import (
    can_read_outreach,
    can_review_offers,
    can_see_everything,
)

from . import indicator_snapshots, indicators
from .models import Project
from .permissions import can_export, can_view_indicators

# Rows shown per item; the item's page lists the rest.
FIRST_ROWS = 5
# Projects shown with their indicators; a centre runs a handful at a time.
MAX_PROJECTS = 5
AUDIT_ENTRIES = 10
# A caretaker looks after a dozen or so organisations; show most of them.
MY_ORGANIZATIONS_ROWS = 10
NEW_FOR_DAYS = 7

SECTION_ORDER = [
    Role.COORDINATOR,
    Role.NGO_CARETAKER,
    Role.VOLUNTEER_CARETAKER,
    Role.ANALYST,
    Role.TECHNICAL_ADMIN,
]


@dataclasses.dataclass
class Item:
    """One thing to act on: `rows` are the first few of `count`; `url` is where it is done."""

    key: str
    title: str
    count: int
    rows: list
    url: str
    link_text: str


@dataclasses.dataclass
class Section:
    role: str
    title: str
    items: list[Item]


def _item(key, title, queryset, url, link_text, rows=FIRST_ROWS) -> Item:
    return Item(key, title, queryset.count(), list(queryset[:rows]), url, link_text)


def staff_roles(user) -> list[str]:
    """The user's staff roles in the panel's order; a superuser works in every role."""
    if user.is_superuser:
        return list(SECTION_ORDER)
    names = set(user.groups.filter(name__in=ROLE_LABELS).values_list("name", flat=True))
    return [role for role in SECTION_ORDER if role in names]


def sections_for(user, now=None) -> list[Section]:
    now = now or timezone.now()
    builders = {
        Role.COORDINATOR: coordinator_items,
        Role.NGO_CARETAKER: ngo_caretaker_items,
        Role.VOLUNTEER_CARETAKER: volunteer_caretaker_items,
        Role.ANALYST: analyst_items,
        Role.TECHNICAL_ADMIN: technical_admin_items,
    }
    return [
        Section(role, ROLE_LABELS[role], builders[role](user, now)) for role in staff_roles(user)
    ]


# --- coordinator -------------------------------------------------------------------------------


def coordinator_items(user, now) -> list[Item]:
    items = []
    if can_moderate(user):
        items.append(
            _item(
                "organizations-pending",
                _("Organisations awaiting approval"),
                Organization.objects.pending().order_by("created_at", "pk"),
                reverse("organizations:moderation"),
                _("Moderate organisations"),
            )
        )
    if can_moderate_events(user):
        items.append(
            _item(
                "events-pending",
                _("Events awaiting approval"),
                Event.objects.pending().select_related("organizer").order_by("created_at", "pk"),
                reverse("events:moderation"),
                _("Moderate events"),
            )
        )
    if can_publish(user):
        items.append(
            _item(
                "articles-in-review",
                _("Articles to review"),
                Article.objects.in_review().order_by("updated_at", "pk"),
                reverse("knowledge:review"),
                _("Review articles"),
            )
        )
    if can_review_offers(user):
        items.append(offers_in_review())
    if can_decide_bookings(user):
        items.append(room_requests(now))
    if can_lend_equipment(user):
        items.append(equipment_pickups(now))
    if can_view_indicators(user):
        items.append(indicator_progress(now))
    if user.has_perm("core.view_auditlogentry"):
        items.append(recent_audit_log(now))
    return items


def offers_in_review() -> Item:
    # volunteering has no QuerySet method for the review queue; its view filters the same way.
    return _item(
        "offers-in-review",
        _("Volunteer offers awaiting review"),
        Offer.objects.filter(status=Offer.Status.REVIEW)
        .select_related("host")
        .order_by("updated_at", "pk"),
        reverse("volunteering:review_queue"),
        _("Review offers"),
    )


def room_requests(now) -> Item:
    return _item(
        "room-requests",
        _("Room requests awaiting approval"),
        RoomBooking.objects.pending().upcoming(now).select_related("room", "organization"),
        reverse("centre:booking-queue"),
        _("All room requests"),
    )


def equipment_pickups(now) -> Item:
    """Reservations to hand out today: what the lending desk shows as pickups."""
    tomorrow = _start_of(timezone.localdate(now) + datetime.timedelta(days=1))
    reservations = (
        EquipmentReservation.objects.holding()
        .filter(status=EquipmentReservation.Status.RESERVED, start__lt=tomorrow, end__gt=now)
        .select_related("equipment", "organization")
        .order_by("start", "pk")
    )
    return _item(
        "equipment-pickups",
        _("Equipment reservations to hand out today"),
        reservations,
        reverse("centre:equipment-lending"),
        _("Equipment lending desk"),
    )


@dataclasses.dataclass
class ProjectProgress:
    project: Project
    figures: indicators.Figures
    stale_since: datetime.datetime | None


def indicator_progress(now) -> Item:
    running = Project.objects.running_on(timezone.localdate(now)).order_by("end", "pk")
    projects = list(running[:MAX_PROJECTS])
    shown = indicator_snapshots.whole_period_figures(projects)
    rows = [
        ProjectProgress(project, shown[project.pk].figures, shown[project.pk].stale_since)
        for project in projects
    ]
    return Item(
        "indicators",
        _("Indicators of running projects"),
        running.count(),
        rows,
        reverse("reports:projects"),
        _("All projects"),
    )


def recent_audit_log(now) -> Item:
    entries = AuditLogEntry.objects.select_related("actor")
    return Item(
        "audit-log",
        _("Recent changes (audit log)"),
        entries.filter(created_at__gte=_start_of(timezone.localdate(now))).count(),
        list(entries[:AUDIT_ENTRIES]),
        reverse("admin:core_auditlogentry_changelist"),
        _("The whole audit log"),
    )


# --- NGO caretaker -----------------------------------------------------------------------------


def ngo_caretaker_items(user, now) -> list[Item]:
    items = []
    if user.has_perm("centre.view_appointment"):
        items.extend(consultations(user, now))
    if can_see_caretaker_notes(user):
        items.append(my_organizations(user))
    if can_manage_mail(user):
        items.append(
            _item(
                "mail-waiting",
                _("Mail waiting for pickup"),
                MailItem.objects.waiting().select_related("organization").order_by("received_on"),
                reverse("centre:mail-uncollected"),
                _("Mail register"),
            )
        )
    if can_lend_equipment(user):
        items.append(
            _item(
                "equipment-overdue",
                _("Equipment not returned on time"),
                EquipmentReservation.objects.overdue(now)
                .select_related("equipment", "organization")
                .order_by("end", "pk"),
                reverse("centre:equipment-lending"),
                _("Equipment lending desk"),
            )
        )
    return items


def consultations(user, now) -> list[Item]:
    """The caretaker's consultations (as the consultant, or with organisations in their care)
    today and later this week."""
    today = timezone.localdate(now)
    tomorrow = today + datetime.timedelta(days=1)
    next_monday = today + datetime.timedelta(days=7 - today.weekday())
    mine = (
        Appointment.objects.holding()
        .filter(Q(consultant__user=user) | Q(organization__caretaker=user))
        .select_related("service", "organization")
        .order_by("start", "pk")
    )
    url = reverse("centre:consulting-appointments")
    link_text = _("All consultations")
    return [
        _item(
            "consultations-today",
            _("Consultations today"),
            mine.filter(start__gte=_start_of(today), start__lt=_start_of(tomorrow)),
            url,
            link_text,
        ),
        _item(
            "consultations-week",
            _("Consultations later this week"),
            mine.filter(start__gte=_start_of(tomorrow), start__lt=_start_of(next_monday)),
            url,
            link_text,
        ),
    ]


def my_organizations(user) -> Item:
    """Organisations in the user's care, those longest without contact first."""
    last_contact = (
        CaretakerContact.objects.filter(organization=OuterRef("pk"))
        .order_by("-date")
        .values("date")[:1]
    )
    last_support = (
        SupportRecord.objects.filter(organization=OuterRef("pk"))
        .order_by("-date")
        .values("date")[:1]
    )
    open_tasks = (
        CaretakerTask.objects.open()
        .filter(organization=OuterRef("pk"))
        .order_by()
        .values("organization")
        .annotate(total=Count("pk"))
        .values("total")
    )
    organizations = (
        Organization.objects.filter(caretaker=user)
        .annotate(
            last_contact=Subquery(last_contact),
            last_support=Subquery(last_support),
            open_tasks=Subquery(open_tasks),
        )
        # Never contacted first, then those longest without contact.
        .order_by(F("last_contact").asc(nulls_first=True), "name", "pk")
    )
    return _item(
        "my-organizations",
        _("My organisations"),
        organizations,
        reverse("centre:caretaking-overview"),
        _("Caretaking of organisations"),
        rows=MY_ORGANIZATIONS_ROWS,
    )


# --- volunteer caretaker -----------------------------------------------------------------------


def volunteer_caretaker_items(user, now) -> list[Item]:
    items = []
    since = now - datetime.timedelta(days=NEW_FOR_DAYS)
    if can_see_everything(user):
        items.append(
            _item(
                "new-volunteers",
                _("New volunteers (last 7 days)"),
                VolunteerProfile.objects.filter(created_at__gte=since)
                .select_related("user")
                .order_by("-created_at", "-pk"),
                reverse("admin:volunteering_volunteerprofile_changelist"),
                _("All volunteer profiles"),
            )
        )
        items.append(
            _item(
                "pending-applications",
                _("Applications awaiting the host's answer"),
                Application.objects.filter(status=Application.Status.PENDING)
                .select_related("offer__host", "volunteer")
                .order_by("-created_at", "-pk"),
                reverse("admin:volunteering_application_changelist")
                + f"?status__exact={Application.Status.PENDING}",
                _("All applications"),
            )
        )
        items.append(engagements_in_preparation())
    if can_review_offers(user):
        items.append(
            _item(
                "hours-awaiting",
                _("Hours awaiting approval"),
                HoursEntry.objects.filter(status=HoursEntry.Status.SUBMITTED)
                .select_related(
                    "engagement__application__offer", "engagement__application__volunteer"
                )
                .order_by("date", "pk"),
                reverse("volunteering:hours_overview"),
                _("Volunteers' hours"),
            )
        )
    if can_read_outreach(user):
        items.append(
            _item(
                "outreach-upcoming",
                _("Upcoming outreach meetings"),
                OutreachMeeting.objects.filter(held_on__gte=timezone.localdate(now)).order_by(
                    "held_on", "pk"
                ),
                reverse("volunteering:outreach"),
                _("Outreach log"),
            )
        )
    return items


@dataclasses.dataclass
class EngagementToPrepare:
    engagement: Engagement
    missing: list[str]


def engagements_in_preparation() -> Item:
    """Engagements being prepared with what their checklist still misses (the volunteering
    app's own checklist, so the panel and the engagement page never disagree)."""
    preparing = (
        Engagement.objects.filter(status=Engagement.Status.PREPARING)
        .select_related("application__offer__host", "application__volunteer")
        .order_by("starts_on", "pk")
    )
    rows = [
        EngagementToPrepare(
            engagement,
            [str(item.label) for item in engagement_services.checklist(engagement) if item.blocker],
        )
        for engagement in preparing[:FIRST_ROWS]
    ]
    return Item(
        "engagements-preparing",
        _("Engagements being prepared"),
        preparing.count(),
        rows,
        reverse("volunteering:engagements"),
        _("All engagements"),
    )


# --- analyst -----------------------------------------------------------------------------------


@dataclasses.dataclass
class Tool:
    title: str
    url: str
    count: int | None = None
    count_label: str = ""


def analyst_items(user, now) -> list[Item]:
    items = []
    if can_view_indicators(user):
        items.append(indicator_progress(now))
        items.append(analysis_tools(user, now))
    return items


SURVEYS_PATH = "/panel/ankiety/"


def analysis_tools(user, now) -> Item:
    year = timezone.localdate(now).year
    records = SupportRecord.objects.in_year(year).count()
    tools = [
        Tool(
            _("Project dashboards"),
            reverse("reports:projects"),
            Project.objects.count(),
            _("projects"),
        )
    ]
    if can_export(user):
        tools.append(
            Tool(
                _("Exports of support records and indicators"),
                reverse("reports:exports"),
                records,
                _("support records this year"),
            )
        )
    if user.has_perm("surveys.view_survey"):
        tools.append(Tool(_("Participant surveys"), SURVEYS_PATH))
    return Item(
        "analysis-tools",
        _("Reports, exports and surveys"),
        records,
        tools,
        reverse("reports:projects"),
        _("All projects"),
    )


# --- technical admin ---------------------------------------------------------------------------


def technical_admin_items(user, now) -> list[Item]:
    candidates = [
        (_("Administration (raw data)"), "admin:index", None),
        (_("Users and their roles"), "admin:accounts_user_changelist", "accounts.view_user"),
        (_("Staff roles"), "admin:auth_group_changelist", "auth.view_group"),
        (_("Rooms"), "admin:centre_room_changelist", "centre.view_room"),
        (_("Equipment"), "admin:centre_equipment_changelist", "centre.view_equipment"),
        (_("Audit log"), "admin:core_auditlogentry_changelist", "core.view_auditlogentry"),
    ]
    tools = [
        Tool(title, reverse(name))
        for title, name, permission in candidates
        if permission is None or user.has_perm(permission)
    ]
    return [
        Item(
            "admin-tools",
            _("Administration tools"),
            len(tools),
            tools,
            reverse("admin:index"),
            _("Administration"),
        )
    ]


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
