"""Polish inflection must not matter, different words must not merge: on both databases."""

import pytest

from pomyslowice.search.query import search

from .conftest import ids

# (query, text of the document that must be found)
PAIRS = [
    ("organizacja", "Wsparcie dla organizacji pozarządowych"),
    ("organizacji", "Nasza organizacja działa od lat"),
    ("organizacjom", "Pomagamy organizacjach lokalnych"),
    ("organizacjami", "Spotkanie z organizacją sąsiedzką"),
    ("stowarzyszenie", "Działamy w stowarzyszeniach sportowych"),
    ("stowarzyszeniach", "Stowarzyszenie miłośników historii"),
    ("stowarzyszeniu", "Zarząd stowarzyszenia zaprasza"),
    ("fundacja", "Wniosek do fundacji rodzinnej"),
    ("fundacji", "Fundacja wspiera młodzież"),
    ("fundacjami", "Współpraca z fundacją"),
    ("wolontariusz", "Szkolenie z wolontariuszami"),
    ("wolontariusze", "Dyżur z wolontariuszem"),
    ("wolontariuszy", "Każdy wolontariusz dostaje zaświadczenie"),
    ("wolontariuszka", "Rozmowa z wolontariuszką"),
    ("wolontariat", "Program wolontariatu szkolnego"),
    ("dziecko", "Zajęcia dla dzieci"),
    ("dzieci", "Spacer z dzieckiem"),
    ("dzieciom", "Każde dziecko otrzyma upominek"),
    ("mieszkaniec", "Ankieta wśród mieszkańców"),
    ("mieszkańców", "Każdy mieszkaniec może zgłosić projekt"),
    ("mieszkańcom", "Rozmowy z mieszkańcami"),
    ("Mysłowice", "Festyn w Mysłowicach"),
    ("Mysłowicach", "Miasto Mysłowice"),
    ("Mysłowic", "Mysłowicom potrzebna zieleń"),
    ("szkolenie", "Relacja ze szkoleń"),
    ("szkolenia", "O szkoleniach dla księgowych"),
    ("szkoleniach", "Szkolenie z pisania wniosków"),
    ("dotacja", "Rozliczenie dotacji"),
    ("dotacji", "Dotacja celowa z budżetu"),
    ("dotacje", "Poradnik o dotacjach"),
    ("senior", "Klub seniorów"),
    ("seniorów", "Senior w sieci"),
    ("seniorami", "Rozmowy z seniorem"),
    ("projekt", "Budżet projektów"),
    ("projekty", "Zgłoś swój projekt"),
    ("wniosek", "Jak napisać wnioski"),
    ("wnioski", "Ocena wniosku"),
    ("wniosków", "Składanie wniosku"),
    ("konkurs", "Wyniki konkursów"),
    ("konkursie", "Otwarty konkurs ofert"),
    ("grant", "Program grantów lokalnych"),
    ("grantu", "Małe granty dla grup"),
    ("warsztaty", "Zapisy na warsztat"),
    ("warsztatach", "Warsztaty rękodzieła"),
    ("spotkanie", "Po spotkaniu z radnymi"),
    ("spotkania", "Spotkanie informacyjne"),
    ("biblioteka", "W bibliotece miejskiej"),
    ("bibliotece", "Biblioteka zaprasza"),
    ("szkoła", "Dyrekcja szkoły podstawowej"),
    ("szkole", "Szkoła muzyczna"),
    ("szkołach", "W naszej szkole"),
    ("rodzina", "Wsparcie rodzin"),
    ("rodzinom", "Każda rodzina jest ważna"),
    ("pomoc", "Potrzebujemy pomocy"),
    ("pomocy", "Pomoc sąsiedzka"),
    ("sport", "Zajęcia sportowe i sporty wodne"),
    ("kultura", "Dom kultury"),
    ("kultury", "Kultura w parku"),
    ("ekologia", "Warsztaty z ekologii"),
    ("zdrowie", "Profilaktyka zdrowia"),
    ("zdrowia", "Zdrowie psychiczne"),
    ("niepełnosprawność", "Osoby z niepełnosprawnościami"),
    ("niepełnosprawnych", "Sport osób niepełnosprawnych i niepełnosprawnej młodzieży"),
    ("młodzież", "Dla młodzieży"),
    ("młodzieży", "Młodzież działa"),
    ("ogłoszenie", "Treść ogłoszenia"),
    ("księgowość", "Porady z księgowości"),
    ("sprawozdanie", "Termin sprawozdań"),
    ("sprawozdania", "Wzór sprawozdania finansowego"),
    ("statut", "Zmiana statutu"),
    ("statutu", "Nowy statut"),
    ("urząd", "Wizyta w urzędzie"),
    ("urzędzie", "Urząd Miasta"),
    ("urzędu", "Pismo do urzędów"),
    ("przedszkole", "Dzieci z przedszkoli"),
    ("parafia", "Festyn przy parafii"),
    ("festyn", "Na festynie rodzinnym"),
    ("koncert", "Seria koncertów"),
    ("koncertach", "Koncert charytatywny"),
    ("zbiórka", "Wyniki zbiórki"),
    ("zbiórki", "Publiczna zbiórka"),
    ("pies", "Schronisko dla psów"),
    ("psów", "Pies szuka domu"),
    ("kobieta", "Koło gospodyń i kobiet"),
    ("kobiet", "Kobieta w biznesie"),
    ("człowiek", "Prawa ludzi"),
    ("ludzie", "Każdy człowiek"),
    ("pozyskiwanie", "O pozyskiwaniu funduszy"),
    ("fundusze", "Fundusz sołecki"),
    ("crowdfunding", "Kampania crowdfundingowa i crowdfundingu"),
]

# Diacritic-free queries: typed without Polish letters.
WITHOUT_POLISH_LETTERS = [
    ("myslowice", "Festyn w Mysłowicach"),
    ("myslowicach", "Miasto Mysłowice"),
    ("mieszkancow", "Ankieta wśród mieszkańców"),
    ("mieszkancy", "Mieszkańcy osiedla zapraszają"),
    ("mieszkancom", "Mieszkańcom osiedla dziękujemy"),
    ("urzad", "Wizyta w urzędzie"),
    ("mlodziez", "Dla młodzieży"),
    ("szkola", "W naszej szkole"),
    ("ksiegowosc", "Porady z księgowości"),
    ("zbiorka", "Publiczna zbiórka"),
    ("Lodz", "Wyjazd do Łodzi"),
]

# (query, text that must NOT be found)
NEGATIVES = [
    ("urząd", "Nowe urządzenie w sali"),
    ("urządzenie", "Wizyta w urzędzie"),
    ("mieszkaniec", "Mieszkanie do wynajęcia"),
    ("mieszkanie", "Ankieta wśród mieszkańców"),
    ("statut", "Status wniosku"),
    ("status", "Zmiana statutu"),
    ("sport", "Transport publiczny"),
    ("kot", "Kotwica i port"),
    ("las", "Lasagne na obiad"),
    ("rada", "Radar prędkości"),
    ("park", "Parking przy szkole"),
    ("dom", "Domena internetowa"),
    ("szkoła", "Szkolenie z pierwszej pomocy"),
    ("pies", "Piesza wycieczka"),
    ("kultura", "Kulturystyka na siłowni"),
    ("grant", "Granat w muzeum"),
    ("zdrowie", "Zdrowaśki w kościele"),
    ("fundacja", "Fundament budynku"),
]

ALL_DOCUMENTS = sorted(
    {text for pairs in (PAIRS, WITHOUT_POLISH_LETTERS, NEGATIVES) for _q, text in pairs}
)


@pytest.fixture
def documents(index_text):
    for number, text in enumerate(ALL_DOCUMENTS):
        index_text(number, f"Dokument {number}", text)
    return {text: str(number) for number, text in enumerate(ALL_DOCUMENTS)}


def test_there_are_enough_pairs():
    assert len(PAIRS) >= 80
    assert len(NEGATIVES) >= 15


@pytest.mark.parametrize(("query", "text"), PAIRS + WITHOUT_POLISH_LETTERS)
def test_inflected_form_is_found(documents, query, text):
    assert documents[text] in ids(search(query, limit=100))


@pytest.mark.parametrize(("query", "text"), NEGATIVES)
def test_different_word_is_not_found(documents, query, text):
    assert documents[text] not in ids(search(query, limit=100))
