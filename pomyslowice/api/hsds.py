"""The centre's services as an Open Referral HSDS 3.0-style document (served at /dane/hsds.json).

One organisation (the centre, from settings), one location (its address), one service per kind of
help it gives, rooms as service_at_location entries of the room hire service, and weekly schedules
from the rooms' opening hours and the consultants' availability. docs/open-data.md says which
parts of HSDS are covered. Identifiers are UUIDs derived from the site's address and the object's
key, so they stay the same from one generation to the next.
"""

import re
import uuid
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pomyslowice.centre.models import (
    AvailabilityRule,
    Consultant,
    ConsultingService,
    Equipment,
    Room,
)

HSDS_VERSION = "3.0"
# RFC 5545 BYDAY codes, indexed like centre.models.Weekday (Monday = 0).
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postal_code>\d{2}-\d{3})\s+(?P<city>.+)$")


def stable_id(*key) -> str:
    return str(
        uuid.uuid5(uuid.NAMESPACE_URL, "/".join([settings.SITE_URL, "hsds", *map(str, key)]))
    )


def _url(path: str) -> str:
    return urljoin(settings.SITE_URL, path)


def _weekly(owner: dict, key: tuple, weekday: int, opens, closes, **extra) -> dict:
    return {
        "id": stable_id("schedule", *key),
        **owner,
        "freq": "WEEKLY",
        "interval": 1,
        "byday": BYDAY[weekday],
        "opens_at": opens.strftime("%H:%M"),
        "closes_at": closes.strftime("%H:%M"),
        "valid_from": None,
        "valid_to": None,
        "notes": _("Local time in Poland (Europe/Warsaw)."),
        **extra,
    }


def _service(key: str, name: str, description: str, url: str, **extra) -> dict:
    service_id = stable_id("service", key)
    return {
        "id": service_id,
        "organization_id": stable_id("organization"),
        "name": name,
        "description": description,
        "url": _url(url),
        "email": None,
        "status": "active",
        "fees_description": _("Free of charge."),
        "eligibility_description": _(
            "Non-governmental organisations, informal groups and active residents."
        ),
        "languages": [{"id": stable_id("language", key, "pl"), "name": "polski", "code": "pl"}],
        "schedules": [],
        "service_at_locations": [],
        "phones": [],
        "contacts": [],
        **extra,
    }


def _service_at_centre(service: dict, key: str, description: str = "", schedules=()) -> dict:
    return {
        "id": stable_id("service_at_location", key),
        "service_id": service["id"],
        "location_id": stable_id("location", "centre"),
        "description": description,
        "schedules": list(schedules),
    }


def _consulting_services(today) -> list[dict]:
    consultants = Consultant.objects.filter(is_active=True).prefetch_related(
        Prefetch(
            "rules",
            queryset=AvailabilityRule.objects.filter(
                Q(valid_until__isnull=True) | Q(valid_until__gte=today)
            ),
        )
    )
    services = (
        ConsultingService.objects.active()
        .prefetch_related(Prefetch("consultants", queryset=consultants))
        .order_by("position", "pk")
    )
    return [_consulting_service(service) for service in services]


def _consulting_service(consulting: ConsultingService) -> dict:
    service = _service(
        f"consulting/{consulting.pk}",
        consulting.name,
        consulting.description,
        reverse("centre:consulting-service", args=[consulting.slug]),
        eligibility_description=(
            _("Non-governmental organisations and informal groups.")
            if consulting.organization_required
            else _("Anyone: organisations, informal groups and residents.")
        ),
    )
    # Consultants' weekly patterns, merged: the public needs "when", not "who".
    slots = sorted(
        {
            (rule.weekday, rule.starts_at, rule.ends_at, rule.valid_from, rule.valid_until)
            for consultant in consulting.consultants.all()
            for rule in consultant.rules.all()
        },
        key=lambda slot: (slot[0], slot[1], slot[2], str(slot[3]), str(slot[4])),
    )
    service["schedules"] = [
        _weekly(
            {"service_id": service["id"]},
            ("consulting", consulting.pk, *slot),
            slot[0],
            slot[1],
            slot[2],
            valid_from=slot[3].isoformat() if slot[3] else None,
            valid_to=slot[4].isoformat() if slot[4] else None,
            description=_("Appointments available (book online)."),
        )
        for slot in slots
    ]
    service["service_at_locations"] = [_service_at_centre(service, f"consulting/{consulting.pk}")]
    return service


def _room_hire() -> dict:
    service = _service(
        "rooms",
        _("Rooms for meetings, workshops and conferences"),
        _("Organisations can use the centre's rooms free of charge; send a request online."),
        reverse("centre:room-list"),
    )
    rooms = Room.objects.active().prefetch_related("opening_hours").order_by("position", "pk")
    service["service_at_locations"] = [
        _service_at_centre(
            service,
            f"room/{room.pk}",
            description=_("%(room)s: up to %(capacity)d people. %(url)s")
            % {"room": room.name, "capacity": room.capacity, "url": _url(room.get_absolute_url())},
            schedules=[
                _weekly(
                    {"service_at_location_id": stable_id("service_at_location", f"room/{room.pk}")},
                    ("room", room.pk, hours.weekday),
                    hours.weekday,
                    hours.opens,
                    hours.closes,
                    description=_("The room can be booked."),
                )
                for hours in room.opening_hours.all()
            ],
        )
        for room in rooms
    ]
    return service


def _equipment_lending() -> dict:
    names = ", ".join(
        Equipment.objects.active().order_by("position", "pk").values_list("name", flat=True)
    )
    description = _("Organisations can borrow the centre's equipment free of charge.")
    if names:
        description = f"{description} {names}."
    service = _service(
        "equipment", _("Equipment lending"), description, reverse("centre:equipment-list")
    )
    service["service_at_locations"] = [_service_at_centre(service, "equipment")]
    return service


def _simple_services() -> list[dict]:
    trainings = _service(
        "trainings",
        _("Trainings for organisations"),
        _("Free trainings and workshops for organisations and informal groups; sign up online."),
        reverse("events:list") + "?rodzaj=szkolenie",
    )
    mail = _service(
        "mail",
        _("Correspondence address and mail register"),
        _(
            "An organisation without its own office can use the centre's address for its letters. "
            "The centre logs what arrives, tells the representatives by e-mail and keeps it until "
            "it is picked up."
        ),
        reverse("centre:index"),
        eligibility_description=_("Non-governmental organisations and informal groups."),
    )
    volunteering = _service(
        "volunteering",
        _("Volunteer centre"),
        _(
            "Offers of volunteering from local organisations, help for volunteers and hosts, "
            "agreements, insurance and certificates."
        ),
        reverse("volunteering:index"),
        eligibility_description=_(
            "Volunteers (minors with a guardian's consent) and host organisations."
        ),
    )
    for service, key in ((trainings, "trainings"), (mail, "mail"), (volunteering, "volunteering")):
        service["service_at_locations"] = [_service_at_centre(service, key)]
    return [trainings, mail, volunteering]


def _centre_location() -> dict:
    location_id = stable_id("location", "centre")
    match = ADDRESS.match(settings.CENTRE_ADDRESS)
    parts = match.groupdict() if match else {"street": settings.CENTRE_ADDRESS, "postal_code": None}
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": stable_id("organization"),
        "name": settings.CENTRE_NAME,
        "description": None,
        "url": _url(reverse("centre:index")),
        "latitude": None,
        "longitude": None,
        "addresses": [
            {
                "id": stable_id("address", "centre"),
                "location_id": location_id,
                "address_1": parts["street"],
                "city": parts.get("city") or settings.CENTRE_CITY,
                "state_province": None,
                "postal_code": parts["postal_code"],
                "country": "PL",
                "address_type": "physical",
            }
        ],
        "accessibility": [
            {
                "id": stable_id("accessibility", "centre"),
                "location_id": location_id,
                "description": _("Accessibility statement of the site and the centre."),
                "url": _url(reverse("core:accessibility")),
            }
        ],
        "phones": [],
        "schedules": [],
    }


def build_hsds(now=None) -> dict:
    today = timezone.localdate(now)
    organization_id = stable_id("organization")
    services = [
        *_consulting_services(today),
        *_simple_services(),
        _room_hire(),
        _equipment_lending(),
    ]
    return {
        "hsds_version": HSDS_VERSION,
        "generated_at": timezone.localtime(now).isoformat(),
        "licence": "CC-BY-4.0",
        "organization": {
            "id": organization_id,
            "name": settings.CENTRE_NAME,
            "alternate_name": settings.SITE_NAME,
            "description": _(
                "%(name)s supports non-governmental organisations, informal groups and active "
                "residents free of charge."
            )
            % {"name": settings.CENTRE_NAME},
            "email": None,
            "website": _url("/"),
            "phones": [],
            "contacts": [],
        },
        "services": services,
        "locations": [_centre_location()],
    }
