"""Polish words and text builders the dataset modules share: names, places, streets,
organisation names, activity descriptions and articles, all built from phrase pools.

Texts are made of a small vocabulary on purpose: the search index analyses each word once.
"""

import dataclasses
import functools
import itertools
import random
import re

from pomyslowice.core.text import fold

FEMALE_FIRST_NAMES = """Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta
Magdalena Joanna Aleksandra Monika Zofia Teresa Danuta Natalia Julia Karolina Marta Beata Dorota
Halina Jadwiga Justyna Renata Iwona Alicja Paulina Hanna Urszula Sylwia Agata Wiktoria Helena
Grażyna Zuzanna Patrycja Emilia Oliwia Weronika Kinga Izabela Lena Maja""".split()

MALE_FIRST_NAMES = """Piotr Krzysztof Andrzej Tomasz Jan Paweł Michał Marcin Stanisław Jakub
Adam Marek Łukasz Grzegorz Mateusz Wojciech Mariusz Dariusz Zbigniew Jerzy Maciej Rafał Robert
Kamil Józef Szymon Ryszard Kazimierz Dawid Bartłomiej Sebastian Henryk Antoni Filip Franciszek
Karol Daniel Damian Artur Oskar Wiktor Igor Leon Roman""".split()

# Masculine forms; the feminine form of an adjectival surname ends in -a (Kowalski, Kowalska).
SURNAMES = """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański
Woźniak Dąbrowski Kozłowski Jankowski Mazur Wojciechowski Kwiatkowski Krawczyk Kaczmarek Piotrowski
Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowakowski Majewski Olszewski
Stępień Malinowski Jaworski Adamczyk Dudek Nowicki Pawlak Górski Witkowski Walczak Sikora Baran
Rutkowski Michalak Szewczyk Ostrowski Tomaszewski Pietrzak Marciniak Wróblewski Zalewski Jakubowski
Jasiński Zawadzki Sadowski Bąk Chmielewski Włodarczyk Borkowski Czarnecki Sawicki Sokołowski
Urbański Kubiak Maciejewski Szczepański Kucharski Wilk Kalinowski Lis Mazurek Wysocki Adamski
Kaźmierczak Wasilewski Sobczak Czerwiński Andrzejewski Cieślak Głowacki Zakrzewski Kołodziej
Sikorski Krajewski Gajewski Szymczak Szulc Baranowski Laskowski Brzeziński Makowski Ziółkowski
Przybylski Pająk Gawron Kurzawa Ryś Skiba Kuśnierz Mrozek Gruszka Sołtysik Pyka Kuczera
Morcinek""".split()


def feminine(surname: str) -> str:
    if surname.endswith(("ski", "cki", "dzki")):
        return surname[:-1] + "a"
    return surname


@dataclasses.dataclass(frozen=True)
class Place:
    """A town or village: `locative` is the form after "w" ("w Mysłowicach")."""

    name: str
    locative: str
    municipality: str
    voivodeship: str
    postal_prefix: str
    weight: int  # thousands of inhabitants, roughly: where organisations are


HOME_CITY = "Mysłowice"
HOME_VOIVODESHIP = "śląskie"

# (name, locative, municipality, postal prefix, population in thousands) per voivodeship.
_TOWNS = {
    "śląskie": """Katowice|Katowicach|Katowice|40|280
Częstochowa|Częstochowie|Częstochowa|42|210
Sosnowiec|Sosnowcu|Sosnowiec|41|190
Gliwice|Gliwicach|Gliwice|44|175
Bielsko-Biała|Bielsku-Białej|Bielsko-Biała|43|165
Zabrze|Zabrzu|Zabrze|41|155
Bytom|Bytomiu|Bytom|41|160
Rybnik|Rybniku|Rybnik|44|135
Ruda Śląska|Rudzie Śląskiej|Ruda Śląska|41|135
Tychy|Tychach|Tychy|43|125
Dąbrowa Górnicza|Dąbrowie Górniczej|Dąbrowa Górnicza|41|115
Chorzów|Chorzowie|Chorzów|41|105
Jaworzno|Jaworznie|Jaworzno|43|90
Jastrzębie-Zdrój|Jastrzębiu-Zdroju|Jastrzębie-Zdrój|44|88
Mysłowice|Mysłowicach|Mysłowice|41|72
Siemianowice Śląskie|Siemianowicach Śląskich|Siemianowice Śląskie|41|65
Żory|Żorach|Żory|44|62
Tarnowskie Góry|Tarnowskich Górach|Tarnowskie Góry|42|61
Będzin|Będzinie|Będzin|42|55
Piekary Śląskie|Piekarach Śląskich|Piekary Śląskie|41|54
Racibórz|Raciborzu|Racibórz|47|53
Świętochłowice|Świętochłowicach|Świętochłowice|41|49
Zawiercie|Zawierciu|Zawiercie|42|48
Wodzisław Śląski|Wodzisławiu Śląskim|Wodzisław Śląski|44|47
Mikołów|Mikołowie|Mikołów|43|40
Knurów|Knurowie|Knurów|44|37
Czechowice-Dziedzice|Czechowicach-Dziedzicach|Czechowice-Dziedzice|43|35
Cieszyn|Cieszynie|Cieszyn|43|34
Czeladź|Czeladzi|Czeladź|41|31
Myszków|Myszkowie|Myszków|42|31
Żywiec|Żywcu|Żywiec|34|31
Pszczyna|Pszczynie|Pszczyna|43|25
Lubliniec|Lublińcu|Lubliniec|42|23
Łaziska Górne|Łaziskach Górnych|Łaziska Górne|43|22
Rydułtowy|Rydułtowach|Rydułtowy|44|21
Orzesze|Orzeszu|Orzesze|43|20
Bieruń|Bieruniu|Bieruń|43|19
Radlin|Radlinie|Radlin|44|18
Lędziny|Lędzinach|Lędziny|43|17
Skoczów|Skoczowie|Skoczów|43|15
Ustroń|Ustroniu|Ustroń|43|15
Pszów|Pszowie|Pszów|44|14
Kłobuck|Kłobucku|Kłobuck|42|13
Wisła|Wiśle|Wisła|43|11
Imielin|Imielinie|Imielin|41|9
Blachownia|Blachowni|Blachownia|42|9
Kalety|Kaletach|Kalety|42|8
Koziegłowy|Koziegłowach|Koziegłowy|42|5""",
    "mazowieckie": """Warszawa|Warszawie|Warszawa|00|1860
Radom|Radomiu|Radom|26|200
Płock|Płocku|Płock|09|115
Siedlce|Siedlcach|Siedlce|08|77
Pruszków|Pruszkowie|Pruszków|05|62
Legionowo|Legionowie|Legionowo|05|54
Ostrołęka|Ostrołęce|Ostrołęka|07|50
Ciechanów|Ciechanowie|Ciechanów|06|42
Otwock|Otwocku|Otwock|05|44
Żyrardów|Żyrardowie|Żyrardów|96|39
Mińsk Mazowiecki|Mińsku Mazowieckim|Mińsk Mazowiecki|05|40
Grójec|Grójcu|Grójec|05|17
Sierpc|Sierpcu|Sierpc|09|17""",
    "małopolskie": """Kraków|Krakowie|Kraków|30|800
Tarnów|Tarnowie|Tarnów|33|105
Nowy Sącz|Nowym Sączu|Nowy Sącz|33|83
Oświęcim|Oświęcimiu|Oświęcim|32|36
Chrzanów|Chrzanowie|Chrzanów|32|36
Olkusz|Olkuszu|Olkusz|32|35
Nowy Targ|Nowym Targu|Nowy Targ|34|33
Wieliczka|Wieliczce|Wieliczka|32|24
Zakopane|Zakopanem|Zakopane|34|26
Gorlice|Gorlicach|Gorlice|38|27
Bochnia|Bochni|Bochnia|32|30
Wadowice|Wadowicach|Wadowice|34|19""",
    "wielkopolskie": """Poznań|Poznaniu|Poznań|60|540
Kalisz|Kaliszu|Kalisz|62|97
Konin|Koninie|Konin|62|71
Piła|Pile|Piła|64|72
Ostrów Wielkopolski|Ostrowie Wielkopolskim|Ostrów Wielkopolski|63|71
Gniezno|Gnieźnie|Gniezno|62|66
Leszno|Lesznie|Leszno|64|62
Swarzędz|Swarzędzu|Swarzędz|62|31
Września|Wrześni|Września|62|30
Krotoszyn|Krotoszynie|Krotoszyn|63|28
Śrem|Śremie|Śrem|63|29""",
    "dolnośląskie": """Wrocław|Wrocławiu|Wrocław|50|670
Wałbrzych|Wałbrzychu|Wałbrzych|58|110
Legnica|Legnicy|Legnica|59|98
Jelenia Góra|Jeleniej Górze|Jelenia Góra|58|78
Lubin|Lubinie|Lubin|59|71
Głogów|Głogowie|Głogów|67|66
Świdnica|Świdnicy|Świdnica|58|55
Bolesławiec|Bolesławcu|Bolesławiec|59|38
Oleśnica|Oleśnicy|Oleśnica|56|37
Kłodzko|Kłodzku|Kłodzko|57|26
Oława|Oławie|Oława|55|33""",
    "łódzkie": """Łódź|Łodzi|Łódź|90|660
Piotrków Trybunalski|Piotrkowie Trybunalskim|Piotrków Trybunalski|97|71
Pabianice|Pabianicach|Pabianice|95|63
Tomaszów Mazowiecki|Tomaszowie Mazowieckim|Tomaszów Mazowiecki|97|60
Bełchatów|Bełchatowie|Bełchatów|97|56
Zgierz|Zgierzu|Zgierz|95|55
Skierniewice|Skierniewicach|Skierniewice|96|47
Radomsko|Radomsku|Radomsko|97|45
Kutno|Kutnie|Kutno|99|42
Sieradz|Sieradzu|Sieradz|98|40
Łowicz|Łowiczu|Łowicz|99|28""",
    "pomorskie": """Gdańsk|Gdańsku|Gdańsk|80|480
Gdynia|Gdyni|Gdynia|81|245
Słupsk|Słupsku|Słupsk|76|90
Tczew|Tczewie|Tczew|83|59
Wejherowo|Wejherowie|Wejherowo|84|47
Starogard Gdański|Starogardzie Gdańskim|Starogard Gdański|83|47
Rumia|Rumi|Rumia|84|50
Chojnice|Chojnicach|Chojnice|89|39
Sopot|Sopocie|Sopot|81|35
Malbork|Malborku|Malbork|82|38
Kwidzyn|Kwidzynie|Kwidzyn|82|38
Lębork|Lęborku|Lębork|84|35""",
    "kujawsko-pomorskie": """Bydgoszcz|Bydgoszczy|Bydgoszcz|85|335
Toruń|Toruniu|Toruń|87|195
Włocławek|Włocławku|Włocławek|87|105
Grudziądz|Grudziądzu|Grudziądz|86|92
Inowrocław|Inowrocławiu|Inowrocław|88|70
Brodnica|Brodnicy|Brodnica|87|28
Świecie|Świeciu|Świecie|86|25
Chełmno|Chełmnie|Chełmno|86|19""",
    "lubelskie": """Lublin|Lublinie|Lublin|20|335
Chełm|Chełmie|Chełm|22|60
Zamość|Zamościu|Zamość|22|60
Biała Podlaska|Białej Podlaskiej|Biała Podlaska|21|56
Puławy|Puławach|Puławy|24|46
Świdnik|Świdniku|Świdnik|21|39
Kraśnik|Kraśniku|Kraśnik|23|33
Łuków|Łukowie|Łuków|21|29
Biłgoraj|Biłgoraju|Biłgoraj|23|26""",
    "podkarpackie": """Rzeszów|Rzeszowie|Rzeszów|35|198
Przemyśl|Przemyślu|Przemyśl|37|58
Stalowa Wola|Stalowej Woli|Stalowa Wola|37|58
Mielec|Mielcu|Mielec|39|59
Tarnobrzeg|Tarnobrzegu|Tarnobrzeg|39|45
Krosno|Krośnie|Krosno|38|45
Dębica|Dębicy|Dębica|39|44
Jarosław|Jarosławiu|Jarosław|37|36
Sanok|Sanoku|Sanok|38|36
Jasło|Jaśle|Jasło|38|34""",
    "zachodniopomorskie": """Szczecin|Szczecinie|Szczecin|70|395
Koszalin|Koszalinie|Koszalin|75|105
Stargard|Stargardzie|Stargard|73|67
Kołobrzeg|Kołobrzegu|Kołobrzeg|78|46
Świnoujście|Świnoujściu|Świnoujście|72|40
Szczecinek|Szczecinku|Szczecinek|78|40
Police|Policach|Police|72|32
Wałcz|Wałczu|Wałcz|78|25""",
    "warmińsko-mazurskie": """Olsztyn|Olsztynie|Olsztyn|10|170
Elbląg|Elblągu|Elbląg|82|118
Ełk|Ełku|Ełk|19|61
Ostróda|Ostródzie|Ostróda|14|33
Iława|Iławie|Iława|14|32
Giżycko|Giżycku|Giżycko|11|29
Kętrzyn|Kętrzynie|Kętrzyn|11|27
Mrągowo|Mrągowie|Mrągowo|11|21""",
    "świętokrzyskie": """Kielce|Kielcach|Kielce|25|190
Ostrowiec Świętokrzyski|Ostrowcu Świętokrzyskim|Ostrowiec Świętokrzyski|27|67
Starachowice|Starachowicach|Starachowice|27|47
Skarżysko-Kamienna|Skarżysku-Kamiennej|Skarżysko-Kamienna|26|44
Sandomierz|Sandomierzu|Sandomierz|27|23
Końskie|Końskich|Końskie|26|19
Busko-Zdrój|Busku-Zdroju|Busko-Zdrój|28|15""",
    "podlaskie": """Białystok|Białymstoku|Białystok|15|295
Suwałki|Suwałkach|Suwałki|16|69
Łomża|Łomży|Łomża|18|62
Augustów|Augustowie|Augustów|16|30
Bielsk Podlaski|Bielsku Podlaskim|Bielsk Podlaski|17|25
Zambrów|Zambrowie|Zambrów|18|21
Hajnówka|Hajnówce|Hajnówka|17|20""",
    "lubuskie": """Zielona Góra|Zielonej Górze|Zielona Góra|65|140
Gorzów Wielkopolski|Gorzowie Wielkopolskim|Gorzów Wielkopolski|66|120
Nowa Sól|Nowej Soli|Nowa Sól|67|38
Żary|Żarach|Żary|68|37
Żagań|Żaganiu|Żagań|68|25
Świebodzin|Świebodzinie|Świebodzin|66|21
Międzyrzecz|Międzyrzeczu|Międzyrzecz|66|17""",
    "opolskie": """Opole|Opolu|Opole|45|127
Kędzierzyn-Koźle|Kędzierzynie-Koźlu|Kędzierzyn-Koźle|47|60
Nysa|Nysie|Nysa|48|43
Brzeg|Brzegu|Brzeg|49|35
Kluczbork|Kluczborku|Kluczbork|46|23
Prudnik|Prudniku|Prudnik|48|20
Strzelce Opolskie|Strzelcach Opolskich|Strzelce Opolskie|47|17""",
}

# Villages (KGW and volunteer fire brigades live there): name, locative, municipality, postal.
_VILLAGES = {
    "śląskie": """Kobiór|Kobiórze|Kobiór|43
Ornontowice|Ornontowicach|Ornontowice|43
Goczałkowice-Zdrój|Goczałkowicach-Zdroju|Goczałkowice-Zdrój|43
Wilkowice|Wilkowicach|Wilkowice|43
Istebna|Istebnej|Istebna|43
Brenna|Brennej|Brenna|43
Koniaków|Koniakowie|Istebna|43
Jeleśnia|Jeleśni|Jeleśnia|34
Poraj|Poraju|Poraj|42
Mykanów|Mykanowie|Mykanów|42
Gierałtowice|Gierałtowicach|Gierałtowice|44
Pilchowice|Pilchowicach|Pilchowice|44
Bojszowy|Bojszowach|Bojszowy|43
Suszec|Suszcu|Suszec|43
Świerklaniec|Świerklańcu|Świerklaniec|42
Ożarowice|Ożarowicach|Ożarowice|42
Mierzęcice|Mierzęcicach|Mierzęcice|42
Psary|Psarach|Psary|42
Krzanowice|Krzanowicach|Krzanowice|47
Kornowac|Kornowacu|Kornowac|44
Lipowa|Lipowej|Lipowa|34
Rajcza|Rajczy|Rajcza|34
Hażlach|Hażlachu|Hażlach|43
Chybie|Chybiu|Chybie|43""",
    "mazowieckie": """Jabłonna|Jabłonnie|Jabłonna|05
Czosnów|Czosnowie|Czosnów|05
Baboszewo|Baboszewie|Baboszewo|09
Jedlińsk|Jedlińsku|Jedlińsk|26
Stara Biała|Starej Białej|Stara Biała|09""",
    "małopolskie": """Zabierzów|Zabierzowie|Zabierzów|32
Tokarnia|Tokarni|Tokarnia|32
Łącko|Łącku|Łącko|33
Kościelisko|Kościelisku|Kościelisko|34
Zator|Zatorze|Zator|32""",
    "wielkopolskie": """Tarnowo Podgórne|Tarnowie Podgórnym|Tarnowo Podgórne|62
Komorniki|Komornikach|Komorniki|62
Kleszczewo|Kleszczewie|Kleszczewo|63
Rokietnica|Rokietnicy|Rokietnica|62""",
    "dolnośląskie": """Kobierzyce|Kobierzycach|Kobierzyce|55
Długołęka|Długołęce|Długołęka|55
Mysłakowice|Mysłakowicach|Mysłakowice|58
Czernica|Czernicy|Czernica|55""",
    "łódzkie": """Nowosolna|Nowosolnej|Nowosolna|92
Dłutów|Dłutowie|Dłutów|95
Kleszczów|Kleszczowie|Kleszczów|97""",
    "pomorskie": """Kolbudy|Kolbudach|Kolbudy|83
Żukowo|Żukowie|Żukowo|83
Chmielno|Chmielnie|Chmielno|83""",
    "kujawsko-pomorskie": """Białe Błota|Białych Błotach|Białe Błota|86
Lubicz|Lubiczu|Lubicz|87""",
    "lubelskie": """Jastków|Jastkowie|Jastków|21
Nałęczów|Nałęczowie|Nałęczów|24
Kazimierz Dolny|Kazimierzu Dolnym|Kazimierz Dolny|24""",
    "podkarpackie": """Trzebownisko|Trzebownisku|Trzebownisko|36
Krasne|Krasnem|Krasne|36
Lesko|Lesku|Lesko|38""",
    "zachodniopomorskie": """Dobra|Dobrej|Dobra (Szczecińska)|72
Kołbaskowo|Kołbaskowie|Kołbaskowo|72""",
    "warmińsko-mazurskie": """Stawiguda|Stawigudzie|Stawiguda|11
Purda|Purdzie|Purda|11""",
    "świętokrzyskie": """Masłów|Masłowie|Masłów|26
Sitkówka|Sitkówce|Sitkówka-Nowiny|26""",
    "podlaskie": """Supraśl|Supraślu|Supraśl|16
Wasilków|Wasilkowie|Wasilków|16""",
    "lubuskie": """Świdnica|Świdnicy|Świdnica (lubuska)|66
Zabór|Zaborze|Zabór|66""",
    "opolskie": """Dobrzeń Wielki|Dobrzeniu Wielkim|Dobrzeń Wielki|46
Komprachcice|Komprachcicach|Komprachcice|46""",
}


def _parse(table: dict[str, str], *, village: bool) -> list[Place]:
    places = []
    for voivodeship, lines in table.items():
        for line in lines.splitlines():
            name, locative, municipality, postal, *weight = line.split("|")
            places.append(
                Place(
                    name=name,
                    locative=locative,
                    municipality=f"gmina {municipality}",
                    voivodeship=voivodeship,
                    postal_prefix=postal,
                    # A village weighs like a small town: it has its KGW and fire brigade.
                    weight=int(weight[0]) if weight else 3 if village else 1,
                )
            )
    return places


TOWNS = _parse(_TOWNS, village=False)
VILLAGES = _parse(_VILLAGES, village=True)


@dataclasses.dataclass(frozen=True)
class Geography:
    """Where a scale's organisations live: towns and villages with weights for random choices."""

    towns: list[Place]
    town_weights: list[int]
    villages: list[Place]
    village_weights: list[int]

    def town(self, rng: random.Random) -> Place:
        return rng.choices(self.towns, cum_weights=self.town_weights)[0]

    def village(self, rng: random.Random) -> Place:
        return rng.choices(self.villages, cum_weights=self.village_weights)[0]


def geography(scale_name: str) -> Geography:
    """The whole country, Śląskie (region) or Mysłowice alone (city)."""
    if scale_name == "national":
        towns, villages = TOWNS, VILLAGES
    elif scale_name == "region":
        towns = [p for p in TOWNS if p.voivodeship == HOME_VOIVODESHIP]
        villages = [p for p in VILLAGES if p.voivodeship == HOME_VOIVODESHIP]
    else:
        towns = [p for p in TOWNS if p.name == HOME_CITY]
        villages = towns
    return Geography(
        towns=towns,
        town_weights=cumulative(p.weight for p in towns),
        villages=villages,
        village_weights=cumulative(p.weight for p in villages),
    )


def cumulative(weights) -> list[int]:
    """Cumulative weights: random.choices is fastest with them."""
    return list(itertools.accumulate(weights))


STREETS = """Mickiewicza Słowackiego Kościuszki Piłsudskiego Sienkiewicza Kolejowa Szkolna Ogrodowa
Polna Leśna Lipowa Kwiatowa Krótka Długa Słoneczna Parkowa Zielona Dworcowa Kopernika Konopnickiej
Reymonta Żeromskiego Prusa Chopina Moniuszki Wyspiańskiego Kościelna Rynek Powstańców Śląskich
Górnicza Hutnicza Akacjowa Brzozowa Jesionowa Klonowa Wiśniowa Miodowa Cicha Spacerowa""".split()
STREETS += ["Wojska Polskiego", "3 Maja", "Jana Pawła II", "Armii Krajowej", "Tysiąclecia"]


def street_address(rng: random.Random) -> str:
    number = rng.randint(1, 120)
    flat = f"/{rng.randint(1, 40)}" if rng.random() < 0.3 else ""
    return f"ul. {rng.choice(STREETS)} {number}{flat}"


def postal_code(place: Place, rng: random.Random) -> str:
    return f"{place.postal_prefix}-{rng.randint(0, 999):03d}"


def person_name(rng: random.Random) -> tuple[str, str]:
    """(first name, surname), female or male in about equal numbers."""
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.52:
        return rng.choice(FEMALE_FIRST_NAMES), feminine(surname)
    return rng.choice(MALE_FIRST_NAMES), surname


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold_text(text: str) -> str:
    """core.text.fold, word by word with a cache: generated texts repeat the same few words."""
    return " ".join(map(_fold_word, text.split(" ")))


@functools.lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    return fold(word)


def slug(text: str, suffix: int, *, length: int = 100) -> str:
    """An ASCII slug like the app's ("Łąka" -> "laka"), made unique by a number: the id."""
    return f"{_NON_SLUG.sub('-', fold_text(text))[:length].strip('-')}-{suffix}"


@functools.lru_cache(maxsize=10_000)
def ascii_word(text: str) -> str:
    return _NON_SLUG.sub("", fold(text))


# Organisation names ---------------------------------------------------------------------------

# Adjectives in masculine, feminine, neuter and plural form; nouns with their gender.
_ADJECTIVES = [
    ("Zielony", "Zielona", "Zielone", "Zielone"),
    ("Dobry", "Dobra", "Dobre", "Dobre"),
    ("Otwarty", "Otwarta", "Otwarte", "Otwarte"),
    ("Wspólny", "Wspólna", "Wspólne", "Wspólne"),
    ("Nowy", "Nowa", "Nowe", "Nowe"),
    ("Srebrny", "Srebrna", "Srebrne", "Srebrne"),
    ("Kolorowy", "Kolorowa", "Kolorowe", "Kolorowe"),
    ("Śląski", "Śląska", "Śląskie", "Śląskie"),
    ("Mały", "Mała", "Małe", "Małe"),
    ("Słoneczny", "Słoneczna", "Słoneczne", "Słoneczne"),
]
_GENDER = {"m": 0, "f": 1, "n": 2, "pl": 3}
_NOUNS = [
    ("Most", "m"),
    ("Ogród", "m"),
    ("Dom", "m"),
    ("Krąg", "m"),
    ("Przystań", "f"),
    ("Droga", "f"),
    ("Ścieżka", "f"),
    ("Iskra", "f"),
    ("Serce", "n"),
    ("Gniazdo", "n"),
    ("Źródło", "n"),
    ("Skrzydła", "pl"),
    ("Horyzonty", "pl"),
    ("Korzenie", "pl"),
]
_CLUB_NAMES = "Sokół Orzeł Iskra Olimpia Start Sparta Jedynka Orlik Górnik Polonia Unia".split()
_FOUNDATION_PURPOSES = [
    "Pomocy Dzieciom",
    "Rozwoju Lokalnego",
    "Na Rzecz Osób Niepełnosprawnych",
    "Edukacji Ekologicznej",
    "Wspierania Seniorów",
    "Ochrony Zwierząt",
    "Kultury i Sztuki",
    "Zdrowia Psychicznego",
    "Aktywnej Młodzieży",
]
_ASSOCIATION_PURPOSES = [
    "Przyjaciół Szkoły nr {n}",
    "Przyjaciół Zwierząt",
    "na rzecz Rozwoju Wsi",
    "Pomocy Osobom Niepełnosprawnym",
    "Seniorów „{quoted}”",
    "Rodzin Zastępczych",
    "Amazonek",
    "Inicjatyw Lokalnych",
    "Miłośników Historii",
    "Kobiet Aktywnych",
    "Rowerowe „{quoted}”",
    "Turystyczne „{quoted}”",
    "Kulturalne „{quoted}”",
    "Uniwersytet Trzeciego Wieku",
]
_PUBLIC_UNITS = [
    "Miejski Ośrodek Pomocy Społecznej",
    "Ośrodek Kultury",
    "Biblioteka Publiczna",
    "Szkoła Podstawowa nr {n}",
    "Młodzieżowy Dom Kultury",
    "Centrum Usług Społecznych",
]
_COMPANY_FORMS = ["sp. z o.o.", "S.A.", "sp. j.", "sp.k."]
_COMPANY_WORDS = "Budex Energo Metal Transbud Elmont Hydro Silesia Agro Vita Ekobud".split()


def quoted_name(rng: random.Random) -> str:
    noun, gender = rng.choice(_NOUNS)
    return f"{rng.choice(_ADJECTIVES)[_GENDER[gender]]} {noun}"


def organization_name(kind: str, place: Place, rng: random.Random) -> tuple[str, str]:
    """(name, short name) of an organisation of one of Organization.Kind's values."""
    quoted = quoted_name(rng)
    if kind == "fundacja":
        if rng.random() < 0.5:
            return f"Fundacja „{quoted}”", f"„{quoted}”"
        return f"Fundacja {rng.choice(_FOUNDATION_PURPOSES)} „{quoted}”", f"Fundacja {quoted}"
    if kind == "stowarzyszenie":
        roll = rng.random()
        if roll < 0.2:
            return f"Ochotnicza Straż Pożarna w {place.locative}", f"OSP {place.name}"
        if roll < 0.4:
            club = rng.choice(_CLUB_NAMES)
            return f"Klub Sportowy „{club}” {place.name}", f"KS {club}"
        purpose = rng.choice(_ASSOCIATION_PURPOSES).format(n=rng.randint(1, 40), quoted=quoted)
        return f"Stowarzyszenie {purpose} w {place.locative}", ""
    if kind == "stowarzyszenie-zwykle":
        return f"Stowarzyszenie Zwykłe „{quoted}”", ""
    if kind == "kgw":
        return f"Koło Gospodyń Wiejskich w {place.locative}", f"KGW {place.name}"
    if kind == "uks":
        club = rng.choice(_CLUB_NAMES)
        return f"Uczniowski Klub Sportowy „{club}” w {place.locative}", f"UKS {club}"
    if kind == "grupa-nieformalna":
        return f"Sąsiedzi z ulicy {rng.choice(STREETS)} w {place.locative}", ""
    if kind == "firma-csr":
        word = rng.choice(_COMPANY_WORDS)
        return f"{word}-{rng.choice(SURNAMES)} {rng.choice(_COMPANY_FORMS)}", word
    if kind == "jednostka-publiczna":
        unit = rng.choice(_PUBLIC_UNITS).format(n=rng.randint(1, 30))
        return f"{unit} w {place.locative}", ""
    return f"Polski Komitet Pomocy Społecznej – Koło w {place.locative}", "PKPS"


# Activities -----------------------------------------------------------------------------------

ACTIVITIES = [
    "warsztaty plastyczne",
    "zajęcia sportowe",
    "spotkania integracyjne",
    "bezpłatne korepetycje",
    "wycieczki krajoznawcze",
    "koncerty i potańcówki",
    "zbiórki żywności",
    "kursy komputerowe",
    "treningi piłki nożnej",
    "porady prawne",
    "pikniki rodzinne",
    "sprzątanie lasów i parków",
    "warsztaty kulinarne",
    "zajęcia teatralne",
    "spacery z psami ze schroniska",
    "dyżury telefonu wsparcia",
]
AUDIENCES = [
    "dzieci i młodzieży",
    "seniorów",
    "osób z niepełnosprawnościami",
    "rodzin z małymi dziećmi",
    "mieszkańców osiedla",
    "osób w kryzysie bezdomności",
    "uchodźców z Ukrainy",
    "kobiet wracających na rynek pracy",
    "uczniów szkół podstawowych",
    "osób samotnych",
]
WHEN = [
    "w każdą sobotę",
    "raz w miesiącu",
    "w czasie ferii zimowych",
    "przez całe wakacje",
    "w każdy wtorek po południu",
    "przez cały rok",
    "w weekendy",
]
GOALS = [
    "budowanie więzi sąsiedzkich",
    "wyrównywanie szans edukacyjnych",
    "ochrona przyrody w naszej okolicy",
    "aktywizacja osób starszych",
    "promocja zdrowego stylu życia",
    "pielęgnowanie lokalnych tradycji",
    "pomoc ludziom w trudnej sytuacji",
    "rozwój kultury fizycznej",
]
PARTNERS = [
    "urzędem miasta",
    "miejskim ośrodkiem pomocy społecznej",
    "okolicznymi szkołami",
    "parafią",
    "lokalnymi firmami",
    "biblioteką publiczną",
    "domem kultury",
    "innymi organizacjami z regionu",
]
SKILLS = [
    "prowadzenie warsztatów",
    "pisanie wniosków grantowych",
    "księgowość",
    "pierwsza pomoc",
    "fotografia",
    "media społecznościowe",
    "animacja czasu wolnego",
    "praca z młodzieżą",
    "organizacja wydarzeń",
    "język angielski",
    "język ukraiński",
    "prawo",
]

_SENTENCES = [
    "Organizujemy {activity} dla {audience} {when}.",
    "Od {year} roku działamy na rzecz {audience}.",
    "Współpracujemy z {partner}.",
    "Naszym celem jest {goal}.",
    "Szukamy wolontariuszy, którzy pomogą nam prowadzić {activity}.",
    "W ubiegłym roku z naszych zajęć skorzystało ponad {count} osób.",
    "Prowadzimy {activity} {when}, a udział jest bezpłatny.",
    "Zapraszamy do współpracy wszystkich, którym bliskie jest {goal}.",
]


def sentence(rng: random.Random) -> str:
    return rng.choice(_SENTENCES).format(
        activity=rng.choice(ACTIVITIES),
        audience=rng.choice(AUDIENCES),
        when=rng.choice(WHEN),
        partner=rng.choice(PARTNERS),
        goal=rng.choice(GOALS),
        year=rng.randint(1990, 2024),
        count=rng.choice((20, 50, 100, 150, 300, 500)),
    )


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def rich_text(rng: random.Random, paragraphs: int = 2) -> str:
    """Paragraphs as the rich-text fields store them (already clean HTML)."""
    return "".join(f"<p>{paragraph(rng, rng.randint(2, 4))}</p>" for _ in range(paragraphs))


def bio(rng: random.Random) -> str:
    return (
        f"<p>Od lat angażuję się w {rng.choice(ACTIVITIES)} dla {rng.choice(AUDIENCES)}. "
        f"Najważniejsze jest dla mnie {rng.choice(GOALS)}.</p>"
    )


# Articles -------------------------------------------------------------------------------------

LEGAL_ACTS = [
    "Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie",
    "Ustawa z dnia 7 kwietnia 1989 r. Prawo o stowarzyszeniach",
    "Ustawa z dnia 6 kwietnia 1984 r. o fundacjach",
    "Ustawa z dnia 9 listopada 2018 r. o kołach gospodyń wiejskich",
    "Ustawa z dnia 14 marca 2014 r. o zasadach prowadzenia zbiórek publicznych",
]
_PROGRAMS = [
    "Funduszu Inicjatyw Obywatelskich",
    "programu Działaj Lokalnie",
    "budżetu obywatelskiego",
    "Europejskiego Funduszu Społecznego Plus",
    "fundacji korporacyjnych",
]
_TOPICS = [
    "wolontariat seniorów",
    "finansowanie organizacji pozarządowych",
    "aktywność obywatelska młodzieży",
    "kondycja kół gospodyń wiejskich",
    "współpraca samorządów z organizacjami",
]


def article_title(kind: str, place: Place, rng: random.Random) -> str:
    activity = rng.choice(ACTIVITIES)
    if kind == "good-practice":
        return f"Jak w {place.locative} prowadzimy {activity} dla {rng.choice(AUDIENCES)}"
    if kind == "research":
        return f"Badanie: {rng.choice(_TOPICS)} w {rng.randint(2019, 2025)} roku"
    if kind == "regulation":
        act = rng.choice(LEGAL_ACTS).split(" r. ", 1)[1]
        return f"Nowelizacja: co się zmienia w ustawie {act}"
    if kind == "fundraising":
        return f"Jak zdobyć pieniądze z {rng.choice(_PROGRAMS)} na {activity}"
    return f"{activity.capitalize()} w {place.locative} – zapraszamy {rng.choice(WHEN)}"


def article_lead(rng: random.Random) -> str:
    return paragraph(rng, 2)
