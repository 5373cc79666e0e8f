"""Demo volunteer offers of Mysłowice hosts: a school, MOPS, the library, NGOs and an informal
group; for adults, for young people from 13 and 16, and one for families with children from 10.

Idempotent: skills and offers are found by slug, so running it again (on any day) changes
nothing. Dates are relative to the day it first runs. Offers are written directly (no e-mails to
demo people) but checked with the same rules as the hosts' form.
"""

import datetime

from django.utils import timezone

from pomyslowice.organizations.demo_data import CENTRE_SLUG, REPRESENTED_ORGANIZATION

from . import availability
from .models import Offer, Skill
from .offer_services import check_rules

SKILLS = [
    ("opieka-nad-dziecmi", "Opieka nad dziećmi"),
    ("korepetycje", "Korepetycje i pomoc w nauce"),
    ("obsluga-komputera", "Obsługa komputera"),
    ("grafika", "Grafika i media społecznościowe"),
    ("fotografia", "Fotografia"),
    ("prawo-jazdy", "Prawo jazdy kat. B"),
    ("jezyk-angielski", "Język angielski"),
    ("jezyk-ukrainski", "Język ukraiński"),
    ("pierwsza-pomoc", "Pierwsza pomoc"),
    ("organizacja-wydarzen", "Organizacja wydarzeń"),
    ("rozmowa-z-seniorami", "Rozmowa i towarzyszenie seniorom"),
    ("prace-reczne", "Prace ręczne i plastyczne"),
]

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
MORNING, AFTERNOON, EVENING = range(3)

# slug, host, fields; "days": (start offset, end offset) from today; "expires": offset.
OFFERS = [
    {
        "slug": "pomoc-w-nauce-w-sp5",
        "host": "sp5-myslowice",
        "title": "Pomoc w nauce dla uczniów klas 1–3",
        "description": (
            "<p>Szkolny klub wolontariatu SP 5 szuka starszych uczniów i dorosłych, którzy raz"
            " w tygodniu pomogą najmłodszym w odrabianiu lekcji i czytaniu.</p><p>Zajęcia"
            " odbywają się w świetlicy szkolnej pod opieką nauczyciela.</p>"
        ),
        "tasks": "Pomoc w odrabianiu lekcji\nGłośne czytanie z dziećmi\nGry edukacyjne",
        "skills": ["korepetycje", "opieka-nad-dziecmi"],
        "areas": ["14", "27"],
        "district": "janow-miejski-cmok",
        "address": "ul. Janowska 60, świetlica szkolna",
        "schedule": Offer.Schedule.RECURRING,
        "schedule_note": "we wtorki i czwartki 13:30–15:00",
        "slots": [(TUE, AFTERNOON), (THU, AFTERNOON)],
        "duration": Offer.Duration.LONG,
        "days": (7, 180),
        "places": 6,
        "min_age": 16,
        "works_with_children": True,
        "offers_training": True,
        "contact_phone": "+48 32 000 20 05",
    },
    {
        "slug": "swiateczna-paczka-mops",
        "host": "mops-myslowice",
        "title": "Świąteczna paczka dla seniora",
        "description": (
            "<p>Przed świętami MOPS przygotowuje paczki dla samotnych seniorów. Potrzebujemy"
            " rąk do pakowania darów i osób z samochodem do ich rozwiezienia.</p>"
        ),
        "tasks": "Sortowanie i pakowanie darów\nRoznoszenie paczek razem z pracownikiem MOPS",
        "skills": ["organizacja-wydarzen", "prawo-jazdy"],
        "areas": ["1", "10", "3"],
        "district": "stare-miasto",
        "address": "ul. Mickiewicza 3",
        "schedule": Offer.Schedule.ONE_OFF,
        "schedule_note": "sobota 9:00–14:00",
        "slots": [(SAT, MORNING)],
        "duration": Offer.Duration.SHORT,
        "days": (21, 21),
        "places": 15,
        "min_age": 13,
        "covers_travel": True,
        "expires": 20,
    },
    {
        "slug": "towarzyszenie-osobom-samotnym",
        "host": "mops-myslowice",
        "title": "Towarzyszenie osobom samotnym",
        "description": (
            "<p>Odwiedziny u starszych osób mieszkających samotnie: rozmowa, spacer, pomoc"
            " w drobnych zakupach. Wolontariusz ma stałą osobę, którą odwiedza.</p>"
        ),
        "tasks": "Cotygodniowe odwiedziny\nRozmowa i spacer\nDrobne zakupy",
        "skills": ["rozmowa-z-seniorami"],
        "areas": ["10", "1"],
        "district": "centrum",
        "schedule": Offer.Schedule.RECURRING,
        "schedule_note": "raz w tygodniu, w dniu uzgodnionym z seniorem",
        "slots": [(MON, AFTERNOON), (WED, AFTERNOON), (FRI, AFTERNOON)],
        "duration": Offer.Duration.LONG,
        "days": (14, None),
        "places": 8,
        "min_age": 18,
        "offers_training": True,
        "covers_travel": True,
    },
    {
        "slug": "rodzinne-sprzatanie-przemszy",
        "host": "sprzatamy-przemsze",
        "title": "Rodzinne sprzątanie brzegów Przemszy",
        "description": (
            "<p>Wiosenne sprzątanie brzegu Przemszy przy Wesołej. Zapraszamy całe rodziny:"
            " dzieci od 10 lat przychodzą z rodzicem lub opiekunem. Rękawice i worki"
            " zapewniamy.</p>"
        ),
        "tasks": "Zbieranie śmieci wzdłuż brzegu\nSegregacja zebranych odpadów",
        "skills": [],
        "areas": ["18"],
        "district": "wesola",
        "address": "zbiórka przy moście na ul. Wiejskiej",
        "schedule": Offer.Schedule.ONE_OFF,
        "schedule_note": "sobota 10:00–13:00",
        "slots": [(SAT, MORNING)],
        "duration": Offer.Duration.SHORT,
        "days": (28, 28),
        "places": 40,
        "min_age": 10,
        "offers_certificate": False,
        "offers_other": "ciepły posiłek po akcji",
    },
    {
        "slug": "komputer-dla-seniora-biblioteka",
        "host": "biblioteka-myslowice",
        "title": "Lekcje komputera dla seniorów w bibliotece",
        "description": (
            "<p>Seniorzy uczą się w bibliotece obsługi telefonu, poczty i bankowości"
            " internetowej. Szukamy cierpliwych osób, które poprowadzą zajęcia w parach.</p>"
        ),
        "tasks": "Pomoc przy komputerze i smartfonie\nWyjaśnianie krok po kroku",
        "skills": ["obsluga-komputera", "rozmowa-z-seniorami"],
        "areas": ["10", "14"],
        "district": "stare-miasto",
        "address": "ul. Rynek 10, czytelnia",
        "schedule": Offer.Schedule.RECURRING,
        "schedule_note": "w środy 10:00–12:00",
        "slots": [(WED, MORNING)],
        "duration": Offer.Duration.LONG,
        "days": (10, 120),
        "places": 4,
        "min_age": 16,
        "offers_training": True,
    },
    {
        "slug": "swietlica-na-slupnej",
        "host": REPRESENTED_ORGANIZATION,
        "title": "Zajęcia w świetlicy dla dzieci na Słupnej",
        "description": (
            "<p>Nasza świetlica przyjmuje po szkole dzieci z okolicy. Szukamy dorosłych"
            " wolontariuszy do zajęć plastycznych i gier.</p>"
        ),
        "tasks": "Prowadzenie zajęć plastycznych\nGry i zabawy ruchowe\nPomoc przy podwieczorku",
        "skills": ["opieka-nad-dziecmi", "prace-reczne"],
        "areas": ["13", "14"],
        "district": "brzeczkowice-slupna",
        "address": "ul. Kolejowa 14",
        "schedule": Offer.Schedule.RECURRING,
        "schedule_note": "od poniedziałku do piątku 15:00–18:00, co najmniej raz w tygodniu",
        "slots": [(day, AFTERNOON) for day in (MON, TUE, WED, THU, FRI)],
        "duration": Offer.Duration.LONG,
        "days": (7, None),
        "places": 3,
        "min_age": 18,
        "works_with_children": True,
        "offers_training": True,
        "contact": "representative",
    },
    {
        "slug": "grafika-zdalnie-cis",
        "host": CENTRE_SLUG,
        "title": "Grafiki i posty dla organizacji – zdalnie",
        "description": (
            "<p>Pomóż małym organizacjom z Mysłowic: przygotuj plakat, grafikę na Facebooka"
            " albo prostą ulotkę. Pracujesz zdalnie, kiedy masz czas.</p>"
        ),
        "tasks": "Projekty plakatów i ulotek\nGrafiki do mediów społecznościowych",
        "skills": ["grafika", "obsluga-komputera"],
        "areas": ["33", "27"],
        "is_remote": True,
        "schedule": Offer.Schedule.FLEXIBLE,
        "duration": Offer.Duration.LONG,
        "places": 5,
        "min_age": 16,
        "expires": 150,
    },
    {
        "slug": "festiwal-mok-obsluga",
        "host": "mok-myslowice",
        "title": "Obsługa miejskiego festiwalu",
        "description": (
            "<p>Trzy dni koncertów i warsztatów na Rynku. Wolontariusze pomagają w punkcie"
            " informacji, przy warsztatach dla dzieci i w strefie dla rodzin.</p>"
        ),
        "tasks": "Punkt informacji\nPomoc przy warsztatach\nRozdawanie programów",
        "skills": ["organizacja-wydarzen", "jezyk-angielski", "fotografia"],
        "areas": ["16"],
        "district": "centrum",
        "address": "Rynek",
        "schedule": Offer.Schedule.ONE_OFF,
        "schedule_note": "piątek–niedziela, dyżury po 4 godziny",
        "slots": [(FRI, EVENING), (SAT, AFTERNOON), (SAT, EVENING), (SUN, AFTERNOON)],
        "duration": Offer.Duration.SHORT,
        "days": (35, 37),
        "places": 20,
        "min_age": 16,
        "offers_other": "koszulka festiwalowa i posiłki",
        "expires": 30,
    },
    {
        "slug": "kino-sasiedzkie-seanse",
        "host": "kino-sasiedzkie",
        "title": "Pomoc przy seansach Kina Sąsiedzkiego",
        "description": (
            "<p>Raz w miesiącu wyświetlamy film w sali MOK i rozmawiamy o nim. Przyda się pomoc"
            " w przygotowaniu sali, przy wejściu i w promocji seansów.</p>"
        ),
        "tasks": "Przygotowanie sali\nObsługa wejścia\nRozwieszanie plakatów",
        "skills": ["organizacja-wydarzen", "grafika"],
        "areas": ["16", "13"],
        "district": "centrum",
        "schedule": Offer.Schedule.FLEXIBLE,
        "duration": Offer.Duration.LONG,
        "places": 4,
        "min_age": 13,
    },
    {
        "slug": "spacery-z-seniorami-aktywna-jesien",
        "host": "aktywna-jesien",
        "title": "Spacery z seniorami po Parku Słupna",
        "description": (
            "<p>Przez cztery tygodnie prowadzimy spacery nordic walking dla seniorów. Szukamy"
            " osób, które będą szły z grupą i pomogą osobom wolniejszym.</p>"
        ),
        "tasks": "Towarzyszenie grupie na spacerze\nPomoc przy rozgrzewce",
        "skills": ["rozmowa-z-seniorami", "pierwsza-pomoc"],
        "areas": ["10", "17"],
        "district": "brzeczkowice-slupna",
        "address": "Park Słupna, wejście od ul. Kolejowej",
        "schedule": Offer.Schedule.RECURRING,
        "schedule_note": "w poniedziałki i czwartki 10:00–11:30",
        "slots": [(MON, MORNING), (THU, MORNING)],
        "duration": Offer.Duration.SHORT,
        "days": (14, 41),
        "places": 3,
        "min_age": 18,
        "status": Offer.Status.REVIEW,
    },
]


def _skills() -> dict[str, Skill]:
    return {
        slug: Skill.objects.get_or_create(slug=slug, defaults={"name": name, "position": i})[0]
        for i, (slug, name) in enumerate(SKILLS)
    }


def _offer_fields(spec: dict, today: datetime.date, users: dict, districts: dict) -> dict:
    plain = {
        key: value
        for key, value in spec.items()
        if key
        not in (
            "slug",
            "host",
            "skills",
            "areas",
            "district",
            "slots",
            "days",
            "expires",
            "contact",
        )
    }
    fields = {
        **plain,
        "district": districts.get(spec.get("district")),
        "availability": availability.mask(spec.get("slots", [])),
        "contact_person": users.get(spec.get("contact", "")),
    }
    start, end = spec.get("days", (None, None))
    fields["starts_on"] = today + datetime.timedelta(days=start) if start is not None else None
    fields["ends_on"] = today + datetime.timedelta(days=end) if end is not None else None
    if spec.get("expires") is not None:
        fields["expires_on"] = today + datetime.timedelta(days=spec["expires"])
    fields.setdefault("status", Offer.Status.PUBLISHED)
    if fields["status"] == Offer.Status.PUBLISHED:
        fields["published_at"] = timezone.now()
    return fields


def seed(*, users: dict, organizations: dict, areas: dict, districts: dict, **_inputs) -> dict:
    skills = _skills()
    today = timezone.localdate()
    offers, created = {}, 0
    for spec in OFFERS:
        host = organizations.get(spec["host"])
        if host is None:
            continue
        existing = Offer.objects.filter(slug=spec["slug"]).first()
        if existing is not None:
            offers[spec["slug"]] = existing
            continue
        offer = Offer(
            host=host,
            slug=spec["slug"],
            created_by=users.get("volunteer_caretaker"),
            **_offer_fields(spec, today, users, districts),
        )
        check_rules(offer)
        offer.save()
        offer.skills.set([skills[slug] for slug in spec["skills"]])
        offer.areas.set([areas[code] for code in spec["areas"] if code in areas])
        offers[spec["slug"]] = offer
        created += 1
    return {
        "counts": {"skills": len(skills), "offers": len(offers), "offers created": created},
        "skills": skills,
        "offers": offers,
    }
