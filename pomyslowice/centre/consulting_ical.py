"""RFC 5545 invitations for consulting appointments, attached to the e-mails.

A rescheduled appointment is a new row pointing at the old one; calendar apps must see one
meeting that moved, so the UID is the first appointment's and SEQUENCE counts the moves.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

from .models import Appointment

TIMEZONE = "Europe/Warsaw"
PRODID = "-//Pomyslowice//Consulting//PL"
FILENAME = "konsultacja.ics"
MIMETYPE = "text/calendar"


def _history(appointment: Appointment) -> tuple[int, int]:
    """The first appointment's pk and how many times it was moved since."""
    root, moves = appointment, 0
    while root.rescheduled_from_id is not None:
        root = Appointment.objects.only("pk", "rescheduled_from").get(pk=root.rescheduled_from_id)
        moves += 1
    return root.pk, moves


def build_invitation(appointment: Appointment, *, cancel: bool = False) -> bytes:
    root_pk, moves = _history(appointment)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    year = timezone.localtime(appointment.start).year
    calendar.add_component(
        Timezone.from_tzinfo(
            ZoneInfo(TIMEZONE),
            tzid=TIMEZONE,
            first_date=datetime.date(year - 1, 1, 1),
            last_date=datetime.date(year + 1, 12, 31),
        )
    )
    warsaw = ZoneInfo(TIMEZONE)
    item = CalendarEvent()
    item.add("uid", f"appointment-{root_pk}@{urlsplit(settings.SITE_URL).hostname}")
    item.add("sequence", moves + (1 if cancel else 0))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", appointment.start.astimezone(warsaw))
    item.add("dtend", appointment.end.astimezone(warsaw))
    # The file travels beyond the page that made it, so its texts are in the site's language.
    with translation.override(settings.LANGUAGE_CODE):
        item.add(
            "summary",
            _("%(service)s with %(consultant)s")
            % {"service": appointment.service.name, "consultant": appointment.consultant},
        )
        item.add("location", f"{settings.CENTRE_NAME}, {settings.CENTRE_ADDRESS}")
    item.add("status", "CANCELLED" if cancel else "CONFIRMED")
    if appointment.consultant.email:  # none once the consultant's account is erased
        item.add(
            "organizer",
            f"mailto:{appointment.consultant.email}",
            parameters={"CN": appointment.consultant.display_name},
        )
    item.add("attendee", f"mailto:{appointment.email}", parameters={"CN": appointment.name})
    calendar.add_component(item)
    return calendar.to_ical()


def attachment(appointment: Appointment, *, cancel: bool = False) -> tuple[str, bytes, str]:
    method = "CANCEL" if cancel else "REQUEST"
    return (
        FILENAME,
        build_invitation(appointment, cancel=cancel),
        f"{MIMETYPE}; method={method}",
    )
