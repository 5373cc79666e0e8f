"""Demo content for Mysłowice, written by us. Every person, address and number here is invented.

Organisation descriptions are the sanitised HTML the editor stores (paragraphs only). Districts
are slugs from core.reference_data, areas are points of art. 4 ust. 1. `serial` makes each
organisation's fictional KRS/NIP/REGON stable across runs; `ids` says which of them it has
(public units get none, so no real institution is shown with an invented number).
"""

from pomyslowice.accounts.roles import Role

DEMO_PASSWORD = "demo1234!"  # the published password of demo accounts  # nosec B105
OPERATOR_EMAIL = "admin@pomyslowice.local"

# persona -> account; persona keys match tests/conftest.py.
PERSONAS = {
    "resident": {
        "label": "resident",
        "email": "mieszkanka@demo.pomyslowice.pl",
        "first_name": "Teresa",
        "last_name": "Malinowska",
    },
    "representative": {
        "label": "organisation representative",
        "email": "przedstawiciel@demo.pomyslowice.pl",
        "first_name": "Grzegorz",
        "last_name": "Pietrzyk",
    },
    "volunteer": {
        "label": "volunteer",
        "email": "wolontariuszka@demo.pomyslowice.pl",
        "first_name": "Natalia",
        "last_name": "Kurek",
        "birth_date": "1996-05-14",
    },
    "volunteer_minor": {
        "label": "volunteer (minor, 16)",
        "email": "mlody-wolontariusz@demo.pomyslowice.pl",
        "first_name": "Kacper",
        "last_name": "Wieczorek",
        "age": 16,
    },
    "coordinator": {
        "label": "coordinator",
        "email": "koordynator@demo.pomyslowice.pl",
        "first_name": "Marek",
        "last_name": "Szymanek",
        "role": Role.COORDINATOR,
    },
    "analyst": {
        "label": "analyst",
        "email": "analityk@demo.pomyslowice.pl",
        "first_name": "Joanna",
        "last_name": "Bednarz",
        "role": Role.ANALYST,
    },
    "ngo_caretaker": {
        "label": "NGO caretaker",
        "email": "opiekun-organizacji@demo.pomyslowice.pl",
        "first_name": "Beata",
        "last_name": "Sowa",
        "role": Role.NGO_CARETAKER,
    },
    "volunteer_caretaker": {
        "label": "volunteer caretaker",
        "email": "opiekun-wolontariuszy@demo.pomyslowice.pl",
        "first_name": "Paweł",
        "last_name": "Grabowski",
        "role": Role.VOLUNTEER_CARETAKER,
    },
    "technical_admin": {
        "label": "technical admin",
        "email": "administrator@demo.pomyslowice.pl",
        "first_name": "Rafał",
        "last_name": "Mazurek",
        "role": Role.TECHNICAL_ADMIN,
    },
}

CENTRE_SLUG = "stowarzyszenie-cis-myslowice"
REPRESENTED_ORGANIZATION = "stowarzyszenie-przyjaciol-slupnej"

ORGANIZATIONS = [
    {
        "slug": CENTRE_SLUG,
        "name": "Stowarzyszenie CIS Mysłowice",
        "short_name": "CIS Mysłowice",
        "kind": "stowarzyszenie",
        "district": "centrum",
        "street": "ul. Grunwaldzka 12",
        "postal_code": "41-400",
        "email": "kontakt@cis-myslowice.example.org",
        "phone": "+48 32 000 10 00",
        "website": "https://cis-myslowice.example.org",
        "serial": 1,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("33", "13", "27", "2"),
        "description": (
            "<p>Prowadzimy ośrodek wsparcia dla organizacji pozarządowych i aktywnych mieszkańców"
            " Mysłowic. Doradzamy przy zakładaniu i prowadzeniu organizacji, udostępniamy sale,"
            " sprzęt i adres do korespondencji, a każda organizacja może mieć swojego stałego"
            " opiekuna.</p><p>Łączymy organizacje z samorządem, firmami i wolontariuszami"
            " \N{EN DASH} zajrzyj do kalendarza szkoleń albo umów się na poradę.</p>"
        ),
    },
    {
        "slug": REPRESENTED_ORGANIZATION,
        "name": "Stowarzyszenie Przyjaciół Słupnej",
        "kind": "stowarzyszenie",
        "district": "brzeczkowice-slupna",
        "street": "ul. Kolejowa 14",
        "postal_code": "41-400",
        "email": "kontakt@przyjaciele-slupnej.example.org",
        "phone": "+48 32 000 10 02",
        "website": "https://przyjaciele-slupnej.example.org",
        "serial": 2,
        "ids": ("krs", "nip", "regon"),
        "areas": ("13", "16", "32a"),
        "caretaker": True,
        "description": (
            "<p>Od lat dbamy o to, by na Słupnej działo się coś dobrego: sprzątamy skwery,"
            " organizujemy sąsiedzkie pikniki i spacery historyczne. Prowadzimy też małą świetlicę"
            " dla dzieci z okolicy.</p><p>Szukamy osób, które chcą współtworzyć kalendarz wydarzeń"
            " w dzielnicy.</p>"
        ),
    },
    {
        "slug": "milosnicy-ziemi-myslowickiej",
        "name": "Stowarzyszenie Miłośników Ziemi Mysłowickiej",
        "kind": "stowarzyszenie",
        "district": "stare-miasto",
        "street": "ul. Krakowska 7",
        "postal_code": "41-400",
        "email": "biuro@ziemia-myslowicka.example.org",
        "phone": "+48 32 000 10 03",
        "serial": 3,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("16", "4", "19"),
        "caretaker": True,
        "description": (
            "<p>Zbieramy wspomnienia, zdjęcia i dokumenty dotyczące historii Mysłowic. Wydajemy"
            " broszury o dawnych kopalniach, cegielniach i kamienicach Starego Miasta, a co miesiąc"
            " zapraszamy na spotkanie z historią przy herbacie.</p><p>W wakacje prowadzimy"
            " bezpłatne spacery do Trójkąta Trzech Cesarzy.</p>"
        ),
    },
    {
        "slug": "rodziny-zastepcze-przystan",
        "name": "Stowarzyszenie Rodzin Zastępczych „Przystań”",
        "short_name": "Przystań",
        "kind": "stowarzyszenie",
        "district": "morgi",
        "street": "ul. Wybickiego 40",
        "postal_code": "41-409",
        "email": "przystan@rodziny-przystan.example.org",
        "phone": "+48 32 000 10 04",
        "serial": 4,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("1a", "31", "15"),
        "caretaker": True,
        "description": (
            "<p>Wspieramy rodziny zastępcze i adopcyjne z Mysłowic i okolic. Organizujemy grupy"
            " wsparcia, konsultacje z psychologiem i wspólne wyjazdy dla dzieci.</p><p>Pomagamy"
            " także osobom, które dopiero zastanawiają się nad stworzeniem rodziny"
            " zastępczej.</p>"
        ),
    },
    {
        "slug": "aktywna-jesien",
        "name": "Stowarzyszenie Seniorów „Aktywna Jesień”",
        "short_name": "Aktywna Jesień",
        "kind": "stowarzyszenie",
        "district": "piasek",
        "street": "ul. Mikołowska 18",
        "postal_code": "41-400",
        "email": "seniorzy@aktywna-jesien.example.org",
        "phone": "+48 32 000 10 05",
        "serial": 5,
        "ids": ("krs", "nip", "regon"),
        "areas": ("10", "13", "17"),
        "description": (
            "<p>Jesteśmy grupą ponad stu seniorek i seniorów z Piasku i sąsiednich dzielnic."
            " Spotykamy się na zajęciach gimnastycznych, warsztatach komputerowych i wieczorach"
            " poezji.</p><p>Chętnie przyjmiemy wolontariuszy, którzy pomogą nam w nauce obsługi"
            " smartfonów i bankowości internetowej.</p>"
        ),
    },
    {
        "slug": "razem-latwiej",
        "name": "Stowarzyszenie „Razem Łatwiej” na rzecz Osób z Niepełnosprawnościami",
        "short_name": "Razem Łatwiej",
        "kind": "stowarzyszenie",
        "district": "kosztowy",
        "street": "ul. Kosztowska 31",
        "postal_code": "41-408",
        "email": "biuro@razem-latwiej.example.org",
        "phone": "+48 32 000 10 06",
        "serial": 6,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("7", "2", "6"),
        "caretaker": True,
        "description": (
            "<p>Pomagamy osobom z niepełnosprawnościami i ich bliskim w codziennych sprawach: od"
            " dojazdów na rehabilitację po formalności w urzędach. Prowadzimy warsztaty rękodzieła"
            " i klub integracyjny.</p><p>Razem z pracodawcami szukamy miejsc pracy dostosowanych"
            " do potrzeb naszych podopiecznych.</p>"
        ),
    },
    {
        "slug": "ratownictwo-wodne-przemsza",
        "name": "Stowarzyszenie Ratownictwa Wodnego „Przemsza”",
        "kind": "stowarzyszenie",
        "district": "dzieckowice",
        "street": "ul. Oświęcimska 120",
        "postal_code": "41-412",
        "email": "dyzur@ratownicy-przemsza.example.org",
        "phone": "+48 32 000 10 07",
        "serial": 7,
        "ids": ("krs", "nip", "regon"),
        "areas": ("23", "17", "20"),
        "description": (
            "<p>Zrzeszamy ratowniczki i ratowników wodnych z Mysłowic. Latem pełnimy dyżury nad"
            " wodą, a przez cały rok uczymy dzieci i dorosłych pływania oraz udzielania pierwszej"
            " pomocy.</p><p>W szkołach prowadzimy bezpłatne pogadanki o bezpiecznym wypoczynku"
            " nad wodą.</p>"
        ),
    },
    {
        "slug": "rowerowe-trzy-rzeki",
        "name": "Stowarzyszenie Rowerowe „Trzy Rzeki”",
        "kind": "stowarzyszenie",
        "district": "wesola",
        "street": "ul. Leśna 5",
        "postal_code": "41-400",
        "email": "trasy@trzy-rzeki.example.org",
        "serial": 8,
        "ids": ("krs", "nip", "regon"),
        "areas": ("17", "19", "18"),
        "status": "pending",
        "submitted_by": "resident",
        "description": (
            "<p>Chcemy, żeby po Mysłowicach dało się bezpiecznie jeździć rowerem. Wyznaczamy"
            " i opisujemy trasy rekreacyjne, organizujemy rodzinne rajdy i zbieramy uwagi"
            " mieszkańców o drogach rowerowych.</p>"
        ),
    },
    {
        "slug": "sasiedzi-bonczyk",
        "name": "Stowarzyszenie Sąsiedzkie Bończyk",
        "kind": "stowarzyszenie",
        "district": "bonczyk-tuwima",
        "street": "ul. Tuwima 15",
        "postal_code": "41-400",
        "email": "sasiedzi@bonczyk.example.org",
        "phone": "+48 32 000 10 09",
        "serial": 9,
        "ids": ("krs", "nip", "regon"),
        "areas": ("13", "32a", "15"),
        "description": (
            "<p>Łączymy mieszkańców bloków na Bończyku. Zakładamy ogródki przy blokach, prowadzimy"
            " wymiennik książek i organizujemy sąsiedzkie kino pod chmurką.</p><p>Zależy nam, żeby"
            " osiedlowe podwórka znów były miejscem spotkań dzieci, rodziców i seniorów.</p>"
        ),
    },
    {
        "slug": "fundacja-zielony-janow",
        "name": "Fundacja Zielony Janów",
        "kind": "fundacja",
        "district": "janow-miejski-cmok",
        "street": "ul. Janowska 27",
        "postal_code": "41-400",
        "email": "fundacja@zielony-janow.example.org",
        "phone": "+48 32 000 10 10",
        "website": "https://zielony-janow.example.org",
        "serial": 10,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("18", "14"),
        "caretaker": True,
        "description": (
            "<p>Sadzimy drzewa, budujemy budki lęgowe i prowadzimy zajęcia przyrodnicze dla szkół"
            " z Janowa Miejskiego i Ćmoka. Opiekujemy się też łąką kwietną przy ulicy"
            " Janowskiej.</p><p>Zapraszamy rodziny na comiesięczne sobotnie sprzątanie terenów"
            " zielonych.</p>"
        ),
    },
    {
        "slug": "fundacja-otwarte-drzwi",
        "name": "Fundacja Otwarte Drzwi",
        "kind": "fundacja",
        "district": "centrum",
        "street": "ul. Bytomska 10",
        "postal_code": "41-400",
        "email": "pomoc@otwarte-drzwi.example.org",
        "phone": "+48 32 000 10 11",
        "serial": 11,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("5a", "1b", "22a", "8"),
        "description": (
            "<p>Pomagamy cudzoziemcom, którzy zamieszkali w Mysłowicach, odnaleźć się w nowym"
            " miejscu. Prowadzimy bezpłatne kursy języka polskiego, dyżury doradców i prawników"
            " oraz pomagamy w kontaktach z urzędami.</p><p>Raz w miesiącu organizujemy spotkania,"
            " na których poznajemy kuchnię i zwyczaje naszych nowych sąsiadów.</p>"
        ),
    },
    {
        "slug": "fundacja-dobry-start",
        "name": "Fundacja Dobry Start",
        "kind": "fundacja",
        "district": "larysz-hajdowizna",
        "street": "ul. Laryska 64",
        "postal_code": "41-404",
        "email": "swietlica@dobry-start.example.org",
        "phone": "+48 32 000 10 12",
        "serial": 12,
        "ids": ("krs", "nip", "regon"),
        "areas": ("15", "14", "2"),
        "caretaker": True,
        "description": (
            "<p>Prowadzimy świetlicę dla dzieci i młodzieży z Larysza i Hajdowizny: pomagamy"
            " w odrabianiu lekcji, organizujemy zajęcia plastyczne i wyjazdy wakacyjne.</p><p>Dla"
            " starszej młodzieży przygotowaliśmy warsztaty pisania CV i przygotowania do pierwszej"
            " rozmowy o pracę.</p>"
        ),
    },
    {
        "slug": "fundacja-miodne-myslowice",
        "name": "Fundacja Miodne Mysłowice",
        "kind": "fundacja",
        "district": "lawki",
        "street": "ul. Makuszyńskiego 14",
        "postal_code": "41-400",
        "email": "pszczoly@miodne-myslowice.example.org",
        "serial": 13,
        "ids": ("krs", "nip", "regon"),
        "areas": ("18", "14"),
        "status": "pending",
        "submitted_by": "representative",
        "description": (
            "<p>Chcemy założyć miejską pasiekę edukacyjną i pokazywać dzieciom, jak ważne są"
            " pszczoły. Planujemy warsztaty w szkołach i przedszkolach oraz wysiewanie łąk"
            " kwietnych w dzielnicach.</p>"
        ),
    },
    {
        "slug": "fundacja-zdrowie-na-co-dzien",
        "name": "Fundacja Zdrowie na Co Dzień",
        "kind": "fundacja",
        "district": "szopena-wielka-skotnica",
        "street": "ul. Wielka Skotnica 40",
        "postal_code": "41-400",
        "email": "kontakt@zdrowie-na-co-dzien.example.org",
        "phone": "+48 32 000 10 14",
        "serial": 14,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("6", "32", "10"),
        "description": (
            "<p>Promujemy zdrowy styl życia wśród mieszkańców Mysłowic. Organizujemy bezpłatne"
            " badania profilaktyczne, warsztaty zdrowego gotowania i spotkania z dietetykiem.</p>"
            "<p>Prowadzimy też zajęcia z profilaktyki uzależnień dla uczniów szkół"
            " podstawowych.</p>"
        ),
    },
    {
        "slug": "krasowianie",
        "name": "Stowarzyszenie Zwykłe „Krasowianie”",
        "short_name": "Krasowianie",
        "kind": "stowarzyszenie-zwykle",
        "district": "krasowy",
        "email": "krasowianie@example.org",
        "serial": 15,
        "ids": ("nip", "regon"),
        "areas": ("13", "16", "3"),
        "uses_centre_address": True,
        "caretaker": True,
        "description": (
            "<p>Jesteśmy mieszkańcami Krasów, którzy lubią działać razem. Organizujemy festyn"
            " dzielnicowy, sąsiedzkie dożynki i zbiórki dla potrzebujących rodzin.</p><p>Listy"
            " prosimy kierować na adres ośrodka wsparcia CIS.</p>"
        ),
    },
    {
        "slug": "kino-sasiedzkie",
        "name": "Stowarzyszenie Zwykłe Kino Sąsiedzkie",
        "kind": "stowarzyszenie-zwykle",
        "district": "stare-miasto",
        "email": "seanse@kino-sasiedzkie.example.org",
        "areas": ("16", "13"),
        "uses_centre_address": True,
        "description": (
            "<p>Raz w miesiącu pokazujemy w kawiarniach i świetlicach Starego Miasta filmy,"
            " o których potem rozmawiamy. Wstęp jest wolny, a repertuar wybierają widzowie.</p>"
        ),
    },
    {
        "slug": "klub-pionek",
        "name": "Stowarzyszenie Zwykłe Klub Gier Planszowych „Pionek”",
        "short_name": "Klub Pionek",
        "kind": "stowarzyszenie-zwykle",
        "district": "brzezinka",
        "street": "ul. Kombatantów 12",
        "postal_code": "41-406",
        "email": "gramy@klub-pionek.example.org",
        "serial": 16,
        "ids": ("regon",),
        "areas": ("15", "16"),
        "description": (
            "<p>Spotykamy się w każdy piątek wieczorem, żeby grać w gry planszowe. Uczymy zasad"
            " nowe osoby, prowadzimy turnieje dla młodzieży i wypożyczamy gry szkołom.</p>"
        ),
    },
    {
        "slug": "kgw-kosztowianki",
        "name": "Koło Gospodyń Wiejskich „Kosztowianki”",
        "kind": "kgw",
        "district": "kosztowy",
        "street": "ul. Kosztowska 80",
        "postal_code": "41-408",
        "email": "kgw@kosztowianki.example.org",
        "phone": "+48 32 000 10 17",
        "serial": 17,
        "ids": ("nip", "regon"),
        "areas": ("4", "13", "16"),
        "caretaker": True,
        "description": (
            "<p>Kultywujemy śląskie tradycje kulinarne i rękodzielnicze. Pieczemy kołocze na"
            " festyny, prowadzimy warsztaty wicia wieńców i uczymy młodsze pokolenia gwary.</p>"
            "<p>Chętnie gościmy na spotkaniach mieszkanki i mieszkańców innych dzielnic.</p>"
        ),
    },
    {
        "slug": "kgw-przy-zalewie",
        "name": "Koło Gospodyń Wiejskich „Przy Zalewie”",
        "kind": "kgw",
        "district": "dzieckowice",
        "street": "ul. Kolonia 3",
        "postal_code": "41-412",
        "email": "kgw@przy-zalewie.example.org",
        "serial": 18,
        "ids": ("nip", "regon"),
        "areas": ("4", "10", "13"),
        "description": (
            "<p>Nasze koło działa w Dziećkowicach, niedaleko zalewu. Organizujemy jarmarki"
            " rękodzieła, wspólne gotowanie dla seniorów i warsztaty dla dzieci w czasie"
            " ferii.</p>"
        ),
    },
    {
        "slug": "uks-orlik-brzeczkowice",
        "name": "Uczniowski Klub Sportowy „Orlik” Brzęczkowice",
        "short_name": "UKS Orlik",
        "kind": "uks",
        "district": "brzeczkowice-slupna",
        "street": "ul. Ziętka 60",
        "postal_code": "41-400",
        "email": "treningi@uks-orlik.example.org",
        "phone": "+48 32 000 10 19",
        "serial": 19,
        "ids": ("nip", "regon"),
        "areas": ("17", "15"),
        "description": (
            "<p>Prowadzimy treningi piłki nożnej i lekkiej atletyki dla dzieci ze szkół"
            " w Brzęczkowicach. Gramy w ligach szkolnych i organizujemy wakacyjne obozy"
            " sportowe.</p><p>Zajęcia dla najmłodszych są bezpłatne dzięki wsparciu rodziców"
            " i lokalnych firm.</p>"
        ),
    },
    {
        "slug": "uks-olimpijczyk",
        "name": "Uczniowski Klub Sportowy „Olimpijczyk”",
        "short_name": "UKS Olimpijczyk",
        "kind": "uks",
        "district": "larysz-hajdowizna",
        "street": "ul. Laryska 90",
        "postal_code": "41-404",
        "email": "klub@uks-olimpijczyk.example.org",
        "serial": 20,
        "ids": ("nip", "regon"),
        "areas": ("17", "15"),
        "description": (
            "<p>Nasz klub działa przy szkole w Laryszu. Uczymy dzieci gry w siatkówkę i tenisa"
            " stołowego, a zimą organizujemy wyjścia na lodowisko.</p>"
        ),
    },
    {
        "slug": "spoldzielnia-smaczny-kasek",
        "name": "Spółdzielnia Socjalna „Smaczny Kąsek”",
        "short_name": "Smaczny Kąsek",
        "kind": "inna-ngo",
        "district": "centrum",
        "street": "ul. Katowicka 22",
        "postal_code": "41-400",
        "email": "zamowienia@smaczny-kasek.example.org",
        "phone": "+48 32 000 10 21",
        "serial": 21,
        "ids": ("krs", "nip", "regon"),
        "areas": ("2", "8", "34"),
        "description": (
            "<p>Jesteśmy spółdzielnią socjalną założoną przez osoby, które długo szukały pracy."
            " Przygotowujemy catering na spotkania i szkolenia oraz prowadzimy bar z domowymi"
            " obiadami.</p><p>Nadwyżki przeznaczamy na rozwój spółdzielni i szkolenia naszych"
            " członków.</p>"
        ),
    },
    {
        "slug": "klub-abstynenta-przystanek",
        "name": "Klub Abstynenta „Przystanek”",
        "kind": "inna-ngo",
        "district": "piasek",
        "street": "ul. Pocztowa 9",
        "postal_code": "41-400",
        "email": "przystanek@klub-abstynenta.example.org",
        "phone": "+48 32 000 10 22",
        "serial": 22,
        "ids": ("krs", "nip", "regon"),
        "is_public_benefit": True,
        "areas": ("32", "1"),
        "description": (
            "<p>Wspieramy osoby wychodzące z uzależnienia i ich rodziny. Prowadzimy grupy"
            " samopomocowe, dyżury telefoniczne i spotkania integracyjne bez alkoholu.</p>"
        ),
    },
    {
        "slug": "sprzatamy-przemsze",
        "name": "Grupa „Sprzątamy Przemszę”",
        "kind": "grupa-nieformalna",
        "district": "wesola",
        "email": "sprzatamy-przemsze@example.org",
        "areas": ("18",),
        "uses_centre_address": True,
        "caretaker": True,
        "description": (
            "<p>Jesteśmy nieformalną grupą mieszkańców, którzy kilka razy w roku sprzątają brzegi"
            " Przemszy i jej dopływów. Sprzęt wypożyczamy z ośrodka CIS, a worki na śmieci"
            " zapewnia miasto.</p>"
        ),
    },
    {
        "slug": "mamy-z-morgow",
        "name": "Mamy z Morgów",
        "kind": "grupa-nieformalna",
        "district": "morgi",
        "email": "mamy-z-morgow@example.org",
        "areas": ("31", "13"),
        "status": "pending",
        "submitted_by": "resident",
        "description": (
            "<p>Jesteśmy grupą mam z Morgów. Organizujemy wymianki ubranek, spotkania przy kawie"
            " i zabawy dla maluchów na placu zabaw przy szkole.</p>"
        ),
    },
    {
        "slug": "lawkowe-ogrodki",
        "name": "Grupa Sąsiedzka „Ławkowe Ogródki”",
        "kind": "grupa-nieformalna",
        "district": "lawki",
        "email": "ogrodki@example.org",
        "areas": ("18", "13"),
        "description": (
            "<p>Wspólnie uprawiamy warzywa i zioła w ogrodzie społecznym w Ławkach. Dzielimy się"
            " nasionami, plonami i wiedzą \N{EN DASH} dołączyć może każdy, także bez"
            " doświadczenia.</p>"
        ),
    },
    {
        "slug": "piekarnia-zloty-klos",
        "name": "Piekarnia „Złoty Kłos” sp. z o.o.",
        "short_name": "Piekarnia Złoty Kłos",
        "kind": "firma-csr",
        "district": "krasowy",
        "street": "ul. Krasowska 55",
        "postal_code": "41-400",
        "email": "biuro@zloty-klos.example.org",
        "phone": "+48 32 000 10 26",
        "serial": 23,
        "ids": ("krs", "nip", "regon"),
        "areas": ("1", "3"),
        "description": (
            "<p>Jesteśmy rodzinną piekarnią z Mysłowic. Codziennie przekazujemy niesprzedane"
            " pieczywo do jadłodzielni i świetlic, a przed świętami fundujemy paczki dla rodzin"
            " wskazanych przez MOPS.</p>"
        ),
    },
    {
        "slug": "zielony-dach-instalacje",
        "name": "Zielony Dach Instalacje sp. z o.o.",
        "short_name": "Zielony Dach",
        "kind": "firma-csr",
        "district": "szopena-wielka-skotnica",
        "street": "ul. Szopena 8",
        "postal_code": "41-400",
        "email": "csr@zielony-dach.example.org",
        "website": "https://zielony-dach.example.org",
        "serial": 24,
        "ids": ("krs", "nip", "regon"),
        "areas": ("18", "12", "14"),
        "description": (
            "<p>Montujemy instalacje fotowoltaiczne i pompy ciepła. W ramach społecznej"
            " odpowiedzialności biznesu prowadzimy w szkołach lekcje o oszczędzaniu energii"
            " i wspieramy wolontariat pracowniczy przy sadzeniu drzew.</p>"
        ),
    },
    {
        "slug": "drukarnia-trojkat",
        "name": "Drukarnia „Trójkąt” s.c.",
        "short_name": "Drukarnia Trójkąt",
        "kind": "firma-csr",
        "district": "bonczyk-tuwima",
        "street": "ul. Katowicka 140",
        "postal_code": "41-400",
        "email": "druk@drukarnia-trojkat.example.org",
        "serial": 25,
        "ids": ("nip", "regon"),
        "areas": ("33", "16"),
        "description": (
            "<p>Drukujemy ulotki, plakaty i zaproszenia. Co roku bezpłatnie drukujemy"
            " mysłowickim organizacjom pozarządowym materiały na wybrane wydarzenia"
            " \N{EN DASH} wystarczy zgłosić się przez ośrodek CIS.</p>"
        ),
    },
    {
        "slug": "hurtownia-okazja",
        "name": "Hurtownia „Okazja” sp. z o.o.",
        "kind": "firma-csr",
        "district": "brzezinka",
        "street": "ul. Obrzeżna 2",
        "postal_code": "41-406",
        "email": "sprzedaz@hurtownia-okazja.example.org",
        "serial": 26,
        "ids": ("nip", "regon"),
        "areas": ("11",),
        "status": "rejected",
        "submitted_by": "resident",
        "rejection_reason": (
            "Opis dotyczy wyłącznie oferty handlowej hurtowni i nie wskazuje działań na rzecz"
            " mieszkańców ani organizacji. Prosimy o ponowne zgłoszenie z opisem działań"
            " społecznych firmy."
        ),
        "description": (
            "<p>Hurtowa sprzedaż artykułów chemicznych i papierniczych. Atrakcyjne rabaty dla"
            " stałych klientów.</p>"
        ),
    },
    {
        "slug": "urzad-miasta-myslowice",
        "name": "Urząd Miasta Mysłowice",
        "short_name": "UM Mysłowice",
        "kind": "jednostka-publiczna",
        "district": "centrum",
        "street": "ul. Powstańców 1",
        "postal_code": "41-400",
        "email": "ngo@um-myslowice.example.org",
        "phone": "+48 32 000 20 00",
        "areas": ("13", "33"),
        "description": (
            "<p>Urząd Miasta wspiera organizacje pozarządowe w ramach rocznego programu"
            " współpracy: ogłasza otwarte konkursy ofert, udziela małych grantów i konsultuje"
            " z organizacjami projekty uchwał.</p><p>Informacje o konkursach i inicjatywie"
            " lokalnej publikujemy także na tej platformie.</p>"
        ),
    },
    {
        "slug": "mops-myslowice",
        "name": "Miejski Ośrodek Pomocy Społecznej w Mysłowicach",
        "short_name": "MOPS Mysłowice",
        "kind": "jednostka-publiczna",
        "district": "stare-miasto",
        "street": "ul. Mickiewicza 3",
        "postal_code": "41-400",
        "email": "sekretariat@mops-myslowice.example.org",
        "phone": "+48 32 000 20 01",
        "areas": ("1", "1a", "2"),
        "description": (
            "<p>MOPS pomaga osobom i rodzinom w trudnej sytuacji życiowej. Współpracujemy"
            " z organizacjami pozarządowymi przy dożywianiu, pomocy sąsiedzkiej i wsparciu"
            " seniorów.</p><p>Zapraszamy wolontariuszy do akcji świątecznych i do towarzyszenia"
            " osobom samotnym.</p>"
        ),
    },
    {
        "slug": "pup-myslowice",
        "name": "Powiatowy Urząd Pracy w Mysłowicach",
        "short_name": "PUP Mysłowice",
        "kind": "jednostka-publiczna",
        "district": "piasek",
        "street": "ul. Mikołowska 4",
        "postal_code": "41-400",
        "email": "kontakt@pup-myslowice.example.org",
        "phone": "+48 32 000 20 02",
        "areas": ("8", "2"),
        "description": (
            "<p>Powiatowy Urząd Pracy pomaga osobom bezrobotnym i poszukującym pracy oraz"
            " pracodawcom. Organizacje pozarządowe znajdą u nas informacje o stażach, dotacjach"
            " na zatrudnienie i szkoleniach.</p>"
        ),
    },
    {
        "slug": "biblioteka-myslowice",
        "name": "Miejska Biblioteka Publiczna w Mysłowicach",
        "short_name": "MBP Mysłowice",
        "kind": "jednostka-publiczna",
        "district": "stare-miasto",
        "street": "ul. Rynek 10",
        "postal_code": "41-400",
        "email": "biblioteka@mbp-myslowice.example.org",
        "phone": "+48 32 000 20 03",
        "areas": ("16", "14", "10"),
        "description": (
            "<p>Biblioteka to nie tylko książki: prowadzimy kluby czytelnicze, lekcje dla szkół,"
            " zajęcia komputerowe dla seniorów i spotkania autorskie. Nasze filie działają"
            " w kilku dzielnicach miasta.</p><p>Organizacje mogą u nas bezpłatnie zorganizować"
            " spotkanie lub wystawę.</p>"
        ),
    },
    {
        "slug": "mok-myslowice",
        "name": "Miejski Ośrodek Kultury w Mysłowicach",
        "short_name": "MOK Mysłowice",
        "kind": "jednostka-publiczna",
        "district": "centrum",
        "street": "ul. Grunwaldzka 9",
        "postal_code": "41-400",
        "email": "mok@mok-myslowice.example.org",
        "phone": "+48 32 000 20 04",
        "areas": ("16", "15"),
        "description": (
            "<p>MOK prowadzi pracownie artystyczne, zespoły taneczne i muzyczne oraz organizuje"
            " miejskie wydarzenia kulturalne. Z organizacjami współpracujemy przy festiwalach,"
            " koncertach i warsztatach dla dzieci.</p>"
        ),
    },
    {
        "slug": "sp5-myslowice",
        "name": "Szkoła Podstawowa nr 5 w Mysłowicach",
        "short_name": "SP 5",
        "kind": "jednostka-publiczna",
        "district": "janow-miejski-cmok",
        "street": "ul. Janowska 60",
        "postal_code": "41-400",
        "email": "sekretariat@sp5-myslowice.example.org",
        "phone": "+48 32 000 20 05",
        "areas": ("14", "15", "27"),
        "description": (
            "<p>W naszej szkole działa klub wolontariatu, który współpracuje z organizacjami"
            " z dzielnicy. Uczniowie pomagają w schronisku, w jadłodzielni i podczas"
            " festynów.</p>"
        ),
    },
    {
        "slug": "sp8-myslowice",
        "name": "Szkoła Podstawowa nr 8 w Mysłowicach",
        "short_name": "SP 8",
        "kind": "jednostka-publiczna",
        "district": "wesola",
        "street": "ul. Szkolna 4",
        "postal_code": "41-400",
        "email": "sekretariat@sp8-myslowice.example.org",
        "phone": "+48 32 000 20 06",
        "areas": ("14", "17"),
        "description": (
            "<p>Szkoła udostępnia salę gimnastyczną i boisko organizacjom sportowym z Wesołej."
            " Realizujemy też projekty ekologiczne z lokalnymi fundacjami.</p>"
        ),
    },
    {
        "slug": "zsp2-myslowice",
        "name": "Zespół Szkół Ponadpodstawowych nr 2 w Mysłowicach",
        "short_name": "ZSP 2",
        "kind": "jednostka-publiczna",
        "district": "brzeczkowice-slupna",
        "street": "ul. Ziętka 20",
        "postal_code": "41-400",
        "email": "sekretariat@zsp2-myslowice.example.org",
        "phone": "+48 32 000 20 07",
        "areas": ("14", "8", "26"),
        "description": (
            "<p>Kształcimy w technikum i liceum. Nasi uczniowie odbywają praktyki u lokalnych"
            " pracodawców i biorą udział w wymianach młodzieży ze szkołami partnerskimi"
            " w Europie.</p>"
        ),
    },
]

# A membership claim waiting for staff, so the moderation queue has a claim to show.
PENDING_CLAIM = {
    "persona": "resident",
    "organization": "kino-sasiedzkie",
    "message": "Od dwóch lat współprowadzę seanse Kina Sąsiedzkiego i chcę aktualizować profil.",
}

ALL_CONSENTS = ("name", "bio", "areas", "skills", "organizations", "photo", "contact")
NO_PHOTO = ("name", "bio", "areas", "skills", "organizations", "contact")
NO_CONTACT = ("name", "bio", "areas", "skills", "organizations", "photo")
NO_PHOTO_NO_CONTACT = ("name", "bio", "areas", "skills", "organizations")

# Local leaders. `added_by` is the staff persona who entered the profile on the leader's behalf.
PEOPLE = [
    {
        "slug": "halina-nowicka",
        "full_name": "Halina Nowicka",
        "email": "h.nowicka@example.org",
        "district": "piasek",
        "organizations": ("aktywna-jesien",),
        "areas": ("10", "13"),
        "skills": "zajęcia ruchowe dla seniorów, organizacja wycieczek",
        "bio": (
            "Emerytowana nauczycielka wychowania fizycznego. Od dziesięciu lat prowadzi zajęcia"
            " gimnastyczne dla seniorów i organizuje wycieczki krajoznawcze."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "volunteer_caretaker",
    },
    {
        "slug": "grzegorz-pietrzyk",
        "full_name": "Grzegorz Pietrzyk",
        "email": "przedstawiciel@demo.pomyslowice.pl",
        "user": "representative",
        "district": "brzeczkowice-slupna",
        "organizations": (REPRESENTED_ORGANIZATION,),
        "areas": ("13", "16"),
        "skills": "pisanie wniosków grantowych, historia dzielnicy",
        "bio": (
            "Prezes Stowarzyszenia Przyjaciół Słupnej. Pomaga sąsiadom zamieniać pomysły"
            " w projekty i chętnie dzieli się doświadczeniem w pisaniu wniosków."
        ),
        "consents": ALL_CONSENTS,
    },
    {
        "slug": "agnieszka-kolodziej",
        "full_name": "Agnieszka Kołodziej",
        "email": "a.kolodziej@example.org",
        "district": "morgi",
        "organizations": ("rodziny-zastepcze-przystan",),
        "areas": ("1a", "31"),
        "skills": "mediacje rodzinne, prowadzenie grup wsparcia",
        "bio": (
            "Od piętnastu lat prowadzi rodzinę zastępczą. Współtworzy grupy wsparcia dla rodziców"
            " zastępczych i adopcyjnych."
        ),
        "consents": NO_PHOTO,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "wojciech-kaczmarczyk",
        "full_name": "Wojciech Kaczmarczyk",
        "email": "w.kaczmarczyk@example.org",
        "district": "dzieckowice",
        "organizations": ("ratownictwo-wodne-przemsza",),
        "areas": ("23", "17"),
        "skills": "ratownictwo wodne, kursy pierwszej pomocy",
        "bio": (
            "Ratownik wodny i instruktor pływania. Każdego lata koordynuje dyżury ratowników"
            " nad zalewem w Dziećkowicach."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "volunteer_caretaker",
    },
    {
        "slug": "monika-bielecka",
        "full_name": "Monika Bielecka",
        "email": "m.bielecka@example.org",
        "district": "centrum",
        "organizations": ("fundacja-otwarte-drzwi",),
        "areas": ("5a", "14"),
        "skills": "nauczanie polskiego jako obcego, język ukraiński",
        "bio": (
            "Lektorka języka polskiego jako obcego. W Fundacji Otwarte Drzwi prowadzi kursy"
            " dla dorosłych i zajęcia wyrównawcze dla dzieci."
        ),
        "consents": NO_CONTACT,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "sebastian-gawron",
        "full_name": "Sebastian Gawron",
        "email": "s.gawron@example.org",
        "district": "brzeczkowice-slupna",
        "organizations": ("uks-orlik-brzeczkowice",),
        "areas": ("17", "15"),
        "skills": "trening piłki nożnej, organizacja turniejów",
        "bio": (
            "Trener dzieci i młodzieży w UKS Orlik. Organizuje coroczny turniej piłkarski"
            " szkół z Brzęczkowic."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "volunteer_caretaker",
    },
    {
        "slug": "ewelina-stolarczyk",
        "full_name": "Ewelina Stolarczyk",
        "email": "e.stolarczyk@example.org",
        "district": "kosztowy",
        "organizations": ("kgw-kosztowianki",),
        "areas": ("4", "16"),
        "skills": "rękodzieło, kuchnia śląska",
        "bio": (
            "Przewodnicząca Koła Gospodyń Wiejskich „Kosztowianki”. Prowadzi warsztaty"
            " wypieku kołoczy i wicia wieńców dożynkowych."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "dariusz-mrozek",
        "full_name": "Dariusz Mrozek",
        "email": "d.mrozek@example.org",
        "district": "bonczyk-tuwima",
        "organizations": ("sasiedzi-bonczyk",),
        "areas": ("13", "32a"),
        "skills": "ogrodnictwo miejskie, animacja sąsiedzka",
        "bio": (
            "Animator sąsiedzki z Bończyka. Zakłada z mieszkańcami ogródki przy blokach"
            " i organizuje osiedlowe kino plenerowe."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "krystyna-adamczyk",
        "full_name": "Krystyna Adamczyk",
        "email": "k.adamczyk@example.org",
        "district": "stare-miasto",
        "organizations": ("milosnicy-ziemi-myslowickiej",),
        "areas": ("16", "4"),
        "skills": "historia regionu, porządkowanie archiwów",
        "bio": (
            "Pasjonatka historii Mysłowic. Zbiera stare fotografie i spisuje wspomnienia"
            " mieszkańców Starego Miasta."
        ),
        "consents": NO_PHOTO,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "lucja-ferenc",
        "full_name": "Łucja Ferenc",
        "email": "l.ferenc@example.org",
        "district": "janow-miejski-cmok",
        "organizations": ("fundacja-zielony-janow",),
        "areas": ("18", "14"),
        "skills": "edukacja przyrodnicza, prowadzenie warsztatów",
        "bio": (
            "Biolożka i edukatorka. Prowadzi zajęcia terenowe dla szkół i opiekuje się łąką"
            " kwietną Fundacji Zielony Janów."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "volunteer_caretaker",
    },
    {
        "slug": "patryk-sobczyk",
        "full_name": "Patryk Sobczyk",
        "email": "p.sobczyk@example.org",
        "district": "wesola",
        "organizations": ("sprzatamy-przemsze",),
        "areas": ("18",),
        "skills": "organizacja akcji sprzątania, media społecznościowe",
        "bio": (
            "Student i inicjator grupy „Sprzątamy Przemszę”. Zbiera ochotników przez media"
            " społecznościowe i dba o to, by każda akcja kończyła się wspólnym ogniskiem."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "volunteer_caretaker",
    },
    {
        "slug": "renata-wilczek",
        "full_name": "Renata Wilczek",
        "email": "r.wilczek@example.org",
        "district": "kosztowy",
        "organizations": ("razem-latwiej",),
        "areas": ("7", "2"),
        "skills": "doradztwo zawodowe, polski język migowy",
        "bio": (
            "Doradczyni zawodowa. Pomaga osobom z niepełnosprawnościami w szukaniu pracy"
            " i uczy podstaw polskiego języka migowego."
        ),
        "consents": NO_CONTACT,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "jaroslaw-kubica",
        "full_name": "Jarosław Kubica",
        "email": "j.kubica@example.org",
        "district": "centrum",
        "organizations": ("spoldzielnia-smaczny-kasek",),
        "areas": ("2", "34"),
        "skills": "gastronomia, ekonomia społeczna",
        "bio": (
            "Współzałożyciel spółdzielni socjalnej „Smaczny Kąsek”. Doradza grupom, które"
            " chcą założyć własną spółdzielnię."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "dominika-pawlak",
        "full_name": "Dominika Pawlak",
        "email": "d.pawlak@example.org",
        "district": "larysz-hajdowizna",
        "organizations": ("fundacja-dobry-start",),
        "areas": ("15", "14"),
        "skills": "pedagogika, praca z młodzieżą",
        "bio": (
            "Pedagożka prowadząca świetlicę Fundacji Dobry Start. Organizuje wakacyjne wyjazdy"
            " i warsztaty dla nastolatków."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "volunteer_caretaker",
    },
    {
        "slug": "henryk-szewczyk",
        "full_name": "Henryk Szewczyk",
        "email": "h.szewczyk@example.org",
        "district": "piasek",
        "organizations": ("klub-abstynenta-przystanek",),
        "areas": ("32",),
        "skills": "grupy samopomocowe, wsparcie rodzin",
        "bio": (
            "Od wielu lat prowadzi grupy samopomocowe w Klubie Abstynenta „Przystanek”"
            " i wspiera rodziny osób uzależnionych."
        ),
        "consents": NO_PHOTO_NO_CONTACT,
        "added_by": "ngo_caretaker",
    },
    {
        "slug": "magdalena-rudnicka",
        "full_name": "Magdalena Rudnicka",
        "email": "m.rudnicka@example.org",
        "district": "lawki",
        "organizations": ("lawkowe-ogrodki",),
        "areas": ("18", "13"),
        "skills": "ogrodnictwo, kompostowanie",
        "bio": (
            "Współtworzy ogród społeczny w Ławkach. Uczy sąsiadów kompostowania i uprawy warzyw"
            " na małej przestrzeni."
        ),
        "consents": ALL_CONSENTS,
        "added_by": "volunteer_caretaker",
    },
    {
        "slug": "stefan-jagoda",
        "full_name": "Stefan Jagoda",
        "email": "s.jagoda@example.org",
        "district": "krasowy",
        "organizations": ("krasowianie",),
        "areas": ("13",),
        "skills": "organizacja festynów",
        "bio": "Od lat współorganizuje festyn dzielnicowy na Krasowach.",
        # Entered by staff; nothing is public until he gives his consent.
        "consents": (),
        "added_by": "volunteer_caretaker",
    },
]
