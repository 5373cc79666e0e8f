"""Open data: the public datasets published at /dane/ as CSV and JSON, and the files behind them.

Each dataset is a definition: what it holds, its licence, its data dictionary (the columns) and a
row function fed with public objects only — the same ones the public pages and the API show.
`export_all` (run nightly by the `export_open_data` command) streams every dataset to disk; the
pages only read those files and `catalog.json`, so no request ever builds a large export.
"""

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Model, Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pomyslowice.centre.models import Room
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.core.sanitize import clean_html
from pomyslowice.events.models import Event, GrantCall
from pomyslowice.knowledge.models import Article
from pomyslowice.organizations.models import Organization
from pomyslowice.organizations.permissions import public_people, public_profile
from pomyslowice.volunteering.models import Offer

from .hsds import BYDAY, build_hsds

# Rows are read from the database this many at a time, so memory stays flat however big a table.
CHUNK_SIZE = 500
CATALOG_FILE = "catalog.json"
HSDS_FILE = "hsds.json"
LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}

STRING, HTML, URL, INTEGER, BOOLEAN = "string", "html", "url", "integer", "boolean"
DECIMAL, DATE, DATETIME, LIST = "decimal", "date", "datetime", "list"
TYPE_DESCRIPTIONS = {
    STRING: _("Text."),
    HTML: _("Text with simple HTML markup (paragraphs, lists, links), cleaned of anything else."),
    URL: _("An absolute web address."),
    INTEGER: _("A whole number."),
    BOOLEAN: _("true or false."),
    DECIMAL: _("A decimal number with a dot, written as text to keep every digit (JSON: string)."),
    DATE: _("A date in ISO 8601 format: YYYY-MM-DD."),
    DATETIME: _("A moment in ISO 8601 format with the offset from UTC (Polish time)."),
    LIST: _("A list of values: an array in JSON, values separated by “; ” in CSV."),
}
CONSENTED = _(
    "Published with the consent of the organisations and people concerned. You may reuse it "
    "under CC BY 4.0, naming the source; where it is personal data (names, contact details), "
    "reuse must also respect the GDPR: no marketing, no profiling, correct or remove it when "
    "the source does."
)
CENTRE_CONTENT = _("The centre's own content, under CC BY 4.0: reuse freely, naming the source.")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    terms: str
    columns: tuple[Column, ...]
    queryset: Callable[[], QuerySet]
    row: Callable[[Model], dict | None]
    api_url_name: str = ""

    @property
    def field_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def rows(self) -> Iterator[dict]:
        for obj in self.queryset().iterator(chunk_size=CHUNK_SIZE):
            row = self.row(obj)
            if row is not None:
                yield row

    def api_url(self) -> str:
        return reverse(self.api_url_name) if self.api_url_name else ""


def absolute_url(path: str) -> str:
    return urljoin(settings.SITE_URL, path)


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _or_none(value: str | None) -> str | None:
    """Empty is null in the files, as in the API: a missing value, not an empty text."""
    return value or None


def _slugs(objects) -> list[str]:
    return [obj.slug for obj in objects]


def _published_organizations(lookup: str, to_attr: str) -> Prefetch:
    return Prefetch(lookup, queryset=Organization.objects.published().only("slug"), to_attr=to_attr)


def _public_organization(organization: Organization | None) -> Organization | None:
    if organization is None or organization.status != Organization.Status.PUBLISHED:
        return None
    return organization


# --- organisations -------------------------------------------------------------------------------


def _organizations():
    return Organization.objects.published().for_listing().order_by("pk")


def _organization_row(org: Organization) -> dict:
    return {
        "id": org.pk,
        "slug": org.slug,
        "name": org.name,
        "short_name": _or_none(org.short_name),
        "kind": org.kind,
        "kind_label": str(org.get_kind_display()),
        "description": clean_html(org.description),
        "url": absolute_url(org.get_absolute_url()),
        "street": _or_none(org.street),
        "postal_code": _or_none(org.postal_code),
        "city": _or_none(org.city),
        "district": org.district.slug if org.district else None,
        "email": _or_none(org.email),
        "phone": _or_none(org.phone),
        "website": _or_none(org.website),
        "facebook": _or_none(org.facebook),
        "krs": _or_none(org.krs),
        "nip": _or_none(org.nip),
        "regon": _or_none(org.regon),
        "is_public_benefit": org.is_public_benefit,
        "areas": _slugs(org.areas.all()),
        "published_at": _iso(org.published_at),
        "updated_at": _iso(org.updated_at),
    }


ORGANIZATIONS = Dataset(
    slug="organizacje",
    title=_("Organisations"),
    description=_(
        "Non-governmental organisations, informal groups, CSR companies and public units "
        "listed in the directory, with their public profile."
    ),
    terms=CONSENTED,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the organisation.")),
        Column("slug", STRING, _("Stable address of the organisation on the site.")),
        Column("name", STRING, _("Full name.")),
        Column("short_name", STRING, _("Short name or abbreviation.")),
        Column("kind", STRING, _("Legal form, as a code (see kind_label).")),
        Column("kind_label", STRING, _("Legal form, in words.")),
        Column("description", HTML, _("What the organisation does, in its own words.")),
        Column("url", URL, _("The organisation's page on the site.")),
        Column("street", STRING, _("Street and number.")),
        Column("postal_code", STRING, _("Postal code.")),
        Column("city", STRING, _("City.")),
        Column("district", STRING, _("District of the city (slug from the districts dataset).")),
        Column("email", STRING, _("Public contact e-mail.")),
        Column("phone", STRING, _("Public contact phone.")),
        Column("website", URL, _("Website.")),
        Column("facebook", URL, _("Facebook page.")),
        Column("krs", STRING, _("Number in the National Court Register (KRS).")),
        Column("nip", STRING, _("Tax identification number (NIP).")),
        Column("regon", STRING, _("Statistical number (REGON).")),
        Column("is_public_benefit", BOOLEAN, _("Has the public benefit status (OPP).")),
        Column("areas", LIST, _("Areas of public benefit (slugs from that dataset).")),
        Column("published_at", DATETIME, _("When the profile was published.")),
        Column("updated_at", DATETIME, _("When the profile last changed.")),
    ),
    queryset=_organizations,
    row=_organization_row,
    api_url_name="api-v1:organization-list",
)


# --- people --------------------------------------------------------------------------------------


def _people():
    return public_people().order_by("pk")


def _person_row(person) -> dict | None:
    profile = public_profile(person)
    if profile is None:
        return None
    return {
        "id": person.pk,
        "slug": profile.slug,
        "name": profile.name,
        "url": absolute_url(profile.url),
        "bio": _or_none(str(profile.bio_html)),
        "skills": _or_none(profile.skills),
        "areas": _slugs(profile.areas),
        "organizations": _slugs(profile.organizations),
        "photo_url": absolute_url(profile.photo_url) if profile.photo_url else None,
    }


PEOPLE = Dataset(
    slug="ludzie",
    title=_("Activists and local leaders"),
    description=_(
        "People who agreed to be listed. Each field is published only if its owner consented "
        "to it; a field without consent is empty. E-mail addresses are never published."
    ),
    terms=CONSENTED,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the person.")),
        Column("slug", STRING, _("Stable address of the person's page.")),
        Column("name", STRING, _("Full name.")),
        Column("url", URL, _("The person's page on the site.")),
        Column("bio", HTML, _("About the person, if they consented to publishing it.")),
        Column("skills", STRING, _("Skills, if they consented to publishing them.")),
        Column("areas", LIST, _("Areas of public benefit (slugs), if consented.")),
        Column("organizations", LIST, _("Organisations they act in (slugs), if consented.")),
        Column("photo_url", URL, _("Photo, if they consented to publishing it.")),
    ),
    queryset=_people,
    row=_person_row,
    api_url_name="api-v1:person-list",
)


# --- events --------------------------------------------------------------------------------------


def _events():
    return (
        Event.objects.published()
        .select_related("organizer", "district")
        .prefetch_related("areas", _published_organizations("co_organizers", "public_co"))
        .order_by("pk")
    )


def _event_row(event: Event) -> dict:
    organizer = _public_organization(event.organizer)
    return {
        "id": event.pk,
        "slug": event.slug,
        "title": event.title,
        "category": event.category,
        "category_label": str(event.get_category_display()),
        "status": event.status,
        "description": clean_html(event.description),
        "start": _iso(event.start),
        "end": _iso(event.end),
        "all_day": event.all_day,
        "recurrence_rule": _or_none(event.recurrence_rule),
        "place_name": _or_none(event.place_name),
        "address": _or_none(event.address),
        "district": event.district.slug if event.district else None,
        "online_url": _or_none(event.online_url),
        "audience": _or_none(event.audience),
        "is_free": event.is_free,
        "price": _or_none(event.price),
        "accessibility": _or_none(event.accessibility),
        "organizer": organizer.slug if organizer else None,
        "co_organizers": _slugs(event.public_co),
        "areas": _slugs(event.areas.all()),
        "registration_enabled": event.registration_enabled,
        "url": absolute_url(event.get_absolute_url()),
        "published_at": _iso(event.published_at),
    }


EVENTS = Dataset(
    slug="wydarzenia",
    title=_("Events"),
    description=_(
        "Meetings, trainings, workshops and conferences in the calendar, upcoming and past, "
        "including cancelled and postponed ones (see status)."
    ),
    terms=CONSENTED,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the event.")),
        Column("slug", STRING, _("Stable address of the event on the site.")),
        Column("title", STRING, _("Title.")),
        Column("category", STRING, _("Kind of event, as a code (see category_label).")),
        Column("category_label", STRING, _("Kind of event, in words.")),
        Column("status", STRING, _("published, cancelled or postponed.")),
        Column("description", HTML, _("Description.")),
        Column("start", DATETIME, _("Start (of the first date, for a repeating event).")),
        Column("end", DATETIME, _("End (of the first date, for a repeating event).")),
        Column("all_day", BOOLEAN, _("Lasts all day (the times do not matter).")),
        Column("recurrence_rule", STRING, _("RFC 5545 rule of a repeating event.")),
        Column("place_name", STRING, _("Name of the place.")),
        Column("address", STRING, _("Address of the place.")),
        Column("district", STRING, _("District (slug from the districts dataset).")),
        Column("online_url", URL, _("Link to take part online.")),
        Column("audience", STRING, _("For whom.")),
        Column("is_free", BOOLEAN, _("Free of charge.")),
        Column("price", STRING, _("Price, if not free.")),
        Column("accessibility", STRING, _("Accessibility information.")),
        Column("organizer", STRING, _("Organiser (slug from the organisations dataset).")),
        Column("co_organizers", LIST, _("Co-organisers (slugs from the organisations dataset).")),
        Column("areas", LIST, _("Areas of public benefit (slugs).")),
        Column("registration_enabled", BOOLEAN, _("Takes registrations on the site.")),
        Column("url", URL, _("The event's page on the site.")),
        Column("published_at", DATETIME, _("When the event was published.")),
    ),
    queryset=_events,
    row=_event_row,
    api_url_name="api-v1:event-list",
)


# --- grant calls ---------------------------------------------------------------------------------


def _grant_calls():
    return (
        GrantCall.objects.published()
        .select_related("funder_organization")
        .prefetch_related("areas")
        .order_by("pk")
    )


def _grant_call_row(call: GrantCall) -> dict:
    funder = _public_organization(call.funder_organization)
    return {
        "id": call.pk,
        "slug": call.slug,
        "title": call.title,
        "kind": call.kind,
        "kind_label": str(call.get_kind_display()),
        "funder": funder.name if funder else _or_none(call.funder_name),
        "funder_organization": funder.slug if funder else None,
        "description": clean_html(call.description),
        "eligibility": _or_none(call.eligibility),
        "areas": _slugs(call.areas.all()),
        "budget": _decimal(call.budget),
        "min_amount": _decimal(call.min_amount),
        "max_amount": _decimal(call.max_amount),
        "own_contribution": _or_none(call.own_contribution),
        "announced_on": _iso(call.announced_on),
        "deadline": _iso(call.deadline),
        "results_on": _iso(call.results_on),
        "application_url": _or_none(call.application_url),
        "url": absolute_url(call.get_absolute_url()),
    }


GRANT_CALLS = Dataset(
    slug="konkursy",
    title=_("Grant calls"),
    description=_("Calls for grant applications open to organisations, current and closed."),
    terms=CENTRE_CONTENT,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the call.")),
        Column("slug", STRING, _("Stable address of the call on the site.")),
        Column("title", STRING, _("Title.")),
        Column("kind", STRING, _("Kind of call, as a code (see kind_label).")),
        Column("kind_label", STRING, _("Kind of call, in words.")),
        Column("funder", STRING, _("Who gives the grants.")),
        Column("funder_organization", STRING, _("The funder in the organisations dataset.")),
        Column("description", HTML, _("Description.")),
        Column("eligibility", STRING, _("Who may apply.")),
        Column("areas", LIST, _("Areas of public benefit (slugs).")),
        Column("budget", DECIMAL, _("Total budget of the call, PLN.")),
        Column("min_amount", DECIMAL, _("Smallest grant, PLN.")),
        Column("max_amount", DECIMAL, _("Largest grant, PLN.")),
        Column("own_contribution", STRING, _("Rules of the applicant's own contribution.")),
        Column("announced_on", DATE, _("When the call was announced.")),
        Column("deadline", DATETIME, _("Deadline for applications.")),
        Column("results_on", DATE, _("When the results are expected.")),
        Column("application_url", URL, _("Where to apply.")),
        Column("url", URL, _("The call's page on the site.")),
    ),
    queryset=_grant_calls,
    row=_grant_call_row,
    api_url_name="api-v1:grant-call-list",
)


# --- articles ------------------------------------------------------------------------------------


def _articles():
    return (
        Article.objects.published()
        .prefetch_related(
            "areas", "tags", _published_organizations("organizations", "public_organizations")
        )
        .order_by("pk")
    )


def _article_row(article: Article) -> dict:
    return {
        "id": article.pk,
        "slug": article.slug,
        "kind": article.kind,
        "kind_label": str(article.get_kind_display()),
        "title": article.title,
        "lead": _or_none(article.lead),
        "body": clean_html(article.body),
        "areas": _slugs(article.areas.all()),
        "tags": [tag.name for tag in article.tags.all()],
        "organizations": _slugs(article.public_organizations),
        "legal_act": _or_none(article.legal_act),
        "in_force_from": _iso(article.in_force_from),
        "in_force_to": _iso(article.in_force_to),
        "source_url": _or_none(article.source_url),
        "url": absolute_url(article.get_absolute_url()),
        "published_at": _iso(article.published_at),
        "updated_at": _iso(article.updated_at),
    }


ARTICLES = Dataset(
    slug="artykuly",
    title=_("Knowledge base articles"),
    description=_(
        "Published articles: good practice, research results, regulations, fundraising guides "
        "and news. Drafts and articles in review are not included."
    ),
    terms=CENTRE_CONTENT,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the article.")),
        Column("slug", STRING, _("Stable address of the article on the site.")),
        Column("kind", STRING, _("Kind of article, as a code (see kind_label).")),
        Column("kind_label", STRING, _("Kind of article, in words.")),
        Column("title", STRING, _("Title.")),
        Column("lead", STRING, _("Lead: a summary in a few sentences.")),
        Column("body", HTML, _("Text of the article.")),
        Column("areas", LIST, _("Areas of public benefit (slugs).")),
        Column("tags", LIST, _("Tags.")),
        Column("organizations", LIST, _("Related organisations (slugs).")),
        Column("legal_act", STRING, _("For a regulation: the legal act.")),
        Column("in_force_from", DATE, _("For a regulation: in force from.")),
        Column("in_force_to", DATE, _("For a regulation: in force until.")),
        Column("source_url", URL, _("For a regulation: link to the act.")),
        Column("url", URL, _("The article's page on the site.")),
        Column("published_at", DATETIME, _("Publication date.")),
        Column("updated_at", DATETIME, _("When the article last changed.")),
    ),
    queryset=_articles,
    row=_article_row,
    api_url_name="api-v1:article-list",
)


# --- volunteer offers ----------------------------------------------------------------------------


def _offers():
    # An offer of an organisation not (or no longer) in the directory would name it: left out.
    return (
        Offer.objects.open()
        .filter(host__status=Organization.Status.PUBLISHED)
        .select_related("host", "district")
        .prefetch_related("skills", "areas")
        .order_by("pk")
    )


def _offer_row(offer: Offer) -> dict:
    return {
        "id": offer.pk,
        "slug": offer.slug,
        "title": offer.title,
        "host": offer.host.slug,
        "description": clean_html(offer.description),
        "tasks": [line.strip(" -•\t") for line in offer.tasks.splitlines() if line.strip(" -•\t")],
        "skills": _slugs(offer.skills.all()),
        "areas": _slugs(offer.areas.all()),
        "district": offer.district.slug if offer.district else None,
        "address": _or_none(offer.address),
        "is_remote": offer.is_remote,
        "schedule": offer.schedule,
        "schedule_note": _or_none(offer.schedule_note),
        "starts_on": _iso(offer.starts_on),
        "ends_on": _iso(offer.ends_on),
        "duration": offer.duration,
        "places": offer.places,
        "min_age": offer.min_age,
        "works_with_children": offer.works_with_children,
        "offers_training": offer.offers_training,
        "covers_travel": offer.covers_travel,
        "offers_certificate": offer.offers_certificate,
        "expires_on": _iso(offer.expires_on),
        "url": absolute_url(offer.get_absolute_url()),
        "published_at": _iso(offer.published_at),
    }


OFFERS = Dataset(
    slug="oferty-wolontariatu",
    title=_("Volunteer offers"),
    description=_(
        "Open offers of volunteering from organisations. Nothing about volunteers or "
        "applications is published."
    ),
    terms=CONSENTED,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the offer.")),
        Column("slug", STRING, _("Stable address of the offer on the site.")),
        Column("title", STRING, _("Title.")),
        Column("host", STRING, _("Host organisation (slug from the organisations dataset).")),
        Column("description", HTML, _("Description.")),
        Column("tasks", LIST, _("What the volunteer will do.")),
        Column("skills", LIST, _("Skills wanted (slugs).")),
        Column("areas", LIST, _("Areas of public benefit (slugs).")),
        Column("district", STRING, _("District (slug from the districts dataset).")),
        Column("address", STRING, _("Where the work takes place.")),
        Column("is_remote", BOOLEAN, _("Can be done remotely.")),
        Column("schedule", STRING, _("one-off, recurring or flexible.")),
        Column("schedule_note", STRING, _("When exactly.")),
        Column("starts_on", DATE, _("From.")),
        Column("ends_on", DATE, _("Until.")),
        Column("duration", STRING, _("short: up to 30 days; long: longer.")),
        Column("places", INTEGER, _("Number of places.")),
        Column("min_age", INTEGER, _("Minimum age of the volunteer.")),
        Column("works_with_children", BOOLEAN, _("Involves working with children.")),
        Column("offers_training", BOOLEAN, _("The host trains the volunteer.")),
        Column("covers_travel", BOOLEAN, _("Travel costs are reimbursed.")),
        Column("offers_certificate", BOOLEAN, _("The volunteer gets a certificate.")),
        Column("expires_on", DATE, _("The offer is valid until.")),
        Column("url", URL, _("The offer's page on the site.")),
        Column("published_at", DATETIME, _("When the offer was published.")),
    ),
    queryset=_offers,
    row=_offer_row,
    api_url_name="api-v1:opportunity-list",
)


# --- rooms ---------------------------------------------------------------------------------------


def opening_hours_text(hours) -> str:
    return f"{BYDAY[hours.weekday]} {hours.opens:%H:%M}-{hours.closes:%H:%M}"


def _rooms():
    return Room.objects.active().prefetch_related("opening_hours").order_by("pk")


def _room_row(room: Room) -> dict:
    return {
        "id": room.pk,
        "slug": room.slug,
        "name": room.name,
        "description": _or_none(room.description),
        "capacity": room.capacity,
        "location": _or_none(room.location),
        "layouts": list(room.layouts),
        "built_in_equipment": _or_none(room.built_in_equipment),
        "step_free_access": room.step_free_access,
        "accessible_toilet": room.accessible_toilet,
        "hearing_loop": room.hearing_loop,
        "accessibility_notes": _or_none(room.accessibility_notes),
        "opening_hours": [opening_hours_text(hours) for hours in room.opening_hours.all()],
        "url": absolute_url(room.get_absolute_url()),
    }


ROOMS = Dataset(
    slug="sale",
    title=_("Rooms for hire"),
    description=_(
        "The centre's rooms organisations can book, with their accessibility and opening hours. "
        "Bookings and who made them are not published."
    ),
    terms=CENTRE_CONTENT,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the room.")),
        Column("slug", STRING, _("Stable address of the room on the site.")),
        Column("name", STRING, _("Name.")),
        Column("description", STRING, _("Description.")),
        Column("capacity", INTEGER, _("How many people the room holds.")),
        Column("location", STRING, _("Where in the building.")),
        Column("layouts", LIST, _("Possible layouts, as codes.")),
        Column("built_in_equipment", STRING, _("Equipment in the room.")),
        Column("step_free_access", BOOLEAN, _("Step-free access.")),
        Column("accessible_toilet", BOOLEAN, _("Accessible toilet nearby.")),
        Column("hearing_loop", BOOLEAN, _("Induction loop.")),
        Column("accessibility_notes", STRING, _("More about accessibility.")),
        Column(
            "opening_hours",
            LIST,
            _(
                "When the room can be booked: a weekday code (MO … SU) and local times, "
                "e.g. “MO 09:00-17:00”. A weekday not listed is closed."
            ),
        ),
        Column("url", URL, _("The room's page on the site.")),
    ),
    queryset=_rooms,
    row=_room_row,
    api_url_name="api-v1:room-list",
)


# --- reference data ------------------------------------------------------------------------------


def _area_row(area: AreaOfBenefit) -> dict:
    return {
        "id": area.pk,
        "code": area.code,
        "slug": area.slug,
        "name": area.name,
        "position": area.position,
        "source": area.source,
        "is_active": area.is_active,
    }


AREAS = Dataset(
    slug="obszary",
    title=_("Areas of public benefit"),
    description=_(
        "The spheres of public tasks of art. 4 sec. 1 of the Act on public benefit activity "
        "and volunteering, as used to describe organisations, events and offers."
    ),
    terms=CENTRE_CONTENT,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the area.")),
        Column("code", STRING, _("Point of art. 4 sec. 1, e.g. 1, 1a, 32a.")),
        Column("slug", STRING, _("Stable short name, used by the other datasets.")),
        Column("name", STRING, _("Name as in the act.")),
        Column("position", INTEGER, _("Order in the act.")),
        Column("source", STRING, _("Legal source and its date.")),
        Column("is_active", BOOLEAN, _("Still in force.")),
    ),
    queryset=lambda: AreaOfBenefit.objects.order_by("position", "pk"),
    row=_area_row,
)


def _district_row(district: District) -> dict:
    return {
        "id": district.pk,
        "slug": district.slug,
        "name": district.name,
        "latitude": _decimal(district.latitude),
        "longitude": _decimal(district.longitude),
    }


DISTRICTS = Dataset(
    slug="dzielnice",
    title=_("Districts"),
    description=_("Districts of the city, as used to describe organisations, events and offers."),
    terms=CENTRE_CONTENT,
    columns=(
        Column("id", INTEGER, _("Stable identifier of the district.")),
        Column("slug", STRING, _("Stable short name, used by the other datasets.")),
        Column("name", STRING, _("Name.")),
        Column("latitude", DECIMAL, _("Latitude of a point inside the district (WGS 84).")),
        Column("longitude", DECIMAL, _("Longitude of a point inside the district (WGS 84).")),
    ),
    queryset=lambda: District.objects.order_by("name", "pk"),
    row=_district_row,
)


DATASETS = {
    dataset.slug: dataset
    for dataset in (
        ORGANIZATIONS,
        PEOPLE,
        EVENTS,
        GRANT_CALLS,
        ARTICLES,
        OFFERS,
        ROOMS,
        AREAS,
        DISTRICTS,
    )
}


# --- files ---------------------------------------------------------------------------------------


def export_directory() -> Path:
    return Path(settings.VAR_DIR) / "opendata"


def file_path(slug: str, extension: str) -> Path:
    return export_directory() / f"{slug}.{extension}"


@contextmanager
def atomic_file(target: Path):
    """A text file that appears under its name only once fully written: readers of the old file
    never see half of the new one, and a failed export leaves the old one in place."""
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(name, 0o644)
        os.replace(name, target)
    except BaseException:
        os.unlink(name)
        raise


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_dataset(dataset: Dataset, directory: Path, generated_at: str) -> int:
    """Both files of a dataset in one pass over its rows; returns the number of rows."""
    header = {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "generated_at": generated_at,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "terms": str(dataset.terms),
        "fields": [
            {"name": c.name, "type": c.type, "description": str(c.description)}
            for c in dataset.columns
        ],
    }
    count = 0
    with (
        atomic_file(directory / f"{dataset.slug}.csv") as csv_file,
        atomic_file(directory / f"{dataset.slug}.json") as json_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(dataset.field_names)
        json_file.write(_json(header)[:-1] + ', "items": [')
        for row in dataset.rows():
            writer.writerow([csv_cell(row[name]) for name in dataset.field_names])
            json_file.write(("," if count else "") + "\n" + _json(row))
            count += 1
        json_file.write("\n]}\n")
    return count


def _distribution(slug: str, extension: str, directory: Path) -> dict:
    url_name = "opendata:hsds" if slug == "hsds" else f"opendata:download-{extension}"
    kwargs = {} if slug == "hsds" else {"slug": slug}
    return {
        "format": extension.upper(),
        "media_type": FORMATS[extension].split(";")[0],
        "download_url": absolute_url(reverse(url_name, kwargs=kwargs)),
        "byte_size": (directory / f"{slug}.{extension}").stat().st_size,
    }


def _catalog_entry(dataset: Dataset, rows: int, directory: Path, updated: str) -> dict:
    api_url = dataset.api_url()
    return {
        "name": dataset.slug,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "terms": str(dataset.terms),
        "updated": updated,
        "rows": rows,
        "dictionary_url": absolute_url(reverse("opendata:dataset", args=[dataset.slug])),
        "api_url": absolute_url(api_url) if api_url else None,
        "distributions": [_distribution(dataset.slug, ext, directory) for ext in FORMATS],
    }


def _hsds_entry(services: int, directory: Path, updated: str) -> dict:
    return {
        "name": "hsds",
        "title": str(_("Services of the centre (Open Referral HSDS)")),
        "description": str(
            _(
                "The centre's services, locations and opening hours in the Open Referral Human "
                "Services Data Specification (HSDS 3.0) style."
            )
        ),
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "terms": str(CENTRE_CONTENT),
        "updated": updated,
        "rows": services,
        "dictionary_url": absolute_url(reverse("opendata:index")) + "#hsds",
        "api_url": None,
        "distributions": [_distribution("hsds", "json", directory)],
    }


def export_all(report: Callable[[str], None] = lambda line: None) -> dict:
    """Write every dataset, the HSDS document and the catalogue; returns the catalogue.

    Idempotent: a re-run replaces each file whole, so the directory always holds one complete
    generation of every file.
    """
    directory = export_directory()
    directory.mkdir(parents=True, exist_ok=True)
    with translation.override(settings.LANGUAGE_CODE):
        entries = []
        for dataset in DATASETS.values():
            generated_at = _iso(timezone.now())
            rows = write_dataset(dataset, directory, generated_at)
            entries.append(_catalog_entry(dataset, rows, directory, generated_at))
            report(f"{dataset.slug}: {rows} rows → {dataset.slug}.csv, {dataset.slug}.json")
        document = build_hsds()
        with atomic_file(directory / HSDS_FILE) as handle:
            handle.write(_json(document))
        entries.append(_hsds_entry(len(document["services"]), directory, document["generated_at"]))
        report(f"hsds: {len(document['services'])} services → {HSDS_FILE}")
        catalog = {
            "title": str(_("Open data of %(site)s") % {"site": settings.SITE_NAME}),
            "publisher": {"name": settings.CENTRE_NAME, "address": settings.CENTRE_ADDRESS},
            "homepage": absolute_url(reverse("opendata:index")),
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            "generated_at": _iso(timezone.now()),
            "datasets": entries,
        }
        with atomic_file(directory / CATALOG_FILE) as handle:
            handle.write(json.dumps(catalog, ensure_ascii=False, indent=2))
        report(f"catalogue: {len(entries)} datasets → {CATALOG_FILE}")
    return catalog


def read_catalog() -> dict[str, dict]:
    """The last export's catalogue entries by dataset name; empty before the first export."""
    try:
        catalog = json.loads((export_directory() / CATALOG_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    entries = {}
    for entry in catalog.get("datasets", []):
        entries[entry["name"]] = {**entry, "updated": datetime.fromisoformat(entry["updated"])}
    return entries
