"""Events (most on weekends, in spring and autumn), their registrations and feedback, grant calls.

Organisers follow a heavy tail: most organisations run a handful of events over the years, a few
run hundreds. Registrations never exceed an event's seats: once they are taken, people wait.
"""

import bisect
import datetime
import functools
import itertools
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.text import slugify

from pomyslowice.accounts.models import User
from pomyslowice.core.models import AreaOfBenefit, District
from pomyslowice.events.models import Event, EventFeedback, GrantCall, Registration

from .base import Context

ZONE = ZoneInfo(settings.TIME_ZONE)
# How likely an event falls on a day: Monday first; Friday counts its evening.
WEEKDAY_WEIGHTS = (1.0, 1.0, 1.0, 1.1, 2.2, 4.6, 3.6)
# January first: spring and autumn are the busy seasons, summer and winter quieter.
MONTH_WEIGHTS = (0.6, 0.7, 1.0, 1.3, 1.5, 1.3, 0.6, 0.6, 1.3, 1.5, 1.2, 0.8)
FUTURE_DAYS = 182
# Of a national million events, a few thousand grant calls.
GRANT_CALLS_PER_EVENT = 0.003
# A registration-taking event draws on this many accounts (the rest register as guests).
USER_POOL = 50_000
PAIR_BLOCK = 50_000

FIRST_NAMES = (
    "Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia Joanna "
    "Magdalena Monika Aleksandra Natalia Julia Zuzanna Wiktoria Helena Jadwiga Piotr Krzysztof "
    "Andrzej Tomasz Paweł Jan Michał Marcin Jakub Adam Łukasz Mateusz Stanisław Józef Grzegorz "
    "Wojciech Szymon Kacper Antoni Franciszek"
).split()
LAST_NAMES = (
    "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak "
    "Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski "
    "Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Majewski Olszewski Stępień Malinowski "
    "Jaworski Adamczyk Dudek Nowicki Pawlak Górski Witkowski Walczak Sikora Baran Rutkowski "
    "Pietrzyk Kubica Skrzypczyk Ochman Gajda Świerczek"
).split()
TOWNS = (
    "Mysłowice Katowice Sosnowiec Gliwice Zabrze Bytom Tychy Chorzów Rybnik Jaworzno Będzin "
    "Czeladź Mikołów Bielsko-Biała Częstochowa Kraków Warszawa Wrocław Poznań Gdańsk Łódź Lublin "
    "Opole Rzeszów Kielce Białystok Olsztyn Toruń Bydgoszcz Szczecin Radom Płock Tarnów Legnica"
).split()
STREETS = (
    "Mickiewicza",
    "Słowackiego",
    "Kościuszki",
    "Powstańców Śląskich",
    "Grunwaldzka",
    "Ogrodowa",
    "Szkolna",
    "Kolejowa",
    "Wojska Polskiego",
    "3 Maja",
    "Wolności",
    "Sienkiewicza",
    "Dworcowa",
    "Świętego Jana",
    "Krakowska",
)
PLACES = (
    "Miejski Dom Kultury",
    "Miejska Biblioteka Publiczna",
    "Centrum Organizacji Pozarządowych",
    "Szkoła Podstawowa nr {n}",
    "Park Miejski",
    "Hala sportowa MOSiR",
    "Rynek",
    "Świetlica środowiskowa",
    "Klub Seniora „Złota Jesień”",
    "Muzeum Miejskie",
    "Kawiarnia Obywatelska",
    "Sala parafialna",
    "Młodzieżowy Dom Kultury",
)
TITLES = {
    Event.Category.TRAINING: (
        "Szkolenie: {}",
        "pisanie wniosków grantowych|rozliczanie dotacji|RODO w organizacji pozarządowej|"
        "księgowość małej organizacji|fundraising i crowdfunding|media społecznościowe dla NGO|"
        "pierwsza pomoc przedmedyczna|zarządzanie wolontariuszami|prawo o stowarzyszeniach|"
        "sprawozdania organizacji pożytku publicznego|partnerstwa lokalne|ekonomia społeczna|"
        "dostępność wydarzeń|praca z młodzieżą|zakładanie fundacji",
    ),
    Event.Category.WORKSHOP: (
        "Warsztaty {}",
        "rękodzieła|ceramiki|kulinarne dla rodzin|fotograficzne|teatralne dla dzieci|"
        "robotyki|szycia|ekologiczne|malarskie|tańca ludowego|pisania reportażu|"
        "edukacji finansowej|gry na bębnach",
    ),
    Event.Category.CONFERENCE: (
        "Konferencja „{}”",
        "Organizacje dla regionu|Społeczeństwo obywatelskie dziś|Wolontariat bez granic|"
        "Aktywni seniorzy|Edukacja włączająca|Miasto dla mieszkańców|"
        "Forum Inicjatyw Pozarządowych|Sport dla wszystkich",
    ),
    Event.Category.EVENT: (
        "{}",
        "Festyn rodzinny|Piknik sąsiedzki|Koncert charytatywny|Bieg charytatywny|"
        "Dzień Dziecka na sportowo|Jarmark bożonarodzeniowy|Festiwal organizacji pozarządowych|"
        "Zbiórka żywności|Wystawa fotografii|Noc bibliotek|Potańcówka dla seniorów|"
        "Sprzątanie świata|Turniej piłki nożnej|Kino plenerowe|Dożynki|Festiwal kultury śląskiej",
    ),
    Event.Category.MEETING: (
        "Spotkanie {}",
        "rady osiedla|grupy wsparcia|klubu seniora|sieci organizacji|"
        "konsultacyjne w sprawie budżetu obywatelskiego|wolontariuszy|Klubu Mam|"
        "koła gospodyń wiejskich|członków stowarzyszenia|z radnymi",
    ),
    Event.Category.SCHOOL_MEETING: (
        "Spotkanie w szkole: {}",
        "bezpieczeństwo w sieci|wolontariat szkolny|ekologia na co dzień|zdrowe odżywianie|"
        "historia lokalna|pierwsza pomoc|zawody przyszłości",
    ),
    Event.Category.OTHER: (
        "{}",
        "Dyżur prawnika|Dyżur doradcy dla organizacji|Gra miejska|Spacer historyczny|"
        "Akcja krwiodawstwa|Kiermasz książek|Zbiórka dla schroniska",
    ),
}
# (kind, weight, hours lasting (low, high), share taking registrations, seats (low, high))
KINDS = (
    (Event.Category.EVENT, 26, (2, 8), 0.1, (30, 150)),
    (Event.Category.MEETING, 22, (1.5, 3), 0.3, (10, 40)),
    (Event.Category.TRAINING, 16, (3, 7), 0.85, (12, 30)),
    (Event.Category.WORKSHOP, 16, (2, 4), 0.8, (8, 25)),
    (Event.Category.CONFERENCE, 4, (5, 8), 0.9, (40, 150)),
    (Event.Category.SCHOOL_MEETING, 8, (1, 2), 0.0, (20, 60)),
    (Event.Category.OTHER, 8, (1, 4), 0.1, (10, 40)),
)
SENTENCES = (
    "Zapraszamy serdecznie wszystkich mieszkańców, także z sąsiednich gmin.",
    "Udział jest bezpłatny, liczba miejsc może być ograniczona.",
    "Spotkanie poprowadzą doświadczeni trenerzy i wolontariusze naszej organizacji.",
    "Na miejscu będzie poczęstunek i kącik dla dzieci.",
    "Wydarzenie jest dofinansowane ze środków gminy w ramach otwartego konkursu ofert.",
    "Prosimy o wcześniejsze zgłoszenie potrzeb związanych z dostępnością.",
    "Po zakończeniu uczestnicy otrzymają materiały i zaświadczenia.",
    "Zapewniamy tłumaczenie na polski język migowy po wcześniejszym zgłoszeniu.",
)
STATUSES = (
    (Event.Status.PUBLISHED, 90),
    (Event.Status.CANCELLED, 3),
    (Event.Status.POSTPONED, 1),
    (Event.Status.SUBMITTED, 2),
    (Event.Status.DRAFT, 2),
    (Event.Status.REJECTED, 2),
)
FUNDERS = (
    "Urząd Marszałkowski Województwa Śląskiego",
    "Urząd Miasta Mysłowice",
    "Narodowy Instytut Wolności",
    "Fundacja PZU",
    "Fundusze Europejskie dla Śląskiego",
    "Ministerstwo Rodziny i Polityki Społecznej",
    "Fundacja Orlen",
)
GRANT_TOPICS = (
    "Aktywni seniorzy|Kultura bliżej mieszkańców|Sport dla dzieci i młodzieży|"
    "Ochrona zdrowia i profilaktyka|Ekologia w gminie|Wsparcie osób z niepełnosprawnościami|"
    "Inicjatywy lokalne|Wolontariat na co dzień|Edukacja obywatelska"
).split("|")


def generate(ctx: Context) -> None:
    areas = list(AreaOfBenefit.objects.filter(is_active=True).values_list("pk", flat=True))
    districts = list(District.objects.values_list("pk", flat=True))
    organizations = list(ctx.ids.get("organizations", []))
    event_ids = ctx.writer.reserve(Event, ctx.scale.events)
    ctx.ids["events"] = event_ids
    registering: list[dict] = []
    ctx.writer.insert(
        Event,
        _events(ctx, event_ids, organizations, districts, registering),
    )
    _write_event_areas(ctx, event_ids, areas)
    users = _user_pool(ctx)
    _write_registrations(ctx, registering, users, organizations)
    _write_grant_calls(ctx, organizations, areas)


# --- shared helpers (also used by the other modules of this package) ---------------------------


def local(day: datetime.date, hour: float) -> datetime.datetime:
    """An aware datetime at `hour` (e.g. 17.5 for 17:30) of a day in the centre's time zone."""
    minutes = round(hour * 60)
    return datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60), tzinfo=ZONE)


def heavy_tailed_picker(rng, items: list, sigma: float = 1.6):
    """A function returning one of `items` at a time, each with a log-normal weight: most items
    are rarely picked, a few very often."""
    if not items:
        return lambda: None
    cumulative = list(itertools.accumulate(rng.lognormvariate(0, sigma) for _ in items))
    total = cumulative[-1]
    random = rng.random
    return lambda: items[min(bisect.bisect(cumulative, random() * total), len(items) - 1)]


def weighted_picker(rng, choices: list, weights: list):
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]
    random = rng.random
    return lambda: choices[bisect.bisect(cumulative, random() * total)]


def day_picker(rng, first: datetime.date, last: datetime.date):
    """Days between `first` and `last`, weighted by weekday and season."""
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    weights = [WEEKDAY_WEIGHTS[day.weekday()] * MONTH_WEIGHTS[day.month - 1] for day in days]
    return weighted_picker(rng, days, weights)


def person_name(rng) -> str:
    random = rng.random
    first = FIRST_NAMES[int(random() * len(FIRST_NAMES))]
    return f"{first} {LAST_NAMES[int(random() * len(LAST_NAMES))]}"


def email_for(name: str, number: int) -> str:
    """A unique address at a reserved domain (RFC 2606), so nothing is ever sent anywhere."""
    return f"{_login(name)}.{number}@example.net"


@functools.cache
def _login(name: str) -> str:
    """ "Anna Nowak" -> "anna.nowak"; names repeat, so each is made once."""
    return slugify(name).replace("-", ".")


def address(rng) -> str:
    postal = f"{rng.randint(40, 44)}-{rng.randint(100, 999)}"
    return f"ul. {rng.choice(STREETS)} {rng.randint(1, 120)}, {postal} {rng.choice(TOWNS)}"


def description(rng, first: str) -> str:
    sentences = [first, *rng.sample(SENTENCES, rng.randint(2, 4))]
    return "<p>" + " ".join(sentences) + "</p>"


# --- events ------------------------------------------------------------------------------------


def _events(ctx, event_ids, organizations, districts, registering):
    rng, now = ctx.rng, ctx.now
    today = now.astimezone(ZONE).date()
    pick_day = day_picker(
        rng, ctx.start.astimezone(ZONE).date(), today + datetime.timedelta(FUTURE_DAYS)
    )
    pick_kind = weighted_picker(rng, KINDS, [kind[1] for kind in KINDS])
    pick_status = weighted_picker(rng, *zip(*STATUSES, strict=True))
    pick_organizer = heavy_tailed_picker(rng, organizations)
    titles = {kind: (pattern, topics.split("|")) for kind, (pattern, topics) in TITLES.items()}
    slugs: dict[str, str] = {}
    for event_id in event_ids:
        category, _weight, hours, registering_share, seats = pick_kind()
        day = pick_day()
        start, end, all_day = _times(rng, category, day, hours)
        pattern, topics = titles[category]
        topic = rng.choice(topics)
        title = pattern.format(topic)
        if category == Event.Category.EVENT:
            title = f"{title} – {rng.choice(TOWNS)}"
        stem = slugs.get(title) or slugs.setdefault(title, slugify(title)[:100])
        created = min(start - datetime.timedelta(days=rng.randint(5, 60)), now)
        status = pick_status()
        if start > now and status == Event.Status.POSTPONED:
            status = Event.Status.PUBLISHED
        takes = rng.random() < registering_share
        row = {
            "id": event_id,
            "title": title,
            "slug": f"{stem}-{event_id}",
            "description": description(rng, f"Zapraszamy: {title}."),
            "category": category,
            "organizer_id": pick_organizer() if rng.random() < 0.97 else None,
            "start": start,
            "end": end,
            "all_day": all_day,
            "place_name": rng.choice(PLACES).format(n=rng.randint(1, 40)),
            "address": address(rng),
            "district_id": rng.choice(districts) if districts and rng.random() < 0.5 else None,
            "online_url": f"https://spotkanie.example.org/{event_id}"
            if rng.random() < 0.05
            else "",
            "audience": "",
            "is_free": rng.random() < 0.85,
            "status": status,
            "status_note": "",
            "created_at": created,
            "updated_at": created,
            "published_at": created if status in Event.PUBLIC_STATUSES else None,
            "recurrence_rule": "",
            "recurrence_exceptions": [],
            "registration_enabled": takes,
        }
        if not row["is_free"]:
            row["price"] = f"{rng.choice((10, 20, 30, 50, 80))} zł"
        if takes:
            capacity = rng.randint(*seats)
            row |= {
                "capacity": capacity,
                "registration_opens": created,
                "registration_closes": start - datetime.timedelta(hours=rng.choice((2, 24, 48))),
                "registration_needs_confirmation": rng.random() < 0.15,
            }
            if status in Event.PUBLIC_STATUSES:
                registering.append(
                    {
                        "id": event_id,
                        "capacity": capacity,
                        "start": start,
                        "opens": created,
                        "closes": row["registration_closes"],
                        "needs_confirmation": row["registration_needs_confirmation"],
                        "cancelled": status != Event.Status.PUBLISHED,
                    }
                )
        yield row


def _times(rng, category, day, hours):
    """(start, end, all day) of one event: Friday ones in the evening, weekend ones by day."""
    if category == Event.Category.EVENT and rng.random() < 0.15:
        last = day + datetime.timedelta(days=rng.choice((0, 0, 1, 2)))
        return local(day, 0), datetime.datetime.combine(last, datetime.time.max, tzinfo=ZONE), True
    weekday = day.weekday()
    if weekday == 4:
        begin = rng.choice((16, 17, 17.5, 18, 18, 19))
    elif weekday >= 5:
        begin = rng.choice((9, 10, 10, 11, 12, 14, 15, 16))
    elif category in (Event.Category.MEETING, Event.Category.OTHER):
        begin = rng.choice((16, 17, 17, 18, 18.5))
    else:
        begin = rng.choice((8, 9, 9, 10, 10, 12, 14))
    length = round(rng.uniform(*hours) * 2) / 2
    begin = min(begin, 23 - length)
    start = local(day, begin)
    return start, start + datetime.timedelta(hours=length), False


def _write_event_areas(ctx, event_ids, areas):
    write_pairs(ctx, Event.areas.through, ("event_id", "areaofbenefit_id"), event_ids, areas, 0, 3)


def write_pairs(ctx, through, columns, left_ids, right_ids, fewest: int, most: int) -> None:
    """Rows of a many-to-many table: each left row with fewest…most distinct right rows;
    a block of left rows at a time, so a national run never holds millions of pairs."""
    if not right_ids:
        return
    rng = ctx.rng
    left, right = columns
    most = min(most, len(right_ids))
    for start in range(0, len(left_ids), PAIR_BLOCK):
        pairs = [
            (left_id, right_id)
            for left_id in left_ids[start : start + PAIR_BLOCK]
            for right_id in rng.sample(right_ids, rng.randint(fewest, most))
        ]
        ids = ctx.writer.reserve(through, len(pairs))
        ctx.writer.insert(
            through,
            (
                {"id": row_id, left: left_id, right: right_id}
                for row_id, (left_id, right_id) in zip(ids, pairs, strict=True)
            ),
        )


# --- registrations -----------------------------------------------------------------------------


def _user_pool(ctx) -> list[tuple[int, str, str]]:
    """(id, name, e-mail) of up to USER_POOL accounts registering for events."""
    ids = list(ctx.ids.get("users", []))
    if len(ids) > USER_POOL:
        ids = ctx.rng.sample(ids, USER_POOL)
    pool = []
    for start in range(0, len(ids), 5000):
        rows = User.objects.filter(pk__in=ids[start : start + 5000]).values_list(
            "pk", "first_name", "last_name", "email"
        )
        pool.extend(
            (pk, f"{first} {last}".strip() or email, email) for pk, first, last, email in rows
        )
    pool.sort()
    return pool


def _write_registrations(ctx, registering, users, organizations):
    total = sum(_registrations_wanted(ctx.rng, event, ctx.now) for event in registering)
    ids = ctx.writer.reserve(Registration, total)
    ctx.ids["registrations"] = ids
    feedback: list[tuple[int, datetime.datetime]] = []
    ctx.writer.insert(
        Registration, _registrations(ctx, registering, users, organizations, iter(ids), feedback)
    )
    feedback_ids = ctx.writer.reserve(EventFeedback, len(feedback))
    rng = ctx.rng
    comments = ("", "", "Bardzo dziękuję, świetna organizacja!", "Za mało czasu na pytania.")
    ctx.writer.insert(
        EventFeedback,
        (
            {
                "id": feedback_id,
                "registration_id": registration_id,
                "rating": rng.choice((3, 4, 4, 5, 5, 5)),
                "comment": rng.choice(comments),
                "created_at": sent,
            }
            for feedback_id, (registration_id, sent) in zip(feedback_ids, feedback, strict=True)
        ),
    )


def _registrations_wanted(rng, event, now) -> int:
    """How many people register: past events fill up (some overflow), future ones partly."""
    fill = rng.uniform(0.1, 1.2) if event["start"] < now else rng.uniform(0.0, 0.7)
    event["wanted"] = round(event["capacity"] * fill)
    return event["wanted"]


def _registrations(ctx, registering, users, organizations, ids, feedback):
    rng, now = ctx.rng, ctx.now
    random = rng.random
    confirmed_status, cancelled_status = (
        Registration.Status.CONFIRMED,
        Registration.Status.CANCELLED,
    )
    minute, day = datetime.timedelta(minutes=1), datetime.timedelta(days=1)
    for event in registering:
        wanted = event["wanted"]
        if not wanted:
            continue
        past = event["start"] < now
        reminder = event["start"] - day if past else None
        accounts = rng.sample(users, min(len(users), round(wanted * 0.7)))
        confirmed = 0
        opens = event["opens"]
        span = max((min(event["closes"], now) - opens).total_seconds(), 60)
        moments = sorted(random() * span for _ in range(wanted))
        for index, seconds in enumerate(moments):
            created = opens + datetime.timedelta(seconds=seconds)
            registration_id = next(ids)
            if index < len(accounts):
                user_id, name, email = accounts[index]
            else:
                user_id, name = None, person_name(rng)
                email = email_for(name, registration_id)
            status = _status(rng, event, past, user_id, confirmed)
            is_confirmed = status == confirmed_status
            confirmed += is_confirmed
            attended = past and is_confirmed and random() < 0.8
            yield {
                "id": registration_id,
                "event_id": event["id"],
                "user_id": user_id,
                "name": name[:200],
                "email": email,
                "organization_id": (
                    organizations[int(random() * len(organizations))]
                    if organizations and random() < 0.3
                    else None
                ),
                "language": "pl",
                "status": status,
                "attended": attended,
                "created_at": created,
                "confirmed_at": created + minute * (1 + int(random() * 600))
                if is_confirmed
                else None,
                "cancelled_at": created + minute * (60 + int(random() * 2880))
                if status == cancelled_status
                else None,
                "reminded_at": reminder if is_confirmed else None,
            }
            if attended and random() < 0.15:
                feedback.append((registration_id, event["start"] + day))


def _status(rng, event, past, user_id, confirmed) -> str:
    Status = Registration.Status
    if rng.random() < 0.07 or (event["cancelled"] and rng.random() < 0.5):
        return Status.CANCELLED
    if not past and event["needs_confirmation"] and rng.random() < 0.5:
        return Status.PENDING
    if not past and user_id is None and rng.random() < 0.15:
        return Status.UNCONFIRMED
    return Status.CONFIRMED if confirmed < event["capacity"] else Status.WAITLISTED


# --- grant calls -------------------------------------------------------------------------------


def _write_grant_calls(ctx, organizations, areas):
    rng = ctx.rng
    count = max(3, round(ctx.scale.events * GRANT_CALLS_PER_EVENT))
    ids = ctx.writer.reserve(GrantCall, count)
    today = ctx.now.astimezone(ZONE).date()
    first = ctx.start.astimezone(ZONE).date()
    kinds = GrantCall.Kind.values
    rows_areas = []

    def rows():
        for call_id in ids:
            announced = first + datetime.timedelta(days=rng.randint(0, (today - first).days + 60))
            deadline = local(announced + datetime.timedelta(days=rng.randint(21, 60)), 15.5)
            topic = rng.choice(GRANT_TOPICS)
            low = Decimal(rng.choice((1000, 5000, 10_000, 20_000)))
            funder = rng.choice(organizations) if organizations and rng.random() < 0.2 else None
            rows_areas.extend((call_id, area) for area in rng.sample(areas, min(len(areas), 2)))
            yield {
                "id": call_id,
                "title": f"Konkurs „{topic}” {announced.year}",
                "slug": f"{slugify(topic)}-{announced.year}-{call_id}",
                "kind": rng.choice(kinds),
                "funder_organization_id": funder,
                "funder_name": "" if funder else rng.choice(FUNDERS),
                "description": description(rng, f"Nabór wniosków w konkursie „{topic}”."),
                "eligibility": "Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy.",
                "budget": low * rng.randint(10, 200),
                "min_amount": low,
                "max_amount": low * rng.randint(2, 10),
                "own_contribution": "Co najmniej 10% wkładu własnego (także osobowego).",
                "announced_on": announced,
                "deadline": deadline,
                "results_on": deadline.date() + datetime.timedelta(days=30),
                "application_url": "https://wnioski.example.org/",
                "is_published": rng.random() < 0.95,
                "created_at": local(announced, 9),
                "updated_at": local(announced, 9),
            }

    ctx.writer.insert(GrantCall, rows())
    through = GrantCall.areas.through
    area_ids = ctx.writer.reserve(through, len(rows_areas))
    ctx.writer.insert(
        through,
        (
            {"id": row_id, "grantcall_id": call_id, "areaofbenefit_id": area}
            for row_id, (call_id, area) in zip(area_ids, rows_areas, strict=True)
        ),
    )
