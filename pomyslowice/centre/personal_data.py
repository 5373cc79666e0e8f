"""Personal data the centre holds: room bookings, equipment reservations, consulting
appointments, the mail register's pickup signatures and consultant profiles (see
privacy.registry for the contract)."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pomyslowice.organizations.models import SupportRecord
from pomyslowice.organizations.personal_data import anonymise_support, iso
from pomyslowice.privacy.registry import (
    Kept,
    PersonalDataSource,
    Report,
    Subject,
    register_source,
)

from .models import (
    Appointment,
    BookingSeries,
    Consultant,
    EquipmentReservation,
    MailItem,
    RoomBooking,
)

# The mail register is the organisations' record of their correspondence; the signature of who
# picked an item up is kept 5 years after the end of the year of the pickup, like the centre's
# other accounting and archive records (art. 5(2) GDPR: we must be able to show who took it).
MAIL_REGISTER_YEARS = 5
# Consultations given are the centre's record of support delivered, reported to funders.
CONSULTATION_RECORDS_YEARS = 5


def _of(subject: Subject, user_field: str, email_field: str) -> Q:
    condition = Q(**{f"{email_field}__iexact": subject.email})
    if subject.user is not None:
        condition |= Q(**{user_field: subject.user})
    return condition


def _anonymise_support_of(model, pks) -> int:
    """Support records written for these objects: a guest is named there without an account."""
    return anonymise_support(
        SupportRecord.objects.filter(
            source_type=ContentType.objects.get_for_model(model),
            source_id__in=[str(pk) for pk in pks],
        )
    )


# --- room bookings -----------------------------------------------------------------------------


def export_room_bookings(subject: Subject) -> list[dict]:
    bookings = RoomBooking.objects.filter(
        _of(subject, "requested_by", "contact_email")
    ).select_related("room", "organization")
    return [
        {
            "room": booking.room.name,
            "start": iso(booking.start),
            "end": iso(booking.end),
            "status": booking.status,
            "status_label": str(booking.get_status_display()),
            "organization": booking.organization.name if booking.organization else None,
            "contact_name": booking.contact_name,
            "contact_email": booking.contact_email,
            "contact_phone": booking.contact_phone,
            "purpose": booking.purpose,
            "expected_people": booking.expected_people,
            "equipment_needed": booking.equipment_needed,
            "notes": booking.notes,
            "decision_reason": booking.decision_reason,
            "requested_at": iso(booking.created_at),
        }
        for booking in bookings
    ]


def erase_room_bookings(subject: Subject) -> Report:
    # The booking itself stays: the room's calendar and the support counted for the funder.
    bookings = RoomBooking.objects.filter(_of(subject, "requested_by", "contact_email"))
    pks = list(bookings.values_list("pk", flat=True))
    erased = RoomBooking.objects.filter(pk__in=pks).update(
        requested_by=None, contact_name="", contact_email="", contact_phone="", notes=""
    )
    _anonymise_support_of(RoomBooking, pks)
    if subject.user is not None:
        erased += BookingSeries.objects.filter(requested_by=subject.user).update(requested_by=None)
    return Report(erased=erased)


# --- equipment reservations --------------------------------------------------------------------


def export_reservations(subject: Subject) -> list[dict]:
    reservations = EquipmentReservation.objects.filter(
        _of(subject, "requested_by", "contact_email")
    ).select_related("equipment", "organization")
    return [
        {
            "equipment": reservation.equipment.name,
            "quantity": reservation.quantity,
            "start": iso(reservation.start),
            "end": iso(reservation.end),
            "status": reservation.status,
            "status_label": str(reservation.get_status_display()),
            "organization": reservation.organization.name if reservation.organization else None,
            "contact_name": reservation.contact_name,
            "contact_email": reservation.contact_email,
            "purpose": reservation.purpose,
            "lent_out_at": iso(reservation.checked_out_at),
            "returned_at": iso(reservation.returned_at),
            "requested_at": iso(reservation.created_at),
        }
        for reservation in reservations
    ]


def erase_reservations(subject: Subject) -> Report:
    reservations = EquipmentReservation.objects.filter(
        _of(subject, "requested_by", "contact_email")
    )
    pks = list(reservations.values_list("pk", flat=True))
    erased = EquipmentReservation.objects.filter(pk__in=pks).update(
        requested_by=None, contact_name="", contact_email=""
    )
    _anonymise_support_of(EquipmentReservation, pks)
    return Report(erased=erased)


# --- consulting appointments -------------------------------------------------------------------


def export_appointments(subject: Subject) -> list[dict]:
    appointments = Appointment.objects.filter(_of(subject, "user", "email")).select_related(
        "service", "consultant", "organization"
    )
    return [
        {
            "service": appointment.service.name,
            "consultant": appointment.consultant.display_name,
            "start": iso(appointment.start),
            "end": iso(appointment.end),
            "status": appointment.status,
            "status_label": str(appointment.get_status_display()),
            "name": appointment.name,
            "email": appointment.email,
            "phone": appointment.phone,
            "organization": (
                appointment.organization.name
                if appointment.organization
                else appointment.organization_name
            ),
            "question": appointment.question,
            "topics": appointment.topics,
            "notes": appointment.staff_notes,
            "follow_up": appointment.follow_up,
            "follow_up_date": iso(appointment.follow_up_date),
            "cancellation_reason": appointment.cancellation_reason,
            "language": appointment.language,
            "booked_at": iso(appointment.created_at),
        }
        for appointment in appointments
    ]


def erase_appointments(subject: Subject) -> Report:
    """A consultation held stays, nameless, in the consultant's record of work done; any other
    appointment (booked, cancelled, missed) is deleted and frees its slot."""
    appointments = Appointment.objects.filter(_of(subject, "user", "email"))
    held = list(appointments.filter(status=Appointment.Status.HELD).values_list("pk", flat=True))
    anonymised = Appointment.objects.filter(pk__in=held).update(
        user=None,
        name="",
        email="",
        phone="",
        organization_name="",
        question="",
        staff_notes="",
        follow_up="",
        follow_up_date=None,
        cancellation_reason="",
    )
    _anonymise_support_of(Appointment, held)
    deleted, _by_model = appointments.exclude(pk__in=held).delete()
    return Report(erased=anonymised + deleted)


# --- mail register -----------------------------------------------------------------------------


def export_mail_pickups(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {
            "organization": item.organization.name,
            "received_on": iso(item.received_on),
            "sender": item.sender,
            "kind": item.kind,
            "kind_label": str(item.get_kind_display()),
            "picked_up_at": iso(item.picked_up_at),
            "signed_as": item.picked_up_by_name,
        }
        for item in MailItem.objects.filter(picked_up_by=subject.user).select_related(
            "organization"
        )
    ]


def _mail_kept_until(item: MailItem) -> datetime.date:
    picked_up = timezone.localdate(item.picked_up_at) if item.picked_up_at else item.received_on
    return datetime.date(picked_up.year + MAIL_REGISTER_YEARS, 12, 31)


def erase_mail_pickups(subject: Subject) -> Report:
    if subject.user is None:
        return Report()
    report = Report()
    today = timezone.localdate()
    for item in MailItem.objects.filter(picked_up_by=subject.user).select_related("organization"):
        item.picked_up_by = None
        until = _mail_kept_until(item)
        if until >= today:
            report.kept.append(
                Kept(
                    what=_(
                        "Your signature as the person who picked up mail for %(organization)s "
                        "on %(date)s"
                    )
                    % {
                        "organization": item.organization.name,
                        "date": date_format(item.received_on),
                    },
                    why=_(
                        "The mail register is the organisation's record of its correspondence; "
                        "we keep who picked each item up for 5 years after the end of the year "
                        "of the pickup to be able to show it was handed over (art. 5(2) GDPR). "
                        "The link to your account is removed."
                    ),
                    until=until,
                )
            )
        else:
            item.picked_up_by_name = ""
        item.save(update_fields=["picked_up_by", "picked_up_by_name"])
        report.erased += 1
    return report


# --- consultant profiles -----------------------------------------------------------------------


def export_consultant(subject: Subject) -> list[dict]:
    if subject.user is None:
        return []
    return [
        {
            "name_shown": consultant.display_name,
            "about": consultant.bio,
            "active": consultant.is_active,
        }
        for consultant in Consultant.objects.filter(user=subject.user)
    ]


def _consultant_kept_until(consultant: Consultant) -> datetime.date:
    last = consultant.appointments.aggregate(last=Max("start"))["last"]
    return datetime.date(timezone.localdate(last).year + CONSULTATION_RECORDS_YEARS, 12, 31)


def _kept_consultant(consultant: Consultant) -> Kept:
    return Kept(
        what=_("The name “%(name)s” as the consultant of the consultations you gave")
        % {"name": consultant.display_name},
        why=_(
            "The centre's record of consultations given is support counted for the organisations "
            "and reported to the funders; it must show who gave the advice, for 5 years after "
            "the end of the year of the last consultation. The profile is closed and no longer "
            "linked to your account; what you wrote about yourself is removed."
        ),
        until=_consultant_kept_until(consultant),
    )


def erase_consultant(subject: Subject) -> Report:
    """A consultant with appointments stays, closed and detached from the account, as the name
    of who gave them; a profile without appointments is deleted."""
    if subject.user is None:
        return Report()
    consultants = Consultant.objects.filter(user=subject.user)
    with_appointments = list(consultants.filter(appointments__isnull=False).distinct())
    report = Report(kept=[_kept_consultant(consultant) for consultant in with_appointments])
    report.erased = Consultant.objects.filter(pk__in=[c.pk for c in with_appointments]).update(
        user=None, bio="", is_active=False
    )
    deleted, _by_model = consultants.exclude(pk__in=[c.pk for c in with_appointments]).delete()
    report.erased += deleted
    return report


register_source(
    PersonalDataSource(
        name="centre.room_bookings",
        label=_("Room bookings"),
        export=export_room_bookings,
        erase=erase_room_bookings,
        guest_emails=lambda: (
            RoomBooking.objects.filter(requested_by__isnull=True)
            .exclude(contact_email="")
            .values_list("contact_email", flat=True)
        ),
    )
)
register_source(
    PersonalDataSource(
        name="centre.equipment_reservations",
        label=_("Equipment reservations"),
        export=export_reservations,
        erase=erase_reservations,
        guest_emails=lambda: (
            EquipmentReservation.objects.filter(requested_by__isnull=True)
            .exclude(contact_email="")
            .values_list("contact_email", flat=True)
        ),
    )
)
register_source(
    PersonalDataSource(
        name="centre.appointments",
        label=_("Consulting appointments"),
        export=export_appointments,
        erase=erase_appointments,
        guest_emails=lambda: (
            Appointment.objects.filter(user__isnull=True)
            .exclude(email="")
            .values_list("email", flat=True)
        ),
    )
)
register_source(
    PersonalDataSource(
        name="centre.mail_pickups",
        label=_("Mail picked up for an organisation"),
        export=export_mail_pickups,
        erase=erase_mail_pickups,
    )
)
register_source(
    PersonalDataSource(
        name="centre.consultant",
        label=_("Consultant profile"),
        export=export_consultant,
        erase=erase_consultant,
    )
)
