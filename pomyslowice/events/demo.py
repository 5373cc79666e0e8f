"""Demo events and grant calls for Mysłowice, dated relative to today so the calendar is alive.

Rows are keyed by slug; a second run moves them to the same days relative to the new date.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from .models import Event, GrantCall

CENTRE = "stowarzyszenie-cis-myslowice"
CENTRE_ADDRESS = "ul. Grunwaldzka 12, 41-400 Mysłowice (siedziba ośrodka, sala szkoleniowa)"

# The centre's trainings take registrations: a room of 16 seats, a waitlist beyond it.
TRAINING_REGISTRATION = {
    "registration_enabled": True,
    "capacity": 16,
    "registration_consent_text": "Zgadzam się na przetwarzanie moich danych przez ośrodek w celu "
    "organizacji szkolenia i rozliczenia projektu (lista obecności, zaświadczenie).",
}

# (slug, title, category, organiser, co-organisers, days from today, start hour, hours,
#  status, areas, district, extra fields)
EVENTS = [
    (
        "szkolenie-fundraising",
        "Skąd wziąć pieniądze? Fundraising dla małych organizacji",
        Event.Category.TRAINING,
        CENTRE,
        (),
        14,
        10,
        5,
        Event.Status.PUBLISHED,
        ("33", "13"),
        "centrum",
        {
            "description": "<p>Szkolenie dla zarządów i wolontariuszy małych stowarzyszeń: "
            "dotacje samorządowe, 1,5% podatku, zbiórki publiczne i crowdfunding. Każdy "
            "uczestnik wychodzi z planem pozyskiwania środków na najbliższy rok.</p>",
            "audience": "członkowie zarządów i wolontariusze organizacji pozarządowych",
            "accessibility": "Sala na parterze, bez progów; toaleta dostosowana. "
            "Tłumacza PJM zapewnimy po zgłoszeniu tydzień wcześniej.",
        },
    ),
    (
        "szkolenie-zarzadzanie-organizacja",
        "Zarządzanie organizacją pozarządową – od statutu do sprawozdania",
        Event.Category.TRAINING,
        CENTRE,
        (),
        28,
        10,
        5,
        Event.Status.PUBLISHED,
        ("33",),
        "centrum",
        {
            "description": "<p>Obowiązki zarządu, księgowość uproszczona, sprawozdania do KRS "
            "i urzędu skarbowego, ochrona danych osobowych. Praktyczne wzory dokumentów do "
            "zabrania.</p>",
            "audience": "osoby prowadzące stowarzyszenia i fundacje",
            "accessibility": "Sala na parterze, bez progów; pętla indukcyjna.",
        },
    ),
    (
        "szkolenie-partnerstwa",
        "Partnerstwa lokalne: jak współpracować z samorządem i biznesem",
        Event.Category.TRAINING,
        CENTRE,
        ("urzad-miasta-myslowice",),
        42,
        10,
        5,
        Event.Status.PUBLISHED,
        ("13", "33"),
        "centrum",
        {
            "description": "<p>Jak zbudować „małe partnerstwo”: mapa sojuszników w dzielnicy, "
            "umowa partnerska, wspólny wniosek. Z udziałem pracowników Urzędu Miasta.</p>",
            "audience": "organizacje, grupy nieformalne, firmy zaangażowane społecznie",
        },
    ),
    (
        "forum-organizacji-pozarzadowych",
        "Forum organizacji pozarządowych Mysłowic",
        Event.Category.MEETING,
        "urzad-miasta-myslowice",
        (CENTRE,),
        21,
        17,
        2,
        Event.Status.PUBLISHED,
        ("33",),
        "centrum",
        {
            "description": "<p>Doroczne spotkanie organizacji z władzami miasta: program "
            "współpracy na przyszły rok i konsultacje priorytetów otwartych konkursów.</p>",
            "address": "Urząd Miasta Mysłowice, ul. Powstańców 1, sala sesyjna",
        },
    ),
    (
        "warsztaty-witkac",
        "Warsztaty online: wniosek w generatorze Witkac krok po kroku",
        Event.Category.WORKSHOP,
        CENTRE,
        (),
        9,
        16,
        2,
        Event.Status.PUBLISHED,
        ("33",),
        None,
        {
            "description": "<p>Na żywo wypełniamy przykładowy wniosek w małym grancie (art. 19a): "
            "budżet, harmonogram, rezultaty. Pytania na czacie.</p>",
            "online_url": "https://spotkania.example.org/witkac-warsztaty",
        },
    ),
    (
        "piknik-sasiedzki-piasek",
        "Piknik sąsiedzki na Piasku",
        Event.Category.EVENT,
        "sasiedzi-bonczyk",
        ("biblioteka-myslowice",),
        17,
        12,
        5,
        Event.Status.PUBLISHED,
        ("13", "16"),
        "piasek",
        {
            "description": "<p>Gry dla dzieci, kiermasz ciast, wymiana książek i koncert "
            "młodzieżowej orkiestry. Przynieś koc!</p>",
            "address": "skwer przy ul. Piaskowej",
            "accessibility": "Teren płaski, utwardzony.",
        },
    ),
    (
        "konferencja-wolontariatu",
        "Mysłowicka konferencja wolontariatu",
        Event.Category.CONFERENCE,
        CENTRE,
        ("mops-myslowice", "pup-myslowice"),
        35,
        9,
        7,
        Event.Status.PUBLISHED,
        ("27",),
        "centrum",
        {
            "description": "<p>Prawo o wolontariacie w praktyce: porozumienia, ubezpieczenie, "
            "zaświadczenia i wolontariat osób niepełnoletnich. Giełda ofert organizacji.</p>",
            "address": "Miejski Ośrodek Kultury, ul. Grunwaldzka 9",
        },
    ),
    (
        "wolontariat-spotkanie-sp5",
        "Wolontariat – spotkanie z uczniami klas 7 i 8",
        Event.Category.SCHOOL_MEETING,
        "sp5-myslowice",
        (CENTRE,),
        11,
        11,
        1,
        Event.Status.PUBLISHED,
        ("27", "15"),
        None,
        {
            "description": "<p>Opowiadamy, jak zacząć pomagać i gdzie w mieście czekają na "
            "młodych wolontariuszy.</p>"
        },
    ),
    (
        "spacer-stare-miasto",
        "Spacer historyczny po Starym Mieście",
        Event.Category.EVENT,
        "milosnicy-ziemi-myslowickiej",
        (),
        6,
        15,
        2,
        Event.Status.CANCELLED,
        ("16", "19"),
        "stare-miasto",
        {
            "description": "<p>Szlakiem dawnych kamienic i cegielni.</p>",
            "address": "zbiórka przy kościele Narodzenia NMP",
            "status_note": "Przewodnik zachorował; nowy termin ogłosimy w kalendarzu.",
        },
    ),
    (
        "turniej-szachowy-slupna",
        "Turniej szachowy o puchar Słupnej",
        Event.Category.EVENT,
        "stowarzyszenie-przyjaciol-slupnej",
        (),
        24,
        10,
        6,
        Event.Status.SUBMITTED,
        ("17",),
        "brzeczkowice-slupna",
        {
            "description": "<p>Turniej dla dzieci i dorosłych, tempo 15 minut.</p>",
            "address": "świetlica przy ul. Słupskiej 10",
        },
    ),
    (
        "dzien-otwarty-osrodka",
        "Dzień otwarty ośrodka wsparcia",
        Event.Category.EVENT,
        CENTRE,
        (),
        -12,
        10,
        6,
        Event.Status.PUBLISHED,
        ("33",),
        "centrum",
        {"description": "<p>Poznaj opiekunów organizacji, sale i sprzęt do wypożyczenia.</p>"},
    ),
]

# (slug, title, kind, funder slug or name, areas, days to deadline, max amount, extra fields)
GRANT_CALLS = [
    (
        "otwarty-konkurs-kultura",
        "Otwarty konkurs ofert: kultura i ochrona dziedzictwa narodowego",
        GrantCall.Kind.OPEN_COMPETITION,
        "urzad-miasta-myslowice",
        ("16",),
        25,
        Decimal("30000"),
        {"budget": Decimal("120000"), "own_contribution": "co najmniej 10% wkładu własnego"},
    ),
    (
        "maly-grant-sport",
        "Mały grant (art. 19a): zajęcia sportowe dla dzieci w wakacje",
        GrantCall.Kind.SMALL_GRANT,
        "urzad-miasta-myslowice",
        ("17", "15"),
        5,
        Decimal("10000"),
        {"own_contribution": "wkład osobowy (praca wolontariuszy) dopuszczalny"},
    ),
    (
        "fundusz-sasiedzki",
        "Fundusz Sąsiedzki – inicjatywy mieszkańców",
        GrantCall.Kind.PRIVATE_PROGRAMME,
        "Fundacja Wspólne Podwórka (program ogólnopolski)",
        ("13",),
        40,
        Decimal("5000"),
        {"eligibility": "grupy nieformalne z opiekunem organizacji oraz stowarzyszenia zwykłe"},
    ),
    (
        "fio-priorytet-1",
        "Program rządowy wspierania małych organizacji – priorytet 1",
        GrantCall.Kind.PUBLIC_PROGRAMME,
        "Narodowy Instytut Wolności (program rządowy)",
        ("33",),
        60,
        Decimal("200000"),
        {"min_amount": Decimal("20000")},
    ),
    (
        "konkurs-seniorzy-zamkniety",
        "Otwarty konkurs ofert: aktywizacja seniorów",
        GrantCall.Kind.OPEN_COMPETITION,
        "urzad-miasta-myslowice",
        ("10",),
        -10,
        Decimal("25000"),
        {"results_offset_days": 20},
    ),
]


def seed(*, users: dict, organizations: dict, areas: dict, districts: dict) -> dict:
    today = timezone.localdate()
    for spec in EVENTS:
        _seed_event(
            spec,
            today=today,
            users=users,
            organizations=organizations,
            areas=areas,
            districts=districts,
        )
    for spec in GRANT_CALLS:
        _seed_grant_call(spec, today=today, users=users, organizations=organizations, areas=areas)
    slugs = [spec[0] for spec in EVENTS]
    return {
        "published_events": Event.objects.published().filter(slug__in=slugs).count(),
        "events_awaiting_approval": Event.objects.pending().filter(slug__in=slugs).count(),
        "grant_calls": GrantCall.objects.filter(slug__in=[spec[0] for spec in GRANT_CALLS]).count(),
    }


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _seed_event(spec, *, today, users, organizations, areas, districts) -> None:
    (
        slug,
        title,
        category,
        organizer,
        co_organizers,
        days,
        hour,
        hours,
        status,
        area_codes,
        district,
        extra,
    ) = spec
    start = _local(today + datetime.timedelta(days=days), hour)
    fields = {
        "title": title,
        "category": category,
        "organizer": organizations[organizer],
        "start": start,
        "end": start + datetime.timedelta(hours=hours),
        "status": status,
        "district": districts.get(district),
        "address": CENTRE_ADDRESS if organizer == CENTRE else "",
        "submitted_by": users["representative"] if status == Event.Status.SUBMITTED else None,
        "published_at": None
        if status == Event.Status.SUBMITTED
        else start - datetime.timedelta(days=30),
        **extra,
    }
    if category == Event.Category.TRAINING:
        fields.update(TRAINING_REGISTRATION, registration_closes=start - datetime.timedelta(days=1))
    event, _created = Event.objects.update_or_create(slug=slug, defaults=fields)
    event.areas.set([areas[code] for code in area_codes])
    event.co_organizers.set([organizations[slug] for slug in co_organizers])


def _seed_grant_call(spec, *, today, users, organizations, areas) -> None:
    slug, title, kind, funder, area_codes, days, max_amount, extra = spec
    extra = dict(extra)
    results_offset = extra.pop("results_offset_days", 30)
    deadline = _local(today + datetime.timedelta(days=days), 15)
    fields = {
        "title": title,
        "kind": kind,
        "funder_organization": organizations.get(funder),
        "funder_name": "" if funder in organizations else funder,
        "description": f"<p>{title}. Szczegóły, wzory dokumentów i regulamin w systemie "
        "naboru. Ośrodek pomaga w przygotowaniu wniosku – umów się na doradztwo.</p>",
        "eligibility": "organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy działające "
        "na rzecz mieszkańców Mysłowic",
        "max_amount": max_amount,
        "announced_on": today + datetime.timedelta(days=days - 45),
        "deadline": deadline,
        "results_on": (deadline + datetime.timedelta(days=results_offset)).date(),
        "application_url": "https://witkac.example.org/myslowice",
        "created_by": users["coordinator"],
        **extra,
    }
    call, _created = GrantCall.objects.update_or_create(slug=slug, defaults=fields)
    call.areas.set([areas[code] for code in area_codes])
