"""Reference lists stored as data, each with its source. Plain Python only: migrations import it.

Areas of public benefit are the points of art. 4 ust. 1 of the Act of 24 April 2003 on public
benefit activity and volunteering, in the wording of the act (genitive phrases, as after
"zadania w zakresie:"). References to the consolidated texts of other acts ("Dz. U. z ... r.
poz. ...") are left out of the names because they change with every consolidation.
"""

import re

AREAS_SOURCE = (
    "art. 4 ust. 1 pkt {code} ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego"
    " i o wolontariacie (Dz.U. 2024 poz. 1491 t.j. z późn. zm.), stan na 2026-11"
)

# (point, slug, name)
AREAS_OF_PUBLIC_BENEFIT = [
    (
        "1",
        "pomoc-spoleczna",
        "pomocy społecznej, w tym pomocy rodzinom i osobom w trudnej sytuacji życiowej oraz"
        " wyrównywania szans tych rodzin i osób",
    ),
    ("1a", "wspieranie-rodziny", "wspierania rodziny i systemu pieczy zastępczej"),
    (
        "1aa",
        "potrzeby-mieszkaniowe",
        "tworzenia warunków do zaspokajania potrzeb mieszkaniowych wspólnoty samorządowej",
    ),
    (
        "1b",
        "nieodplatna-pomoc-prawna",
        "udzielania nieodpłatnej pomocy prawnej oraz zwiększania świadomości prawnej społeczeństwa",
    ),
    (
        "2",
        "integracja-zawodowa-i-spoleczna",
        "działalności na rzecz integracji i reintegracji zawodowej i społecznej osób zagrożonych"
        " wykluczeniem społecznym",
    ),
    ("3", "dzialalnosc-charytatywna", "działalności charytatywnej"),
    (
        "4",
        "tradycja-narodowa",
        "podtrzymywania i upowszechniania tradycji narodowej, pielęgnowania polskości oraz rozwoju"
        " świadomości narodowej, obywatelskiej i kulturowej",
    ),
    (
        "5",
        "mniejszosci-narodowe",
        "działalności na rzecz mniejszości narodowych i etnicznych oraz języka regionalnego",
    ),
    ("5a", "integracja-cudzoziemcow", "działalności na rzecz integracji cudzoziemców"),
    (
        "6",
        "ochrona-zdrowia",
        "ochrony i promocji zdrowia, w tym działalności leczniczej w rozumieniu ustawy z dnia"
        " 15 kwietnia 2011 r. o działalności leczniczej",
    ),
    ("7", "osoby-niepelnosprawne", "działalności na rzecz osób niepełnosprawnych"),
    (
        "8",
        "promocja-zatrudnienia",
        "promocji zatrudnienia i aktywizacji zawodowej osób pozostających bez pracy i zagrożonych"
        " zwolnieniem z pracy",
    ),
    ("9", "rowne-prawa", "działalności na rzecz równych praw kobiet i mężczyzn"),
    ("10", "seniorzy", "działalności na rzecz osób w wieku emerytalnym"),
    (
        "11",
        "rozwoj-gospodarczy",
        "działalności wspomagającej rozwój gospodarczy, w tym rozwój przedsiębiorczości",
    ),
    (
        "12",
        "innowacje",
        "działalności wspomagającej rozwój techniki, wynalazczości i innowacyjności oraz"
        " rozpowszechnianie i wdrażanie nowych rozwiązań technicznych w praktyce gospodarczej",
    ),
    (
        "13",
        "rozwoj-wspolnot-lokalnych",
        "działalności wspomagającej rozwój wspólnot i społeczności lokalnych",
    ),
    ("14", "edukacja", "nauki, szkolnictwa wyższego, edukacji, oświaty i wychowania"),
    (
        "15",
        "dzieci-i-mlodziez",
        "działalności na rzecz dzieci i młodzieży, w tym wypoczynku dzieci i młodzieży",
    ),
    ("16", "kultura", "kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego"),
    ("17", "kultura-fizyczna", "wspierania i upowszechniania kultury fizycznej"),
    ("18", "ekologia", "ekologii i ochrony zwierząt oraz ochrony dziedzictwa przyrodniczego"),
    ("19", "turystyka", "turystyki i krajoznawstwa"),
    ("20", "bezpieczenstwo-publiczne", "porządku i bezpieczeństwa publicznego"),
    (
        "21",
        "obronnosc",
        "obronności państwa i działalności Sił Zbrojnych Rzeczypospolitej Polskiej",
    ),
    (
        "22",
        "prawa-czlowieka",
        "upowszechniania i ochrony wolności i praw człowieka oraz swobód obywatelskich, a także"
        " działań wspomagających rozwój demokracji",
    ),
    ("22a", "poradnictwo-obywatelskie", "udzielania nieodpłatnego poradnictwa obywatelskiego"),
    ("23", "ratownictwo", "ratownictwa i ochrony ludności"),
    (
        "24",
        "pomoc-ofiarom-katastrof",
        "pomocy ofiarom katastrof, klęsk żywiołowych, konfliktów zbrojnych i wojen w kraju i za"
        " granicą",
    ),
    ("25", "prawa-konsumentow", "upowszechniania i ochrony praw konsumentów"),
    (
        "26",
        "integracja-europejska",
        "działalności na rzecz integracji europejskiej oraz rozwijania kontaktów i współpracy"
        " między społeczeństwami",
    ),
    ("27", "wolontariat", "promocji i organizacji wolontariatu"),
    ("28", "polonia", "pomocy Polonii i Polakom za granicą"),
    ("29", "kombatanci", "działalności na rzecz kombatantów i osób represjonowanych"),
    (
        "29a",
        "weterani",
        "działalności na rzecz weteranów i weteranów poszkodowanych w rozumieniu ustawy z dnia"
        " 19 sierpnia 2011 r. o weteranach działań poza granicami państwa",
    ),
    ("30", "promocja-polski", "promocji Rzeczypospolitej Polskiej za granicą"),
    (
        "31",
        "rodzina-i-prawa-dziecka",
        "działalności na rzecz rodziny, macierzyństwa, rodzicielstwa, upowszechniania i ochrony"
        " praw dziecka",
    ),
    ("32", "uzaleznienia", "przeciwdziałania uzależnieniom i patologiom społecznym"),
    ("32a", "rewitalizacja", "rewitalizacji"),
    (
        "33",
        "wsparcie-organizacji",
        "działalności wspomagającej technicznie, szkoleniowo, informacyjnie lub finansowo"
        " organizacje pozarządowe oraz podmioty wymienione w art. 3 ust. 3, w zakresie określonym"
        " w pkt 1\N{EN DASH}32a",
    ),
    (
        "34",
        "ekonomia-spoleczna",
        "działalności na rzecz podmiotów ekonomii społecznej i przedsiębiorstw społecznych,"
        " o których mowa w ustawie z dnia 5 sierpnia 2022 r. o ekonomii społecznej",
    ),
]

# Letters after a point number sort in the act's order: 1, 1a, 1aa, 1b, ...
_SUFFIX_RANK = {"": 0, "a": 1, "aa": 2, "b": 3, "c": 4, "d": 5}
_POINT = re.compile(r"(\d+)([a-z]*)")


def area_position(code: str) -> int:
    """A sortable number for a point: "1" -> 10, "1a" -> 11, "1b" -> 13, "32a" -> 321."""
    number, suffix = _POINT.fullmatch(code).groups()
    return int(number) * 10 + _SUFFIX_RANK[suffix]


def area_source(code: str) -> str:
    return AREAS_SOURCE.format(code=code)


# Districts (dzielnice) of Mysłowice: the city's 15 auxiliary units since Ławki was separated
# from Krasowy and Wesoła in 2015. (slug, name)
MYSLOWICE_DISTRICTS = [
    ("bonczyk-tuwima", "Bończyk-Tuwima"),
    ("brzeczkowice-slupna", "Brzęczkowice-Słupna"),
    ("brzezinka", "Brzezinka"),
    ("centrum", "Centrum"),
    ("dzieckowice", "Dziećkowice"),
    ("janow-miejski-cmok", "Janów Miejski-Ćmok"),
    ("kosztowy", "Kosztowy"),
    ("krasowy", "Krasowy"),
    ("larysz-hajdowizna", "Larysz-Hajdowizna"),
    ("lawki", "Ławki"),
    ("morgi", "Morgi"),
    ("piasek", "Piasek"),
    ("stare-miasto", "Stare Miasto"),
    ("szopena-wielka-skotnica", "Szopena-Wielka Skotnica"),
    ("wesola", "Wesoła"),
]

# A point inside each district (latitude, longitude), estimated from the city map to about a
# kilometre: enough to tell near from far when matching volunteers with offers. Staff correct
# them in /admin/ (Districts); a centre elsewhere enters its own.
MYSLOWICE_DISTRICT_POINTS = {
    "bonczyk-tuwima": (50.2465, 19.1290),
    "brzeczkowice-slupna": (50.2255, 19.1235),
    "brzezinka": (50.2190, 19.1530),
    "centrum": (50.2410, 19.1410),
    "dzieckowice": (50.1810, 19.1580),
    "janow-miejski-cmok": (50.2115, 19.1385),
    "kosztowy": (50.1960, 19.1330),
    "krasowy": (50.2075, 19.1720),
    "larysz-hajdowizna": (50.2555, 19.1480),
    "lawki": (50.2020, 19.1545),
    "morgi": (50.2625, 19.1685),
    "piasek": (50.2335, 19.1470),
    "stare-miasto": (50.2385, 19.1365),
    "szopena-wielka-skotnica": (50.2480, 19.1540),
    "wesola": (50.2065, 19.1080),
}


def load_reference_data(apps, schema_editor=None):
    """Create or update the areas and districts; `apps` is a migration's model registry or
    django.apps.apps."""
    AreaOfBenefit = apps.get_model("core", "AreaOfBenefit")
    District = apps.get_model("core", "District")
    for code, slug, name in AREAS_OF_PUBLIC_BENEFIT:
        AreaOfBenefit.objects.update_or_create(
            code=code,
            defaults={
                "slug": slug,
                "name": name,
                "position": area_position(code),
                "source": area_source(code),
                "is_active": True,
            },
        )
    for slug, name in MYSLOWICE_DISTRICTS:
        District.objects.update_or_create(slug=slug, defaults={"name": name})
