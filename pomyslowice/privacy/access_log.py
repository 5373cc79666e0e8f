"""The personal-data access log: who among the staff viewed or changed whose personal data.

Changes are already in the audit log under their own verbs; views are recorded here by the
staff pages that show other people's data, one entry per page view (or per download).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pomyslowice.accounts.models import User
from pomyslowice.core.audit import log_action
from pomyslowice.core.models import AuditLogEntry

VIEWED_VERB = "privacy.personal_data.viewed"

# Audit-log verbs that change someone's personal data, by prefix; the longest match labels it.
CHANGE_LABELS = {
    "accounts.profile.": _("Account details changed"),
    "accounts.user.": _("Account deleted"),
    "people.": _("Person in the directory of people"),
    "organizations.membership.": _("Organisation membership"),
    "events.registration.": _("Event registration"),
    "centre.appointment.": _("Consultation"),
    "centre.caretaker_contact.": _("Caretaker's contact"),
    "centre.roombooking.": _("Room booking"),
    "centre.equipment_reservation.": _("Equipment reservation"),
    "volunteering.profile.": _("Volunteer profile"),
    "volunteering.application.": _("Volunteer application"),
    "volunteering.consent.": _("Volunteer's consent"),
    "volunteering.guardian_consent.": _("Guardian's consent"),
    "volunteering.agreement.": _("Volunteer agreement"),
    "volunteering.engagement.": _("Volunteer placement"),
    "volunteering.hours.": _("Volunteer hours"),
    "volunteering.certificate.": _("Volunteer certificate"),
    "privacy.consent.": _("Consent"),
    "privacy.request.": _("Data protection request"),
    "privacy.data.exported": _("Person's data exported"),
    "privacy.person.erased": _("Person's data erased"),
    "privacy.retention.": _("Retention period"),
}

# What a staff page showed (the "what" of a view entry).
WHAT_LABELS = {
    "list": _("list of people"),
    "user": _("account"),
    "volunteer_profile": _("volunteer profile"),
    "application": _("volunteer application"),
    "attendee_list": _("list of participants"),
    "attendee_csv": _("participants (CSV)"),
    "attendee_print": _("participants (print)"),
    "caretaking_timeline": _("caretaking timeline"),
    "appointment": _("consultation"),
    "person": _("person in the directory"),
    "export_csv": _("export (CSV)"),
    "export_xlsx": _("export (XLSX)"),
    "access_log_csv": _("personal-data access log (CSV)"),
}


def _subject_user_id(subject) -> int | None:
    if isinstance(subject, User):
        return subject.pk
    return getattr(subject, "user_id", None) or getattr(subject, "volunteer_id", None)


def record_view(*, request, subject, what: str) -> AuditLogEntry | None:
    """Note that someone looked at another person's personal data on a page that shows it to
    staff (and to the consultants and organisers who work with them); `subject` is the record
    shown (a user, a profile, an event whose participants were listed), or None for a list.
    People looking at their own data are not recorded."""
    user = request.user
    subject_user = _subject_user_id(subject)
    if not user.is_authenticated or subject_user == user.pk:
        return None
    data = {"what": what, "path": request.path}
    if subject_user is not None:
        data["subject_user"] = subject_user
    return log_action(actor=user, verb=VIEWED_VERB, target=subject, data=data)


def action_label(verb: str):
    if verb == VIEWED_VERB:
        return _("Viewed personal data")
    matches = [prefix for prefix in CHANGE_LABELS if verb.startswith(prefix)]
    return CHANGE_LABELS[max(matches, key=len)] if matches else verb


def what_label(entry: AuditLogEntry):
    what = entry.data.get("what", "") if isinstance(entry.data, dict) else ""
    return WHAT_LABELS.get(what, what)


def _changes() -> Q:
    query = Q()
    for prefix in CHANGE_LABELS:
        query |= Q(verb__startswith=prefix)
    return query


def access_log(*, kind: str = "", person: str = "", staff: str = "", since=None, until=None):
    """Entries of the log, newest first, filtered as the log page's form asks."""
    entries = AuditLogEntry.objects.select_related("actor")
    if kind == "views":
        entries = entries.filter(verb=VIEWED_VERB)
    elif kind == "changes":
        entries = entries.filter(_changes())
    else:
        entries = entries.filter(Q(verb=VIEWED_VERB) | _changes())
    if person:
        entries = entries.filter(_about_person(person))
    if staff:
        entries = entries.filter(
            Q(actor__email__icontains=staff)
            | Q(actor__first_name__icontains=staff)
            | Q(actor__last_name__icontains=staff)
        )
    if since:
        entries = entries.filter(created_at__date__gte=since)
    if until:
        entries = entries.filter(created_at__date__lte=until)
    return entries.order_by("-created_at", "-pk")


def _about_person(term: str) -> Q:
    """Entries about the people whose name or e-mail contains `term`, or that mention it."""
    matching = list(
        User.objects.filter(
            Q(email__icontains=term) | Q(first_name__icontains=term) | Q(last_name__icontains=term)
        ).values_list("pk", flat=True)[:500]
    )
    query = Q(target_repr__icontains=term) | Q(data__icontains=term)
    if matching:
        query |= Q(data__subject_user__in=matching) | Q(
            target_type=ContentType.objects.get_for_model(User),
            target_id__in=[str(pk) for pk in matching],
        )
    return query
