"""Staff roles: Django groups with explicit permissions.

This table is the one place that says which staff role may do what.
"""

from django.utils.translation import gettext_lazy as _


class Role:
    COORDINATOR = "koordynator"
    ANALYST = "analityk"
    NGO_CARETAKER = "opiekun-organizacji"
    VOLUNTEER_CARETAKER = "opiekun-wolontariuszy"
    TECHNICAL_ADMIN = "administrator-techniczny"


ROLE_LABELS = {
    Role.COORDINATOR: _("coordinator"),
    Role.ANALYST: _("analyst"),
    Role.NGO_CARETAKER: _("NGO caretaker"),
    Role.VOLUNTEER_CARETAKER: _("volunteer caretaker"),
    Role.TECHNICAL_ADMIN: _("technical admin"),
}

_ORGANIZATIONS_READ = [
    "organizations.view_organization",
    "organizations.view_caretaker",
    "organizations.view_membership",
    "organizations.view_person",
]
_ORGANIZATIONS_WORK = [
    *_ORGANIZATIONS_READ,
    "organizations.change_organization",
    "organizations.moderate_organization",
    "organizations.change_membership",
    "organizations.manage_people",
    "organizations.add_person",
    "organizations.change_person",
]

_EVENTS_READ = [
    "events.view_event",
    "events.view_registration",
    "organizations.view_supportrecord",
    "events.view_grantcall",
    "events.view_grantcallsubscription",
]
_EVENTS_WORK = [
    *_EVENTS_READ,
    "events.add_event",
    "events.change_event",
    "events.moderate_event",
    "events.change_registration",
    "events.add_grantcall",
    "events.change_grantcall",
    "events.add_grantcallattachment",
    "events.change_grantcallattachment",
    "events.delete_grantcallattachment",
]

# Rooms, equipment and consulting as the centre offers them (configuration, not bookings).
_CENTRE_SETUP = [
    f"centre.{action}_{model}"
    for model in (
        "room",
        "roomphoto",
        "openinghours",
        "closedday",
        "equipment",
        "consultant",
        "consultingservice",
        "availabilityrule",
        "availabilityexception",
    )
    for action in ("view", "add", "change", "delete")
]
# The day-to-day work of the centre's staff with organisations.
_CENTRE_WORK = [
    "centre.view_roombooking",
    "centre.add_roombooking",
    "centre.change_roombooking",
    "centre.decide_roombooking",
    "centre.view_bookingseries",
    "centre.view_equipmentreservation",
    "centre.add_equipmentreservation",
    "centre.change_equipmentreservation",
    "centre.lend_equipment",
    "centre.view_appointment",
    "centre.view_mailitem",
    "centre.add_mailitem",
    "centre.change_mailitem",
    "centre.view_caretakercontact",
    "centre.add_caretakercontact",
    "centre.change_caretakercontact",
    "centre.view_caretakertask",
    "centre.add_caretakertask",
    "centre.change_caretakertask",
    "centre.view_strategyplan",
    "centre.change_strategyplan",
]

_KNOWLEDGE_READ = ["knowledge.view_article", "knowledge.view_articlerevision"]
_KNOWLEDGE_WORK = [
    *_KNOWLEDGE_READ,
    "knowledge.add_article",
    "knowledge.change_article",
    "knowledge.publish_article",
    "knowledge.add_attachment",
    "knowledge.change_attachment",
    "knowledge.delete_attachment",
    "knowledge.add_tag",
    "knowledge.change_tag",
]

# The volunteer centre's records about people (applications, engagements, profiles, hours).
_VOLUNTEERING_READ = [
    f"volunteering.view_{model}"
    for model in (
        "offer",
        "application",
        "engagement",
        "agreement",
        "guardianconsent",
        "hoursentry",
        "certificaterequest",
        "volunteerprofile",
        "outreachmeeting",
        "groupmember",
        "groupmeeting",
        "groupaction",
        "skill",
    )
]
_VOLUNTEERING_WORK = [
    *_VOLUNTEERING_READ,
    "volunteering.review_offer",
    "volunteering.change_offer",
    "volunteering.manage_outreach",
    "volunteering.add_skill",
    "volunteering.change_skill",
]

_REPORTS_READ = [
    "reports.view_project",
    "reports.view_budgetline",
    "reports.view_expense",
    "reports.view_funderreport",
    "reports.export_data",
]
_REPORTS_WORK = [
    *_REPORTS_READ,
    *[
        f"reports.{action}_{model}"
        for action in ("add", "change", "delete")
        for model in ("project", "budgetline", "expense", "funderreport")
    ],
]
_SURVEYS_WORK = [
    "surveys.view_survey",
    "surveys.add_survey",
    "surveys.change_survey",
    "surveys.delete_survey",
    "surveys.view_response",
]

# Data protection: requests (art. 15-21 GDPR), the consent register, the erasure log and the
# record of who accessed whose personal data. The coordinator answers for these.
_PRIVACY_WORK = [
    "privacy.view_datarequest",
    "privacy.add_datarequest",
    "privacy.change_datarequest",
    "privacy.view_consentrecord",
    "privacy.view_erasurerecord",
    "privacy.view_personal_data_log",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.COORDINATOR: [
        *_ORGANIZATIONS_WORK,
        *_EVENTS_WORK,
        *_CENTRE_SETUP,
        *_CENTRE_WORK,
        *_KNOWLEDGE_WORK,
        *_VOLUNTEERING_WORK,
        *_REPORTS_WORK,
        *_SURVEYS_WORK,
        *_PRIVACY_WORK,
        "centre.manage_appointments",
        "centre.change_appointment",
        "events.delete_event",
        "events.delete_grantcall",
        "organizations.add_organization",
        "organizations.delete_organization",
        "core.view_auditlogentry",
        "core.add_areaofbenefit",
        "core.change_areaofbenefit",
        "core.view_areaofbenefit",
        "core.add_district",
        "core.change_district",
        "core.view_district",
    ],
    Role.ANALYST: [
        *_ORGANIZATIONS_READ,
        *_EVENTS_READ,
        *_KNOWLEDGE_READ,
        *_REPORTS_READ,
        *_SURVEYS_WORK,
        "reports.add_project",
        "reports.change_project",
        "reports.add_funderreport",
        "reports.change_funderreport",
        "volunteering.view_offer",
        "volunteering.view_outreachmeeting",
        "core.view_auditlogentry",
        "core.view_areaofbenefit",
        "core.view_district",
    ],
    Role.NGO_CARETAKER: [
        *_ORGANIZATIONS_WORK,
        *_EVENTS_WORK,
        *_CENTRE_WORK,
        *_KNOWLEDGE_WORK,
        "core.view_auditlogentry",
    ],
    Role.VOLUNTEER_CARETAKER: [
        *_ORGANIZATIONS_READ,
        *_EVENTS_READ,
        *_KNOWLEDGE_READ,
        *_VOLUNTEERING_WORK,
        "organizations.manage_people",
        "organizations.add_person",
        "organizations.change_person",
    ],
    Role.TECHNICAL_ADMIN: [
        "accounts.view_user",
        "accounts.change_user",
        "accounts.view_apitoken",
        "accounts.change_apitoken",
        "auth.view_group",
        *_CENTRE_SETUP,
        "volunteering.view_skill",
        "volunteering.add_skill",
        "volunteering.change_skill",
        "core.view_auditlogentry",
        "core.view_areaofbenefit",
        "core.change_areaofbenefit",
        "core.add_areaofbenefit",
        "core.view_district",
        "core.change_district",
        "core.add_district",
    ],
}


def sync_roles() -> None:
    """Make each role's group hold exactly the permissions in ROLE_PERMISSIONS."""
    from django.contrib.auth.models import Group, Permission

    permissions = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    for role, codes in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set([permissions[code] for code in codes if code in permissions])


def sync_roles_after_migrate(sender, **kwargs) -> None:
    # Permissions arrive app by app after migrate, so every app's signal re-syncs.
    sync_roles()
