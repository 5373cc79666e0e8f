"""Matching volunteers with offers: one explainable, deterministic score, used both ways.

Who is considered
- A volunteer is matched only with offers `permissions.visible_offers` lets them see: open
  (published, not expired) and, for minors, open to their age — so a 12-year-old sees only offers
  whose minimum age is 12 or less.
- A host is shown only volunteers who opted in (`permissions.findable_profiles`), and of them only
  those old enough for the offer: minors never appear for an adult-only offer. A volunteer whose
  age is unknown is left out too, because the host could not tell whether they may take part.
- An offer and a volunteer match when they share at least one skill or one area (interest):
  what the work is about decides whether it matches; when and where only order the matches.
- A volunteer who does not travel is not matched with an offer in another district unless it can
  be done remotely. They are left out rather than ranked lower: the volunteer said they would not
  go, so such offers would only bury the ones they can take. (When either district is unknown the
  offer is kept.)

Points (higher ranks first)
- each shared skill: 30 (SKILL_POINTS);
- each shared area of interest: 20 (AREA_POINTS);
- time: 15 (TIME_POINTS) when the offer's weekday-and-part-of-day slots share at least one slot
  with the volunteer's availability, or the offer is flexible (it fits any availability);
- place: 20 (PLACE_POINTS) when the offer is remote or in the volunteer's district; otherwise
  15 (NEAR_POINTS) minus 3 (POINTS_LOST_PER_KM) per kilometre between the two districts' points,
  never below 0; nothing when a district or its point is unknown.
Ties: the more recently published offer first, then the newer one (higher id); for a host, the
newer profile first (higher id).

Every factor that gave points becomes one human sentence in `reasons` ("Shares your skills:
Grafika, Prawo jazdy", "1,2 km away (Centrum)", "Fits your Monday afternoon", "Remote"); minors
also read "Open to your age (from 13)". Reasons are built only for the items shown.

Speed: the scores of all open offers come from a few narrow queries (small columns of the offers,
and only the rows of the skill and area tables that concern this volunteer); no model instance is
made until the best ones are picked with a heap.
"""

import dataclasses
import datetime
import heapq
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from pomyslowice.core.ages import age_on
from pomyslowice.core.audit import log_action
from pomyslowice.core.models import District
from pomyslowice.core.notifications import send_templated_email

from . import availability
from .models import ADULT_AGE, Offer, ProfileConsent, VolunteerProfile
from .permissions import HostView, findable_profiles, host_view, visible_offers

SKILL_POINTS = 30
AREA_POINTS = 20
TIME_POINTS = 15
PLACE_POINTS = 20
NEAR_POINTS = 15
POINTS_LOST_PER_KM = 3
FLEXIBLE = Offer.Schedule.FLEXIBLE

PAGE_SIZE = 30
DIGEST_SIZE = 10
# The digest looks back this far the first time; afterwards to the previous digest.
DIGEST_PERIOD = datetime.timedelta(days=7)
# Not "7 days": a weekly job that starts a little earlier than last week must still send.
DIGEST_MIN_GAP = datetime.timedelta(days=6)


@dataclasses.dataclass(frozen=True)
class Place:
    """Where one side is, seen from the other: what the place factor and its reason need."""

    remote: bool
    same_district: bool
    km: float | None
    district: District | None

    @property
    def points(self) -> int:
        if self.remote or self.same_district:
            return PLACE_POINTS
        if self.km is None:
            return 0
        return max(0, round(NEAR_POINTS - POINTS_LOST_PER_KM * self.km))


def fits_time(*, volunteer_availability: int, offer_availability: int, flexible: bool) -> bool:
    return flexible or availability.overlap(volunteer_availability, offer_availability) > 0


def reaches(*, travels: bool, remote: bool, volunteer_district, offer_district) -> bool:
    """False only for a volunteer who does not travel and an on-site offer in another district."""
    if travels or remote or volunteer_district is None or offer_district is None:
        return True
    return volunteer_district == offer_district


def points(*, skills: int, areas: int, time: bool, place: int) -> int:
    """The score of a pair that shares at least one skill or area (the queries pick only those)."""
    return skills * SKILL_POINTS + areas * AREA_POINTS + (TIME_POINTS if time else 0) + place


class Districts:
    """Every district once, with the points each one earns seen from one district."""

    def __init__(self, origin_id: int | None):
        self.by_id = District.objects.in_bulk()
        origin = self.by_id.get(origin_id)
        self.origin_id = origin_id
        self.km = {
            pk: (origin.distance_km(district) if origin else None)
            for pk, district in self.by_id.items()
        }
        self._points = {pk: self.place(pk, remote=False).points for pk in [*self.by_id, None]}

    def place(self, district_id: int | None, *, remote: bool) -> Place:
        same = district_id is not None and district_id == self.origin_id
        return Place(
            remote=remote,
            same_district=same,
            km=None if same else self.km.get(district_id),
            district=self.by_id.get(district_id),
        )

    def points(self, district_id: int | None, *, remote: bool) -> int:
        return PLACE_POINTS if remote else self._points.get(district_id, 0)


@dataclasses.dataclass
class Ranked:
    """One item shown: an offer (for a volunteer) or a HostView (for a host), with why."""

    item: Offer | HostView
    score: int
    reasons: list[str]


@dataclasses.dataclass
class Ranking:
    items: list[Ranked]
    total: int  # how many matched, of which `items` are the best


def _shared(rows) -> dict[int, list[int]]:
    """(object id, skill or area id) rows → the ids each object shares, in row order."""
    shared = defaultdict(list)
    for object_id, value in rows:
        shared[object_id].append(value)
    return shared


# --- offers for a volunteer --------------------------------------------------------------------


def rank_offers_for(
    profile: VolunteerProfile,
    *,
    limit: int = PAGE_SIZE,
    published_after: datetime.datetime | None = None,
) -> Ranking:
    """Open offers the volunteer may see, best first, with reasons for the `limit` shown."""
    skills = dict(profile.skills.values_list("pk", "name"))
    areas = dict(profile.areas.values_list("pk", "name"))
    if not (skills or areas):
        return Ranking(items=[], total=0)
    offer_skills = Offer.skills.through.objects.filter(skill_id__in=skills)
    offer_areas = Offer.areas.through.objects.filter(areaofbenefit_id__in=areas)
    shared_skills = _shared(offer_skills.values_list("offer_id", "skill_id"))
    shared_areas = _shared(offer_areas.values_list("offer_id", "areaofbenefit_id"))
    # Only offers sharing something can match: the database leaves out the rest.
    offers = visible_offers(profile.user).filter(
        Q(pk__in=offer_skills.values("offer_id")) | Q(pk__in=offer_areas.values("offer_id"))
    )
    if published_after is not None:
        offers = offers.filter(published_at__gt=published_after)
    districts = Districts(profile.district_id)
    # Read once, not once per offer.
    travels, home, free = profile.travels, profile.district_id, profile.availability
    scored = []
    # Oldest first, so a row's position breaks ties between equal scores (the newer wins)
    # without turning thousands of dates into Python objects.
    rows = offers.values_list(
        "pk", "district_id", "is_remote", "schedule", "availability"
    ).order_by(F("published_at").asc(nulls_first=True), "pk")
    for position, (pk, district_id, remote, schedule, slots) in enumerate(rows):
        if not reaches(
            travels=travels, remote=remote, volunteer_district=home, offer_district=district_id
        ):
            continue
        score = points(
            skills=len(shared_skills.get(pk, ())),
            areas=len(shared_areas.get(pk, ())),
            time=fits_time(
                volunteer_availability=free,
                offer_availability=slots,
                flexible=schedule == FLEXIBLE,
            ),
            place=districts.points(district_id, remote=remote),
        )
        scored.append((score, position, pk))
    best = heapq.nlargest(limit, scored)
    found = Offer.objects.select_related("host", "district").in_bulk([pk for _s, _p, pk in best])
    age = profile.age()
    items = [
        Ranked(
            item=found[pk],
            score=score,
            reasons=offer_reasons(
                found[pk],
                skills=[skills[i] for i in skills if i in shared_skills.get(pk, ())],
                areas=[areas[i] for i in areas if i in shared_areas.get(pk, ())],
                volunteer_availability=profile.availability,
                place=districts.place(found[pk].district_id, remote=found[pk].is_remote),
                age=age,
            ),
        )
        for score, _position, pk in best
    ]
    return Ranking(items=items, total=len(scored))


def _times(value: int) -> str:
    return ", ".join(
        pgettext("weekday and part of the day", "%(weekday)s %(part)s")
        % {"weekday": availability.WEEKDAYS[weekday], "part": availability.PARTS[part]}
        for weekday, part in availability.slots(value)
    )


def _place_reasons(place: Place) -> list[str]:
    reasons = []
    if place.same_district:
        reasons.append(_("Same district: %(district)s") % {"district": place.district.name})
    elif place.km is not None and not place.remote:
        reasons.append(
            _("%(km)s km away (%(district)s)")
            % {
                # number_format cuts digits off; round first (5.89 → 5.9, not 5.8).
                "km": formats.number_format(round(place.km, 1), 1),
                "district": place.district.name,
            }
        )
    if place.remote:
        reasons.append(_("Remote"))
    return reasons


def offer_reasons(
    offer: Offer,
    *,
    skills: list[str],
    areas: list[str],
    volunteer_availability: int,
    place: Place,
    age: int | None,
) -> list[str]:
    """Why an offer suits a volunteer, in the volunteer's words."""
    reasons = []
    if skills:
        reasons.append(_("Shares your skills: %(skills)s") % {"skills": ", ".join(skills)})
    if areas:
        reasons.append(_("Shares your interests: %(areas)s") % {"areas": ", ".join(areas)})
    if offer.schedule == FLEXIBLE:
        reasons.append(_("Flexible: at times that suit you"))
    elif shared := offer.availability & volunteer_availability:
        reasons.append(_("Fits your %(times)s") % {"times": _times(shared)})
    reasons += _place_reasons(place)
    if age is not None and age < ADULT_AGE:
        reasons.append(_("Open to your age (from %(age)d)") % {"age": offer.min_age})
    return reasons


# --- volunteers for a host's offer -------------------------------------------------------------


def rank_volunteers_for(offer: Offer, *, viewer, limit: int = PAGE_SIZE) -> Ranking:
    """Volunteers who opted in, old enough for the offer, best first, seen through host_view."""
    skills = dict(offer.skills.values_list("pk", "name"))
    areas = dict(offer.areas.values_list("pk", "name"))
    if not (skills or areas):
        return Ranking(items=[], total=0)
    profile_skills = VolunteerProfile.skills.through.objects.filter(skill_id__in=skills)
    profile_areas = VolunteerProfile.areas.through.objects.filter(areaofbenefit_id__in=areas)
    shared_skills = _shared(profile_skills.values_list("volunteerprofile_id", "skill_id"))
    shared_areas = _shared(profile_areas.values_list("volunteerprofile_id", "areaofbenefit_id"))
    districts = Districts(offer.district_id)
    flexible = offer.schedule == FLEXIBLE
    today = timezone.localdate()
    scored = []
    rows = (
        findable_profiles(viewer)
        .filter(
            Q(pk__in=profile_skills.values("volunteerprofile_id"))
            | Q(pk__in=profile_areas.values("volunteerprofile_id"))
        )
        .values_list("pk", "district_id", "availability", "travels", "user__birth_date")
    )
    for pk, district_id, slots, travels, birth_date in rows:
        age = age_on(birth_date, today)
        if age is None or age < offer.min_age:
            continue
        if not reaches(
            travels=travels,
            remote=offer.is_remote,
            volunteer_district=district_id,
            offer_district=offer.district_id,
        ):
            continue
        score = points(
            skills=len(shared_skills.get(pk, ())),
            areas=len(shared_areas.get(pk, ())),
            time=fits_time(
                volunteer_availability=slots,
                offer_availability=offer.availability,
                flexible=flexible,
            ),
            place=districts.points(district_id, remote=offer.is_remote),
        )
        scored.append((score, pk))
    best = heapq.nlargest(limit, scored)
    found = (
        VolunteerProfile.objects.select_related("user", "district")
        .prefetch_related("skills", "areas")
        .in_bulk([pk for _score, pk in best])
    )
    items = []
    for score, pk in best:
        seen = host_view(found[pk])
        reasons = volunteer_reasons(
            seen,
            skills=[skills[i] for i in skills if i in shared_skills.get(pk, ())],
            areas=[areas[i] for i in areas if i in shared_areas.get(pk, ())],
            offer=offer,
            place=districts.place(found[pk].district_id, remote=offer.is_remote),
        )
        items.append(Ranked(item=seen, score=score, reasons=reasons))
    return Ranking(items=items, total=len(scored))


def volunteer_reasons(
    seen: HostView, *, skills: list[str], areas: list[str], offer: Offer, place: Place
) -> list[str]:
    """Why a volunteer suits an offer, in the host's words, from what the host may see."""
    reasons = []
    if skills:
        reasons.append(_("Has the skills wanted: %(skills)s") % {"skills": ", ".join(skills)})
    if areas:
        reasons.append(_("Interested in: %(areas)s") % {"areas": ", ".join(areas)})
    if offer.schedule == FLEXIBLE:
        reasons.append(_("Flexible offer: fits any availability"))
    elif shared := offer.availability & seen.availability:
        reasons.append(_("Available %(times)s") % {"times": _times(shared)})
    reasons += _place_reasons(place)
    if seen.is_minor:
        reasons.append(_("Minor: needs a guardian's written consent"))
    return reasons


# --- the weekly digest -------------------------------------------------------------------------


@dataclasses.dataclass
class DigestCounts:
    sent: int = 0
    nothing_new: int = 0
    sent_recently: int = 0


def digest_profiles():
    """Profiles whose volunteers asked for the digest and have not withdrawn that consent."""
    consent = ProfileConsent.objects.filter(
        profile=OuterRef("pk"),
        purpose=ProfileConsent.Purpose.DIGEST,
        withdrawn_at__isnull=True,
    )
    return VolunteerProfile.objects.filter(
        Exists(consent), digest=True, user__is_active=True
    ).order_by("pk")


def send_digests(*, now: datetime.datetime | None = None, force: bool = False) -> DigestCounts:
    """E-mail each volunteer who asked for it the best new matching offers, at most once in
    DIGEST_MIN_GAP (unless `force`); safe to run as often as wanted."""
    now = now or timezone.now()
    counts = DigestCounts()
    for profile_id in digest_profiles().values_list("pk", flat=True):
        outcome = _send_digest(profile_id=profile_id, now=now, force=force)
        if outcome:
            setattr(counts, outcome, getattr(counts, outcome) + 1)
    return counts


@transaction.atomic
def _send_digest(*, profile_id: int, now: datetime.datetime, force: bool) -> str | None:
    # Locked so that two runs at once cannot both send; asked again in case the volunteer
    # switched the digest off (or left) since the list was read.
    profile = (
        digest_profiles()
        .select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=profile_id)
        .first()
    )
    if profile is None:
        return None
    last = profile.last_digest_at
    if last is not None and now - last < DIGEST_MIN_GAP and not force:
        return "sent_recently"
    since = last or now - DIGEST_PERIOD
    # Reasons in the language the e-mail is written in.
    with translation.override(settings.LANGUAGE_CODE):
        ranking = rank_offers_for(profile, limit=DIGEST_SIZE, published_after=since)
    if not ranking.items:
        return "nothing_new"
    send_templated_email(
        template="volunteering/email/digest",
        to=[profile.user.email],
        context={"profile": profile, "ranking": ranking},
    )
    profile.last_digest_at = now
    profile.save(update_fields=["last_digest_at"])
    log_action(
        actor=None,
        verb="volunteering.digest.sent",
        target=profile,
        data={"offers": [ranked.item.pk for ranked in ranking.items], "matches": ranking.total},
    )
    return "sent"
