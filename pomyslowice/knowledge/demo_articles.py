"""Demo articles of the knowledge base, written for Pomysłowice (fictional but realistic content).

Every organisation, project, number and result described here is invented for the demo; people
appear only as roles. Statements about law are general summaries as of 2026, not legal advice.
`days_ago` sets the publication date relative to the day the demo is loaded; a negative value
schedules the article for the future.
"""

ARTICLES = [
    {
        "kind": "good-practice",
        "title": "Program współpracy, który organizacje naprawdę współtworzą",
        "slug": "konsultacje-programu-wspolpracy",
        "lead": (
            "Zamiast jednego ogłoszenia w BIP – trzy spotkania warsztatowe, ankieta i wspólne"
            " czytanie projektu z urzędnikami. Tak wyglądały konsultacje rocznego programu"
            " współpracy miasta z organizacjami."
        ),
        "body": (
            "<p>Każda gmina ma obowiązek corocznie uchwalić program współpracy z organizacjami"
            " pozarządowymi i skonsultować jego projekt. Przez lata konsultacje w Mysłowicach, jak"
            " w wielu miastach, sprowadzały się do publikacji dokumentu i oczekiwania na uwagi –"
            " zwykle przychodziły dwie, trzy. W tym roku ośrodek wsparcia wspólnie z Urzędem"
            " Miasta spróbował innego podejścia.</p><h2>Jak to"
            " zrobiliśmy</h2><ol><li><strong>Ankieta przed napisaniem projektu.</strong> Zanim"
            " urząd przygotował pierwszą wersję programu, organizacje odpowiedziały na krótką"
            " ankietę o priorytetach, barierach w konkursach i pomysłach na nowe formy"
            " współpracy.</li><li><strong>Trzy spotkania warsztatowe</strong> – w ośrodku w"
            " Śródmieściu, w sali parafialnej w Brzęczkowicach i w świetlicy w Dziećkowicach."
            " Dzięki temu przyszły także organizacje, które rzadko bywają w"
            " centrum.</li><li><strong>Wspólne czytanie projektu.</strong> Przedstawiciele"
            " organizacji i pracownicy urzędu przeszli przez dokument punkt po punkcie, a każda"
            " propozycja zmiany trafiła do tabeli z odpowiedzią: przyjęta, przyjęta częściowo lub"
            " odrzucona – z uzasadnieniem.</li><li><strong>Informacja zwrotna.</strong> Po"
            " zakończeniu konsultacji urząd opublikował raport ze wszystkimi uwagami i sposobem"
            " ich rozpatrzenia.</li></ol><h2>Co się zmieniło w programie</h2><ul><li>Wprowadzono"
            " harmonogram konkursów ogłaszany z wyprzedzeniem, tak by organizacje mogły planować"
            " rok.</li><li>Doprecyzowano zasady małych grantów i wskazano, gdzie można zasięgnąć"
            " porady przed złożeniem oferty.</li><li>Dopisano priorytet dotyczący aktywizacji"
            " seniorów w dzielnicach oddalonych od centrum.</li><li>Zapowiedziano coroczne"
            " spotkanie podsumowujące realizację programu.</li></ul><h2>Czego się"
            " nauczyliśmy</h2><p>Najwięcej uwag padło nie na spotkaniach „ogólnych”, ale tam,"
            " gdzie rozmawialiśmy o konkretnych problemach: terminach rozliczeń, wkładzie własnym,"
            " dostępie do sal. Pomogło też to, że urzędnicy przyszli bez prezentacji, gotowi"
            " słuchać. Spotkania w dzielnicach kosztowały więcej czasu, ale przyciągnęły"
            " kilkanaście organizacji, które wcześniej nie brały udziału w"
            " konsultacjach.</p><blockquote>„Pierwszy raz zobaczyliśmy, co stało się z naszymi"
            " uwagami. Nawet odrzucona propozycja z uzasadnieniem to coś innego niż cisza” –"
            " mówiła przedstawicielka jednego z kół gospodyń wiejskich.</blockquote><p>Materiały"
            " ze spotkań (scenariusz warsztatu, wzór tabeli uwag) udostępniamy w ośrodku każdej"
            " organizacji i radzie dzielnicy, która chce zorganizować podobną rozmowę.</p>"
        ),
        "areas": ["13", "33"],
        "tags": ["samorząd", "dzielnice"],
        "organizations": [
            "stowarzyszenie-cis-myslowice",
            "urzad-miasta-myslowice",
            "kgw-przy-zalewie",
        ],
        "fields": {
            "problem": (
                "Konsultacje programu współpracy ograniczały się do publikacji projektu; uwagi"
                " zgłaszało kilka organizacji z centrum miasta."
            ),
            "actions": (
                "Ankieta przed przygotowaniem projektu, trzy warsztaty w różnych dzielnicach,"
                " wspólne czytanie projektu z urzędnikami, publiczny raport z rozpatrzenia uwag."
            ),
            "results": (
                "Udział ponad 40 organizacji, 63 uwagi, z czego większość przyjęto w całości lub"
                " części; harmonogram konkursów i priorytet seniorski w programie."
            ),
            "partners": (
                "Urząd Miasta Mysłowice, rady dzielnic Brzęczkowice-Słupna i Dziećkowice, Koło"
                " Gospodyń Wiejskich „Przy Zalewie”."
            ),
            "cost": (
                "Ok. 2 500 zł (poczęstunek, druk materiałów, dojazdy); sale udostępnione"
                " nieodpłatnie."
            ),
            "contact": "Koordynatorka ds. współpracy z samorządem, kontakt przez ośrodek",
        },
        "days_ago": 21,
    },
    {
        "kind": "good-practice",
        "title": (
            "Festyn sąsiedzki na Słupnej: jak zorganizować święto dzielnicy bez dużego budżetu"
        ),
        "slug": "festyn-sasiedzki-na-slupnej",
        "lead": (
            "Sześć organizacji, jedna szkoła, piekarnia i kilkudziesięciu wolontariuszy – tak"
            " powstał festyn, na który przyszło ponad 800 osób. Dzielimy się harmonogramem"
            " przygotowań."
        ),
        "body": (
            "<p>Stowarzyszenie Przyjaciół Słupnej od kilku lat organizuje pod koniec wakacji"
            " festyn sąsiedzki. Pierwsze edycje przygotowywał wąski zespół zarządu i każda"
            " kończyła się zmęczeniem. Ostatnio zmieniliśmy formułę: festyn stał się wspólnym"
            " projektem organizacji działających w Brzęczkowicach i na Słupnej.</p><h2>Harmonogram"
            " przygotowań</h2><ol><li><strong>4 miesiące przed</strong>: spotkanie partnerów,"
            " wybór daty, podział stref (sport, dzieci, kuchnia, scena, strefa"
            " organizacji).</li><li><strong>3 miesiące przed</strong>: oferta w trybie małego"
            " grantu na koszty sceny i nagłośnienia, rozmowy ze sponsorami.</li><li><strong>2"
            " miesiące przed</strong>: pisemna zgoda właściciela terenu, sprawdzenie, czy przy"
            " planowanej liczbie miejsc wydarzenie nie staje się imprezą masową wymagającą"
            " zezwolenia, rekrutacja wolontariuszy.</li><li><strong>1 miesiąc przed</strong>:"
            " plakaty, informacja w parafii, szkole i na osiedlowych grupach, szkolenie"
            " wolontariuszy, zakup ubezpieczenia NNW.</li><li><strong>Tydzień przed</strong>:"
            " odprawa z koordynatorami stref, plan awaryjny na deszcz.</li><li><strong>Po"
            " festynie</strong>: sprzątanie, podziękowania, rozliczenie grantu, spotkanie"
            " ewaluacyjne.</li></ol><h2>Kto za co odpowiadał</h2><ul><li>UKS „Orlik” – turniej"
            " piłkarski dla dzieci i bieg rodzinny,</li><li>szkolny klub wolontariatu – malowanie"
            " twarzy i gry podwórkowe,</li><li>Piekarnia „Złoty Kłos” – drożdżówki dla"
            " wolontariuszy i ciasto na loterię,</li><li>Stowarzyszenie Przyjaciół Słupnej –"
            " koordynacja, scena, spacer historyczny po"
            " dzielnicy.</li></ul><h2>Wolontariusze</h2><p>Na festynie pracowało 45 wolontariuszy,"
            " w tym 20 uczniów. Z każdym zawarliśmy porozumienie, a od rodziców niepełnoletnich"
            " zebraliśmy pisemne zgody. Każdy wolontariusz dostał koszulkę, identyfikator i jasny"
            " przydział do strefy z dyżurem nie dłuższym niż trzy godziny. Po festynie na prośbę"
            " wolontariuszy wydaliśmy zaświadczenia.</p><h2>Wnioski</h2><ul><li>Wspólna"
            " organizacja odciąża zarząd, ale wymaga jednej osoby koordynującej z prawem do"
            " podejmowania decyzji.</li><li>Strefa organizacji pozarządowych przyniosła kilku"
            " nowych członków i wolontariuszy.</li><li>Plan na deszcz (namioty, przeniesienie"
            " sceny pod zadaszenie) przydał się już drugi"
            " raz.</li></ul><h2>Finanse</h2><p>Największym kosztem były scena i nagłośnienie,"
            " pokryte z małego grantu. Nagrody w turnieju, poczęstunek dla wolontariuszy i"
            " materiały plastyczne przekazali lokalni przedsiębiorcy, a namioty i stoły"
            " wypożyczyliśmy bezpłatnie z ośrodka. Dzięki temu budżet zamknął się bez sięgania po"
            " składki członkowskie.</p>"
        ),
        "areas": ["13", "16", "27"],
        "tags": ["wydarzenia", "wolontariat", "dzielnice"],
        "organizations": [
            "stowarzyszenie-przyjaciol-slupnej",
            "uks-orlik-brzeczkowice",
            "piekarnia-zloty-klos",
        ],
        "fields": {
            "problem": (
                "Coroczny festyn organizowany przez wąską grupę osób, wyczerpujący dla zarządu i"
                " słabo znany poza najbliższą okolicą."
            ),
            "actions": (
                "Partnerstwo organizacji z dzielnicy, podział na strefy z koordynatorami, mały"
                " grant na scenę, wsparcie lokalnych firm, zespół 45 wolontariuszy."
            ),
            "results": (
                "Ponad 800 uczestników, 7 partnerów, 45 wolontariuszy, kilku nowych członków"
                " organizacji."
            ),
            "partners": (
                "UKS „Orlik” Brzęczkowice, Piekarnia „Złoty Kłos”, szkolny klub wolontariatu, rada"
                " dzielnicy Brzęczkowice-Słupna."
            ),
            "cost": (
                "Ok. 14 000 zł, w tym 9 500 zł z małego grantu, reszta ze sponsoringu i wkładu"
                " rzeczowego partnerów."
            ),
            "contact": "Koordynator festynu, kontakt przez ośrodek",
        },
        "days_ago": 75,
    },
    {
        "kind": "good-practice",
        "title": "Skwer na Bończyku: inicjatywa lokalna, w której sąsiedzi wzięli łopaty",
        "slug": "skwer-na-bonczyku-inicjatywa-lokalna",
        "lead": (
            "Zaniedbany trawnik między blokami zamienił się w skwer z ławkami, rabatami i"
            " stolikiem do gry. Miasto kupiło materiały, mieszkańcy przepracowali ponad 300"
            " godzin."
        ),
        "body": (
            "<p>Między blokami na osiedlu Bończyk-Tuwima przez lata leżał kawałek miejskiego"
            " gruntu, który służył głównie jako skrót do przystanku. Stowarzyszenie Sąsiedzkie"
            " Bończyk postanowiło to zmienić, korzystając z inicjatywy lokalnej – formy"
            " współpracy, w której miasto i mieszkańcy wspólnie realizują zadanie"
            " publiczne.</p><h2>Od pomysłu do wniosku</h2><p>Wszystko zaczęło się od spaceru"
            " badawczego z mieszkańcami. Spisano, czego brakuje: miejsca do siedzenia w cieniu,"
            " zieleni, która nie wymaga codziennego podlewania, i czegoś dla starszych dzieci."
            " Architektka krajobrazu mieszkająca na osiedlu przygotowała wolontariacko prosty"
            " projekt. Stowarzyszenie zebrało deklaracje pracy od 37 osób i złożyło wniosek w"
            " Urzędzie Miasta zgodnie z uchwałą Rady Miasta o inicjatywie lokalnej.</p><h2>Podział"
            " zadań</h2><ul><li><strong>Miasto</strong>: zakup ławek, stolika z planszą do"
            " szachów, ziemi i kory, nadzór nad usunięciem starego"
            " krawężnika.</li><li><strong>Mieszkańcy</strong>: przygotowanie terenu, sadzenie"
            " krzewów i bylin, malowanie, dokumentacja zdjęciowa, opieka nad zielenią przez"
            " pierwsze dwa lata.</li><li><strong>Lokalna drukarnia</strong>: tablica informacyjna"
            " i ulotki zapraszające na wspólne prace.</li></ul><h2>Przebieg</h2><p>Prace"
            " zaplanowano na trzy soboty w kwietniu i maju. Każdego dnia ktoś odpowiadał za listę"
            " obecności (potrzebną do rozliczenia wkładu pracy), ktoś inny za narzędzia i"
            " poczęstunek. Dzieci z pobliskiej szkoły przygotowały tabliczki z nazwami roślin. Na"
            " otwarcie skweru przyszło ponad sto osób.</p><h2>Co zadziałało</h2><ul><li>Włączenie"
            " rady dzielnicy od samego początku – pomogła w rozmowach z urzędem.</li><li>Rzetelna"
            " lista godzin pracy – ułatwiła rozliczenie i była mocnym argumentem przy ocenie"
            " wniosku.</li><li>Dobór roślin odpornych na suszę – skwer nie wymaga codziennego"
            " podlewania.</li></ul><h2>Co byśmy zmienili</h2><p>Procedura od złożenia wniosku do"
            " podpisania umowy trwała dłużej, niż zakładaliśmy, dlatego sadzenie przesunęło się na"
            " późną wiosnę. Następnym razem wniosek złożymy jesienią, z myślą o pracach w kolejnym"
            " sezonie. Warto też od razu ustalić, kto odpowiada za opróżnianie kosza – to pytanie"
            " wróciło już w pierwszym tygodniu.</p>"
        ),
        "areas": ["13", "32a", "18"],
        "tags": ["dzielnice", "samorząd", "ekologia"],
        "organizations": ["sasiedzi-bonczyk", "urzad-miasta-myslowice", "drukarnia-trojkat"],
        "fields": {
            "problem": (
                "Zaniedbany miejski trawnik między blokami, bez miejsc do odpoczynku i zieleni."
            ),
            "actions": (
                "Spacer badawczy, wolontariacki projekt, wniosek o inicjatywę lokalną, trzy dni"
                " wspólnych prac, opieka sąsiedzka nad zielenią."
            ),
            "results": (
                "Skwer z 4 ławkami, stolikiem do gry i rabatami; 312 godzin pracy społecznej 37"
                " mieszkańców; stała grupa opiekunów zieleni."
            ),
            "partners": (
                "Urząd Miasta Mysłowice, rada dzielnicy Bończyk-Tuwima, Drukarnia „Trójkąt”,"
                " pobliska szkoła podstawowa."
            ),
            "cost": (
                "Ok. 18 000 zł po stronie miasta (materiały i mała architektura) oraz wkład pracy"
                " i drobne materiały mieszkańców."
            ),
            "contact": "Przewodniczący zarządu stowarzyszenia, kontakt przez ośrodek",
        },
        "days_ago": 96,
    },
    {
        "kind": "good-practice",
        "title": "Klub seniora na Piasku: czwartki, które wyciągają z domu",
        "slug": "klub-seniora-na-piasku",
        "lead": (
            "Stowarzyszenie seniorów, biblioteka i MOPS stworzyły klub, w którym co tydzień"
            " spotyka się kilkadziesiąt osób. Sekret: program układany przez samych uczestników."
        ),
        "body": (
            "<p>Wielu starszych mieszkańców Piasku mieszka samotnie, a najbliższe zajęcia dla"
            " seniorów odbywały się w centrum miasta – dla części osób to za daleko."
            " Stowarzyszenie Seniorów „Aktywna Jesień” zaproponowało, by klub działał tam, gdzie"
            " seniorzy i tak bywają: w filii biblioteki, obok przychodni i sklepów.</p><h2>Jak"
            " działa klub</h2><p>Klub spotyka się w każdy czwartek od 10:00 do 13:00. Pierwsza"
            " godzina to zawsze kawa i rozmowa, potem zajęcia, a na koniec – ogłoszenia i"
            " planowanie. Program na kolejny miesiąc układa rada klubu: pięć osób wybieranych"
            " przez uczestników. Dzięki temu zajęcia odpowiadają na rzeczywiste zainteresowania, a"
            " nie na wyobrażenia organizatorów.</p><h3>Przykładowe zajęcia</h3><ul><li>gimnastyka"
            " na krzesłach prowadzona przez wolontariuszkę-fizjoterapeutkę,</li><li>warsztaty z"
            " obsługi smartfona i bankowości internetowej, prowadzone przez"
            " licealistów,</li><li>spotkania z dzielnicowym na temat oszustw „na wnuczka” i „na"
            " policjanta”,</li><li>wspomnienia o dawnym Piasku, nagrywane i przekazywane do"
            " biblioteki,</li><li>wyjścia do Miejskiego Ośrodka Kultury i wycieczki"
            " krajoznawcze.</li></ul><h2>Rola partnerów</h2><p>Biblioteka udostępnia salę i"
            " zaprasza seniorów na swoje wydarzenia. MOPS informuje o klubie osoby, z którymi"
            " pracują pracownicy socjalni, i pomaga dotrzeć do tych, którzy rzadko wychodzą z"
            " domu. Stowarzyszenie koordynuje całość, prowadzi listę uczestników i pozyskuje"
            " środki – część kosztów pokryto z miejskiego konkursu na zadania na rzecz osób w"
            " wieku emerytalnym.</p><h2>Efekty</h2><p>W pierwszym roku do klubu zapisało się 48"
            " osób, a średnio w spotkaniach bierze udział około 30. W ankiecie podsumowującej"
            " większość uczestników wskazała, że dzięki klubowi częściej wychodzi z domu i ma do"
            " kogo zadzwonić. Kilka osób zostało wolontariuszami – odwiedzają sąsiadów, którzy nie"
            " mogą dojść na spotkania.</p><h2>Wskazówki dla innych dzielnic</h2><ul><li>Szukajcie"
            " sali bez barier architektonicznych i blisko przystanku.</li><li>Stała pora spotkań"
            " jest ważniejsza niż atrakcyjny program.</li><li>Dajcie uczestnikom realny wpływ na"
            " program – rada klubu to dobre rozwiązanie.</li><li>Współpraca z MOPS pomaga dotrzeć"
            " do osób najbardziej samotnych.</li></ul>"
        ),
        "areas": ["10", "13"],
        "tags": ["seniorzy", "dzielnice"],
        "organizations": ["aktywna-jesien", "biblioteka-myslowice", "mops-myslowice"],
        "fields": {
            "problem": (
                "Samotność starszych mieszkańców Piasku i brak zajęć dla seniorów w pobliżu"
                " miejsca zamieszkania."
            ),
            "actions": (
                "Cotygodniowe spotkania w filii biblioteki, program ustalany przez radę klubu,"
                " zajęcia ruchowe, cyfrowe i z zakresu bezpieczeństwa, odwiedziny wolontariackie."
            ),
            "results": (
                "48 zapisanych osób, średnio 30 uczestników spotkania, 6 nowych"
                " wolontariuszy-seniorów."
            ),
            "partners": (
                "Miejska Biblioteka Publiczna, Miejski Ośrodek Pomocy Społecznej, Miejski Ośrodek"
                " Kultury, uczniowie liceum."
            ),
            "cost": (
                "Ok. 9 000 zł rocznie (materiały, poczęstunek, wycieczki, ubezpieczenie); sala"
                " nieodpłatnie."
            ),
            "contact": "Koordynatorka klubu, kontakt przez ośrodek",
        },
        "days_ago": 150,
    },
    {
        "kind": "good-practice",
        "title": "Szkolny klub wolontariatu w Janowie: od akcji zbiórkowych do stałej współpracy",
        "slug": "szkolny-klub-wolontariatu-janow",
        "lead": (
            "Klub wolontariatu w szkole podstawowej połączył uczniów z fundacją ekologiczną i"
            " seniorami z sąsiedztwa. Opisujemy, jak zorganizować taki klub zgodnie z prawem i z"
            " sensem."
        ),
        "body": (
            "<p>W Szkole Podstawowej nr 5 w Janowie wolontariat przez lata oznaczał głównie"
            " zbiórki: nakrętek, karmy, słodyczy na święta. Pedagożka szkolna i nauczyciel"
            " biologii postanowili przekształcić te akcje w klub, w którym uczniowie regularnie"
            " pracują z organizacjami z dzielnicy.</p><h2>Organizacja klubu</h2><ul><li>Klub"
            " działa jako zajęcia pozalekcyjne, raz w tygodniu, z dwojgiem"
            " opiekunów.</li><li>Należą do niego uczniowie klas 5–8. Na udział każdy przynosi"
            " pisemną zgodę rodziców.</li><li>Na początku roku uczniowie wybierają dwa stałe"
            " kierunki działań i jedno wydarzenie jednorazowe.</li><li>Każdy wolontariusz prowadzi"
            " „dzienniczek” z godzinami i krótkim opisem"
            " działań.</li></ul><h2>Partnerzy</h2><p><strong>Fundacja Zielony Janów</strong>"
            " zaprosiła uczniów do opieki nad szkolnym ogródkiem i do liczenia ptaków zimujących w"
            " dolinie Przemszy. Drugą stałą współpracą są odwiedziny w klubie seniora: uczniowie"
            " pomagają w obsłudze telefonów i prowadzą wspólne gry planszowe. Dzięki temu"
            " wolontariat przestał być jednorazowy – uczniowie widzą efekty swojej pracy i budują"
            " relacje.</p><h2>Formalności</h2><p>Gdy uczniowie pracują na rzecz organizacji"
            " pozarządowej poza szkołą, stroną porozumienia wolontariackiego jest ta organizacja,"
            " a szkoła zapewnia opiekę. Fundacja zawarła porozumienia z uczniami (za zgodą"
            " rodziców), zapewniła ubezpieczenie NNW na działania terenowe i przeszkolenie z zasad"
            " bezpieczeństwa. Osoby dorosłe pracujące z dziećmi zostały sprawdzone w Rejestrze"
            " Sprawców Przestępstw na Tle Seksualnym, a wspólne działania odbywają się zgodnie ze"
            " standardami ochrony małoletnich obu instytucji.</p><h2>Docenianie</h2><p>Na koniec"
            " roku każdy uczeń otrzymuje zaświadczenie z organizacji, a najbardziej zaangażowani –"
            " także opinię. Aktywność wolontariacka odnotowana na świadectwie ukończenia szkoły"
            " podstawowej daje dodatkowe punkty w rekrutacji do szkoły ponadpodstawowej, co dla"
            " wielu rodzin jest ważnym argumentem.</p><h2>Efekty</h2><p>W pierwszym roku w klubie"
            " działało 26 uczniów, którzy łącznie przepracowali ponad 700 godzin. Szkolny ogródek"
            " dostał nowe grządki i hotel dla owadów, a seniorzy poprosili o kontynuację wspólnych"
            " czwartków. Dwoje absolwentów działa dziś jako wolontariusze fundacji już w"
            " liceum.</p><h2>Rady dla innych szkół</h2><ol><li>Zacznijcie od jednego lub dwóch"
            " partnerów – lepiej działać regularnie niż szeroko.</li><li>Ustalcie z partnerem na"
            " piśmie, kto odpowiada za opiekę i ubezpieczenie.</li><li>Pozwólcie uczniom wybierać"
            " działania – motywacja rośnie wtedy wyraźnie.</li></ol>"
        ),
        "areas": ["27", "14", "15", "18"],
        "tags": ["wolontariat", "młodzież", "ekologia"],
        "organizations": ["sp5-myslowice", "fundacja-zielony-janow"],
        "fields": {
            "problem": (
                "Szkolny wolontariat ograniczał się do jednorazowych zbiórek, bez kontaktu z"
                " organizacjami i odbiorcami pomocy."
            ),
            "actions": (
                "Klub pozalekcyjny z opiekunami, stała współpraca z fundacją ekologiczną i klubem"
                " seniora, porozumienia i ubezpieczenie, dzienniczki godzin."
            ),
            "results": (
                "26 uczniów, ponad 700 godzin wolontariatu, szkolny ogródek, stałe spotkania"
                " międzypokoleniowe."
            ),
            "partners": (
                "Szkoła Podstawowa nr 5, Fundacja Zielony Janów, klub seniora, rada rodziców."
            ),
            "cost": (
                "Ok. 3 000 zł rocznie (materiały ogrodnicze, ubezpieczenie, koszulki), finansowane"
                " przez fundację i radę rodziców."
            ),
            "contact": "Opiekunka szkolnego klubu wolontariatu, kontakt przez ośrodek",
        },
        "days_ago": 188,
    },
    {
        "kind": "good-practice",
        "title": "Kuchnia pokoleń w Kosztowach: koło gospodyń uczy, młodzi nagrywają",
        "slug": "kuchnia-pokolen-kosztowy",
        "lead": (
            "Koło Gospodyń Wiejskich „Kosztowianki” spisało i nagrało dawne przepisy z okolicy,"
            " angażując młodzież z dzielnicy. Powstała książeczka, filmy i stałe warsztaty."
        ),
        "body": (
            "<p>Kosztowy to jedna z dzielnic Mysłowic, w której wciąż żywa jest wiejska tradycja."
            " Członkinie Koła Gospodyń Wiejskich „Kosztowianki” zauważyły jednak, że przepisy na"
            " potrawy przygotowywane na święta i dożynki znają już głównie osoby starsze, a młodzi"
            " rzadko zaglądają na spotkania koła.</p><h2>Pomysł</h2><p>Koło zaprosiło młodzież z"
            " dzielnicy do wspólnego projektu: seniorki gotują i opowiadają, młodzi nagrywają,"
            " fotografują i montują krótkie filmy. Każde spotkanie było poświęcone jednej potrawie"
            " – od żuru i klusek śląskich po ciasta drożdżowe na"
            " kołacz.</p><h2>Przebieg</h2><ul><li>10 warsztatów kulinarnych w świetlicy, każdy z"
            " udziałem 8–12 osób w różnym wieku,</li><li>nagrania rozmów o zwyczajach związanych z"
            " potrawami, przekazane do zbiorów lokalnej biblioteki,</li><li>warsztaty z fotografii"
            " i montażu prowadzone przez instruktora Miejskiego Ośrodka Kultury,</li><li>wydanie"
            " książeczki z przepisami i wspomnieniami w nakładzie 300"
            " egzemplarzy.</li></ul><h2>Formalności, o których warto pamiętać</h2><p>Koło zebrało"
            " pisemne zgody na utrwalenie i publikację wizerunku, a przy niepełnoletnich – zgody"
            " rodziców. Z osobami opowiadającymi wspomnienia uzgodniono, które fragmenty nagrań"
            " mogą zostać opublikowane. Ponieważ na warsztatach przygotowywano jedzenie dla"
            " uczestników, a nie na sprzedaż, nie trzeba było spełniać wymogów dla działalności"
            " gastronomicznej, ale zadbano o podstawowe zasady higieny. Przy degustacji na"
            " festynie dożynkowym koło skonsultowało się wcześniej z"
            " sanepidem.</p><h2>Efekty</h2><p>W projekcie wzięło udział 14 seniorek i 17 młodych"
            " osób. Powstało 10 filmów, które obejrzało w sieci kilka tysięcy osób, a książeczka"
            " trafiła do szkół, biblioteki i mieszkańców. Najważniejsze jednak, że do koła"
            " dołączyły trzy młode kobiety, a warsztaty kulinarne stały się stałym punktem"
            " programu – raz w miesiącu.</p><h2>Dla kogo ta praktyka</h2><p>Podobny projekt może"
            " zrealizować każda organizacja, która ma w swoim otoczeniu osoby z wiedzą o lokalnej"
            " tradycji: rzemiośle, gwarze, pieśniach czy historii dzielnicy. Najważniejsze jest"
            " połączenie ról – starsi dzielą się wiedzą, młodsi dają umiejętności cyfrowe, i obie"
            " strony czują się potrzebne.</p>"
        ),
        "areas": ["4", "16", "10", "15"],
        "tags": ["seniorzy", "młodzież", "dzielnice"],
        "organizations": ["kgw-kosztowianki", "mok-myslowice", "biblioteka-myslowice"],
        "fields": {
            "problem": (
                "Zanikanie lokalnych tradycji kulinarnych i słaby kontakt koła gospodyń z"
                " młodszymi mieszkańcami dzielnicy."
            ),
            "actions": (
                "Międzypokoleniowe warsztaty kulinarne, nagrania wspomnień, warsztaty filmowe,"
                " wydanie książeczki z przepisami."
            ),
            "results": (
                "31 uczestników, 10 filmów, 300 egzemplarzy książeczki, 3 nowe członkinie koła,"
                " stałe comiesięczne warsztaty."
            ),
            "partners": (
                "Miejski Ośrodek Kultury, Miejska Biblioteka Publiczna, rada dzielnicy Kosztowy."
            ),
            "cost": (
                "Ok. 11 000 zł (produkty, druk, honorarium instruktora), w tym dotacja w konkursie"
                " miejskim z zakresu kultury."
            ),
            "contact": "Przewodnicząca koła gospodyń, kontakt przez ośrodek",
        },
        "days_ago": 240,
    },
    {
        "kind": "research",
        "title": "Diagnoza potrzeb mysłowickich organizacji pozarządowych 2026",
        "slug": "diagnoza-potrzeb-organizacji-2026",
        "lead": (
            "Ankieta i wywiady z przedstawicielami organizacji pokazują, że największym problemem"
            " nie są dziś pieniądze, lecz ludzie: brak następców w zarządach i trudność w"
            " utrzymaniu wolontariuszy."
        ),
        "body": (
            "<p>Wiosną ośrodek przeprowadził badanie potrzeb organizacji działających w"
            " Mysłowicach. Chcieliśmy sprawdzić, z czym organizacje mierzą się na co dzień i jakie"
            " wsparcie ośrodka uważają za najbardziej przydatne. Wyniki posłużyły do zaplanowania"
            " szkoleń i doradztwa na kolejny rok.</p><h2>Kto odpowiedział</h2><p>W badaniu wzięły"
            " udział stowarzyszenia rejestrowe i zwykłe, fundacje, koła gospodyń wiejskich,"
            " uczniowskie kluby sportowe i grupy nieformalne. Najwięcej z nich działa w"
            " Śródmieściu, na Piasku i w Brzęczkowicach, ale odpowiedzi przyszły ze wszystkich"
            " dzielnic. Ponad połowa organizacji ma roczny budżet poniżej 20 000 zł, a co trzecia"
            " nie zatrudnia nikogo i opiera się wyłącznie na pracy"
            " społecznej.</p><h2>Najważniejsze wnioski</h2><ol><li><strong>Ludzie ważniejsi niż"
            " pieniądze.</strong> Na pytanie o największy problem najczęściej wskazywano brak osób"
            " chętnych do zaangażowania się na stałe oraz przeciążenie liderów. W wielu"
            " organizacjach zarząd od lat tworzą te same dwie–trzy"
            " osoby.</li><li><strong>Formalności zniechęcają.</strong> Sprawozdania do KRS,"
            " rozliczenia dotacji i RODO są wskazywane jako główne źródło stresu, szczególnie w"
            " organizacjach bez księgowej.</li><li><strong>Dotacje miejskie – tak, ale"
            " przewidywalne.</strong> Organizacje chcą znać harmonogram konkursów z wyprzedzeniem"
            " i oczekują prostszych rozliczeń małych kwot.</li><li><strong>Brak miejsca.</strong>"
            " Co czwarta organizacja nie ma stałej siedziby ani miejsca na przechowywanie"
            " sprzętu.</li><li><strong>Słaba widoczność.</strong> Organizacje mają trudność z"
            " dotarciem do mieszkańców poza własnym kręgiem znajomych; niewiele korzysta z mediów"
            " społecznościowych w zaplanowany sposób.</li></ol><h2>Czego oczekują od"
            " ośrodka</h2><ul><li>indywidualnych konsultacji księgowych i prawnych, także w"
            " godzinach popołudniowych,</li><li>szkoleń praktycznych: budżet projektu, e-KRS,"
            " zbiórki i 1,5%,</li><li>sal na spotkania i warsztaty oraz wypożyczalni sprzętu"
            " (namioty, nagłośnienie, rzutnik),</li><li>pomocy w pozyskiwaniu wolontariuszy i"
            " łączeniu z firmami.</li></ul><h2>Co z tego wynika</h2><p>Na podstawie diagnozy"
            " ośrodek rozszerzył godziny dyżurów, przygotował cykl szkoleń „Formalności bez"
            " stresu” i uruchomił rezerwację sal oraz wypożyczalnię sprzętu na platformie. Wyniki"
            " przekazaliśmy też Urzędowi Miasta jako materiał do konsultacji programu"
            " współpracy.</p><p>Badanie nie jest reprezentatywne w sensie statystycznym –"
            " odpowiadały przede wszystkim organizacje, które mają już kontakt z ośrodkiem – ale"
            " dobrze pokazuje kierunek potrzeb.</p>"
        ),
        "areas": ["33", "13"],
        "tags": ["badania", "szkolenia", "wolontariat"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {
            "method": (
                "Ankieta internetowa i papierowa (21 pytań) oraz 8 wywiadów pogłębionych z"
                " przedstawicielami organizacji; badanie od marca do kwietnia 2026 r."
            ),
            "sample": (
                "64 organizacje pozarządowe i grupy nieformalne z Mysłowic (ok. 30% aktywnych"
                " organizacji w mieście)."
            ),
            "findings": (
                "Największe bariery: brak ludzi i przeciążenie liderów (58% wskazań), formalności"
                " (47%), brak siedziby (26%). Oczekiwane wsparcie: konsultacje księgowo-prawne,"
                " szkolenia praktyczne, sale i sprzęt, łączenie z wolontariuszami."
            ),
        },
        "days_ago": 180,
    },
    {
        "kind": "research",
        "title": "Wolontariat młodzieży w mysłowickich szkołach: wyniki ankiety",
        "slug": "wolontariat-mlodziezy-w-szkolach-ankieta",
        "lead": (
            "Uczniowie chętnie pomagają, ale rzadko wiedzą, gdzie szukać ofert. Ankieta w szkołach"
            " podstawowych i ponadpodstawowych pokazuje, co motywuje młodych wolontariuszy."
        ),
        "body": (
            "<p>Razem ze szkołami i opiekunami szkolnych kół wolontariatu zapytaliśmy uczniów, czy"
            " i jak angażują się w pomoc innym, co ich do tego skłania i co zniechęca. Badanie"
            " miało pomóc organizacjom w lepszym przygotowaniu ofert dla młodych ludzi.</p><h2>Jak"
            " badaliśmy</h2><p>Ankieta była anonimowa i dobrowolna, a uczniowie wypełniali ją na"
            " lekcjach wychowawczych za zgodą dyrekcji szkół. Kwestionariusz przygotowaliśmy razem"
            " z opiekunami szkolnych kół wolontariatu i przetestowaliśmy na małej grupie uczniów,"
            " żeby pytania były zrozumiałe także dla dwunastolatków.</p><h2>Najważniejsze"
            " wyniki</h2><ul><li><strong>Doświadczenie.</strong> Większość ankietowanych choć raz"
            " w ostatnim roku wzięła udział w akcji wolontariackiej, najczęściej w zbiórce"
            " organizowanej przez szkołę. Regularny wolontariat w organizacji deklarował znacznie"
            " mniejszy odsetek.</li><li><strong>Motywacje.</strong> Najczęściej wskazywano chęć"
            " pomocy, spędzanie czasu ze znajomymi i zdobycie doświadczenia. Dla uczniów szkół"
            " podstawowych ważne są też punkty rekrutacyjne za wolontariat, dla starszych – wpis"
            " do CV.</li><li><strong>Bariery.</strong> Brak informacji o ofertach, obawa, że „nie"
            " dam rady”, oraz brak czasu w okresie egzaminów. Część uczniów nie wiedziała, że"
            " niepełnoletni mogą być wolontariuszami w organizacjach za zgodą"
            " rodziców.</li><li><strong>Preferowane działania.</strong> Pomoc zwierzętom,"
            " działania ekologiczne, wydarzenia sportowe i festyny, zajęcia z dziećmi. Najmniej"
            " chętnie – praca biurowa.</li><li><strong>Kanały informacji.</strong> Uczniowie"
            " oczekują informacji od nauczycieli i w mediach społecznościowych, a nie na stronach"
            " internetowych organizacji.</li></ul><h2>Wnioski dla"
            " organizacji</h2><ol><li>Proponujcie krótkie, konkretne zadania z jasnym terminem –"
            " łatwiej zacząć od jednego wydarzenia.</li><li>Zapraszajcie całe grupy – obecność"
            " znajomych obniża próg wejścia.</li><li>Przygotujcie wzór zgody rodzica i"
            " porozumienia; uczniowie i rodzice doceniają jasne zasady.</li><li>Wydawajcie"
            " zaświadczenia bez przypominania – to dla młodych ważne.</li><li>Współpracujcie z"
            " opiekunami szkolnych kół wolontariatu, bo to oni najskuteczniej przekazują"
            " oferty.</li></ol><p>Na podstawie wyników ośrodek przygotował na platformie możliwość"
            " oznaczania ofert wolontariatu odpowiednich dla osób niepełnoletnich oraz zestaw"
            " wzorów dokumentów dla organizacji.</p>"
        ),
        "areas": ["27", "15", "14"],
        "tags": ["badania", "wolontariat", "młodzież"],
        "organizations": ["sp5-myslowice", "sp8-myslowice", "zsp2-myslowice"],
        "fields": {
            "method": (
                "Anonimowa ankieta internetowa wypełniana na lekcjach wychowawczych; październik"
                " 2025 r."
            ),
            "sample": (
                "486 uczniów klas 6–8 szkół podstawowych i klas 1–3 szkoły ponadpodstawowej z"
                " trzech mysłowickich szkół."
            ),
            "findings": (
                "71% uczestniczyło w co najmniej jednej akcji w ostatnim roku, 14% działa"
                " regularnie; główne bariery to brak informacji (49%) i obawa przed niepowodzeniem"
                " (27%); największe zainteresowanie budzi pomoc zwierzętom i ekologia."
            ),
        },
        "days_ago": 300,
    },
    {
        "kind": "research",
        "title": "Seniorzy w dzielnicach peryferyjnych: potrzeby i bariery",
        "slug": "seniorzy-w-dzielnicach-peryferyjnych",
        "lead": (
            "Badanie w dzielnicach Dziećkowice, Kosztowy i Krasowy pokazało, że dla starszych"
            " mieszkańców największą przeszkodą w udziale w życiu społecznym jest transport i brak"
            " informacji."
        ),
        "body": (
            "<p>Mysłowice to miasto o bardzo zróżnicowanych dzielnicach. O ile w Śródmieściu i na"
            " Piasku oferta dla seniorów jest stosunkowo bogata, to w dzielnicach położonych dalej"
            " od centrum starsi mieszkańcy mają do niej utrudniony dostęp. Wspólnie z"
            " organizacjami seniorskimi i kołami gospodyń sprawdziliśmy, czego potrzebują seniorzy"
            " z dzielnic Dziećkowice, Kosztowy i Krasowy.</p><h2>Jak"
            " badaliśmy</h2><p>Wolontariuszki i wolontariusze przeprowadzili rozmowy"
            " kwestionariuszowe w miejscach, gdzie seniorzy bywają: po mszach, w przychodniach, w"
            " sklepach i na spotkaniach kół gospodyń. Dodatkowo zorganizowaliśmy dwa wywiady"
            " grupowe w świetlicach.</p><h2>Wyniki</h2><ul><li><strong>Transport.</strong> Ponad"
            " połowa badanych jako główną przeszkodę w udziale w zajęciach w centrum wskazała"
            " dojazd: rzadkie kursy autobusów, zwłaszcza popołudniami i w weekendy, oraz trudność"
            " z wejściem do pojazdu.</li><li><strong>Informacja.</strong> Seniorzy dowiadują się o"
            " wydarzeniach głównie z ogłoszeń parafialnych, od sąsiadów i z plakatów w sklepach."
            " Internet jako źródło informacji wskazała mniejszość"
            " badanych.</li><li><strong>Zainteresowania.</strong> Najczęściej wskazywano zajęcia"
            " ruchowe, spotkania towarzyskie, wycieczki oraz porady dotyczące zdrowia i"
            " bezpieczeństwa, w tym ochrony przed oszustwami.</li><li><strong>Gotowość do"
            " działania.</strong> Co piąta osoba zadeklarowała chęć zaangażowania się jako"
            " wolontariusz, np. w odwiedziny u osób"
            " samotnych.</li></ul><h2>Rekomendacje</h2><ol><li>Przenosić zajęcia do dzielnic"
            " zamiast zapraszać seniorów do centrum – wykorzystywać świetlice, szkoły i"
            " remizy.</li><li>Informować „analogowo”: plakaty w sklepach i przychodniach,"
            " ogłoszenia parafialne, ulotki przekazywane przez koła gospodyń.</li><li>Rozważyć"
            " wspólny z miastem dowóz na wybrane wydarzenia, np. raz w"
            " miesiącu.</li><li>Wykorzystać potencjał seniorów-wolontariuszy w"
            " dzielnicach.</li></ol><h2>Głosy mieszkańców</h2><blockquote>„Na zajęcia do miasta"
            " pojechałabym chętnie, ale ostatni autobus wraca, zanim się skończą. Gdyby coś było w"
            " świetlicy, przyszłabym z sąsiadką” – mówiła jedna z uczestniczek wywiadu"
            " grupowego.</blockquote><p>Podobne wypowiedzi powtarzały się w każdej z trzech"
            " dzielnic: seniorzy nie narzekali na brak oferty w mieście, tylko na to, że nie są w"
            " stanie z niej skorzystać.</p><p>Wyniki zostały przedstawione na spotkaniu z"
            " przedstawicielami Urzędu Miasta i MOPS, a część rekomendacji trafiła do projektu"
            " programu współpracy na kolejny rok.</p>"
        ),
        "areas": ["10", "13"],
        "tags": ["badania", "seniorzy", "dzielnice"],
        "organizations": ["kgw-przy-zalewie", "kgw-kosztowianki", "krasowianie"],
        "fields": {
            "method": (
                "Wywiady kwestionariuszowe prowadzone przez przeszkolonych wolontariuszy oraz 2"
                " wywiady grupowe; czerwiec–wrzesień 2025 r."
            ),
            "sample": (
                "212 osób w wieku 60+ zamieszkałych w dzielnicach Dziećkowice, Kosztowy i Krasowy;"
                " dobór celowy w miejscach codziennej aktywności."
            ),
            "findings": (
                "54% wskazuje transport jako główną barierę; 68% czerpie informacje z ogłoszeń"
                " parafialnych i od sąsiadów; najbardziej oczekiwane są zajęcia ruchowe i"
                " spotkania; 21% deklaruje gotowość do wolontariatu."
            ),
        },
        "days_ago": 380,
    },
    {
        "kind": "regulation",
        "title": "Mały grant krok po kroku: jak złożyć ofertę w trybie art. 19a",
        "slug": "maly-grant-krok-po-kroku-art-19a",
        "lead": (
            "Tryb pozakonkursowy pozwala dostać do 10 000 zł na krótkie zadanie bez czekania na"
            " konkurs. Wyjaśniamy limity, terminy i to, co musi znaleźć się w uproszczonej"
            " ofercie."
        ),
        "body": (
            "<p>Tak zwany <strong>mały grant</strong> to tryb przewidziany w art. 19a ustawy o"
            " działalności pożytku publicznego i o wolontariacie. Prezydent Miasta może zlecić"
            " organizacji realizację zadania publicznego z pominięciem otwartego konkursu ofert –"
            " na wniosek samej organizacji. Dla wielu mysłowickich stowarzyszeń to najprostsza"
            " droga do sfinansowania pikniku, warsztatów czy wydania broszury, które pojawiły się"
            " w planach w trakcie roku.</p><h2>Warunki, które trzeba spełnić"
            " łącznie</h2><ul><li>zadanie ma charakter lokalny lub regionalny,</li><li>kwota"
            " dofinansowania lub finansowania nie przekracza <strong>10 000"
            " zł</strong>,</li><li>zadanie trwa <strong>nie dłużej niż 90"
            " dni</strong>,</li><li>jedna organizacja może otrzymać od tego samego organu w tym"
            " trybie łącznie najwyżej <strong>20 000 zł w roku"
            " kalendarzowym</strong>.</li></ul><p>Ustawa ogranicza też pulę całego miasta: środki"
            " na małe granty nie mogą przekroczyć 20% dotacji zaplanowanych w danym roku na"
            " zadania realizowane przez organizacje pozarządowe. Pod koniec roku pula bywa już"
            " wyczerpana, dlatego warto pytać w Wydziale właściwym do spraw współpracy z"
            " organizacjami, ile środków jeszcze pozostało.</p><h2>Uproszczona"
            " oferta</h2><p>Ofertę składa się na uproszczonym wzorze określonym rozporządzeniem"
            " Przewodniczącego Komitetu do spraw Pożytku Publicznego. Jest krótsza od zwykłej"
            " oferty konkursowej, ale wymaga konkretów:</p><ol><li>opisu zadania i miejsca"
            " realizacji (np. skwer na Piasku),</li><li>harmonogramu działań mieszczącego się w 90"
            " dniach,</li><li>zakładanych rezultatów – najlepiej policzalnych,</li><li>kalkulacji"
            " kosztów z podziałem na pozycje,</li><li>informacji o wkładzie własnym, jeśli"
            " organizacja go wnosi.</li></ol><h2>Publikacja i uwagi mieszkańców</h2><p>Jeśli urząd"
            " uzna zadanie za celowe, publikuje ofertę na <strong>7 dni</strong> w Biuletynie"
            " Informacji Publicznej, na stronie internetowej miasta i na tablicy ogłoszeń urzędu."
            " W tym czasie każdy może zgłosić uwagi. Dopiero po upływie tego terminu i"
            " rozpatrzeniu uwag zawiera się umowę. W praktyce od złożenia oferty do podpisania"
            " umowy mijają zwykle 2–4 tygodnie, więc ofertę najlepiej złożyć co najmniej miesiąc"
            " przed planowanym startem.</p><h2>Na co uważać</h2><ul><li>Koszty poniesione przed"
            " zawarciem umowy zazwyczaj nie mogą być pokryte z dotacji.</li><li>Termin 90 dni"
            " dotyczy całego zadania, łącznie z przygotowaniem i podsumowaniem.</li><li>Po"
            " zakończeniu zadania składa się uproszczone sprawozdanie – termin określa umowa,"
            " zwykle jest to 30 dni.</li></ul><blockquote>Przed złożeniem oferty umów się na"
            " bezpłatną konsultację w ośrodku – sprawdzimy budżet i harmonogram, zanim zrobi to"
            " urząd.</blockquote>"
        ),
        "areas": ["33", "13"],
        "tags": ["dotacje", "samorząd"],
        "organizations": ["stowarzyszenie-cis-myslowice", "urzad-miasta-myslowice"],
        "fields": {
            "legal_act": (
                "Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o"
                " wolontariacie"
            ),
            "act_date": "2003-04-24",
            "in_force_from": "2003-06-29",
            "in_force_to": "",
            "source_url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20030960873",
        },
        "days_ago": 34,
    },
    {
        "kind": "regulation",
        "title": "Wolontariat zgodnie z prawem: porozumienie, ubezpieczenie, zaświadczenie",
        "slug": "wolontariat-zgodnie-z-prawem",
        "lead": (
            "Przegląd obowiązków organizacji, która przyjmuje wolontariuszy: od porozumienia i"
            " ubezpieczenia NNW po zaświadczenie, opinię i zwrot kosztów."
        ),
        "body": (
            "<p>Wolontariusz to osoba, która ochotniczo i bez wynagrodzenia wykonuje świadczenia"
            " na rzecz organizacji pozarządowej, instytucji publicznej lub innego podmiotu"
            " wskazanego w ustawie o działalności pożytku publicznego i o wolontariacie."
            " Wolontariuszem może być także członek stowarzyszenia działający na rzecz własnej"
            " organizacji. Ustawa nazywa organizację przyjmującą wolontariusza"
            " <em>korzystającym</em> i nakłada na nią kilka"
            " obowiązków.</p><h2>Porozumienie</h2><p>Z wolontariuszem zawiera się porozumienie"
            " określające zakres, sposób i czas wykonywania świadczeń oraz możliwość jego"
            " rozwiązania. Jeśli współpraca trwa <strong>dłużej niż 30 dni</strong>, porozumienie"
            " musi mieć formę pisemną. Przy krótszej współpracy wystarczy ustne uzgodnienie, ale"
            " na żądanie wolontariusza organizacja potwierdza jego treść na piśmie. Prosty wzór"
            " porozumienia przyda się nawet przy jednodniowym festynie.</p><h2>Bezpieczeństwo i"
            " ubezpieczenie</h2><ul><li>Organizacja informuje wolontariusza o ryzyku dla zdrowia i"
            " zasadach ochrony przed zagrożeniami oraz zapewnia mu bezpieczne i higieniczne"
            " warunki.</li><li>Przy świadczeniach trwających <strong>do 30 dni</strong>"
            " organizacja ma obowiązek zapewnić wolontariuszowi ubezpieczenie od następstw"
            " nieszczęśliwych wypadków (NNW).</li><li>Przy dłuższej współpracy wolontariusz jest"
            " objęty świadczeniami przewidzianymi w przepisach o ubezpieczeniu społecznym z tytułu"
            " wypadków przy pracy.</li></ul><h2>Koszty</h2><p>Organizacja pokrywa koszty podróży"
            " służbowych i diet na zasadach takich jak dla pracowników, a także może pokrywać"
            " koszty szkoleń potrzebnych do pracy wolontariusza. Wolontariusz może zwolnić"
            " organizację z obowiązku zwrotu kosztów w całości lub części – najlepiej zapisać to w"
            " porozumieniu.</p><h2>Zaświadczenie i opinia</h2><p>Na prośbę wolontariusza"
            " organizacja wydaje pisemne <strong>zaświadczenie</strong> o wykonaniu świadczeń"
            " (zakres i okres współpracy), a na odrębną prośbę także <strong>opinię</strong>,"
            " czyli list referencyjny opisujący, jak wolontariusz wykonywał zadania. Dla uczniów i"
            " studentów z Mysłowic to często pierwszy dokument do CV.</p><h2>Wolontariusze"
            " niepełnoletni</h2><p>Osoba niepełnoletnia może być wolontariuszem za zgodą rodzica"
            " lub opiekuna prawnego. Zgoda powinna być pisemna, a zadania dostosowane do wieku."
            " Wolontariat dzieci poniżej 13 lat powinien mieć charakter wychowawczy lub edukacyjny"
            " i odbywać się pod opieką dorosłych.</p><h2>Praca z dziećmi</h2><p>Jeśli wolontariusz"
            " będzie miał kontakt z dziećmi, organizacja musi sprawdzić go w Rejestrze Sprawców"
            " Przestępstw na Tle Seksualnym i stosować przyjęte u siebie standardy ochrony"
            " małoletnich.</p>"
        ),
        "areas": ["27", "33"],
        "tags": ["wolontariat", "prawo"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {
            "legal_act": (
                "Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o"
                " wolontariacie"
            ),
            "act_date": "2003-04-24",
            "in_force_from": "2003-06-29",
            "in_force_to": "",
            "source_url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20030960873",
        },
        "days_ago": 61,
    },
    {
        "kind": "regulation",
        "title": "Inicjatywa lokalna: mieszkańcy i miasto robią coś razem",
        "slug": "inicjatywa-lokalna-art-19b",
        "lead": (
            "Inicjatywa lokalna pozwala mieszkańcom zrealizować zadanie publiczne wspólnie z"
            " miastem, wnosząc własną pracę, materiały lub pieniądze. Wyjaśniamy, czym różni się"
            " od dotacji."
        ),
        "body": (
            "<p>Inicjatywa lokalna (art. 19b–19h ustawy o działalności pożytku publicznego i o"
            " wolontariacie) to forma współpracy, w której mieszkańcy – bezpośrednio albo za"
            " pośrednictwem organizacji pozarządowej – składają wniosek o wspólną realizację"
            " zadania publicznego. To nie jest dotacja: miasto nie przekazuje pieniędzy"
            " wnioskodawcom, tylko samo ponosi część kosztów (np. kupuje materiały lub usługi), a"
            " mieszkańcy wnoszą swój wkład.</p><h2>W jakich sprawach</h2><p>Ustawa wymienia"
            " zamknięty katalog obszarów. Należą do nich m.in.:</p><ul><li>infrastruktura będąca"
            " własnością miasta – np. remont chodnika, budowa placu zabaw, urządzenie"
            " skweru,</li><li>edukacja, oświata i wychowanie,</li><li>kultura, sztuka i ochrona"
            " dziedzictwa,</li><li>kultura fizyczna i sport,</li><li>ochrona"
            " środowiska,</li><li>turystyka i krajoznawstwo,</li><li>porządek i bezpieczeństwo"
            " publiczne,</li><li>działalność charytatywna, rewitalizacja, działania na rzecz osób"
            " z niepełnosprawnościami.</li></ul><h2>Wkład mieszkańców</h2><p>Wnioskodawcy"
            " zobowiązują się do świadczeń: <strong>pracy społecznej</strong> (np. sadzenie"
            " krzewów, malowanie ławek), <strong>świadczeń rzeczowych</strong> (sprzęt, materiały)"
            " lub <strong>pieniężnych</strong>. Wkład pracy jest zwykle najważniejszym kryterium"
            " oceny.</p><h2>Tryb i kryteria</h2><p>Szczegółowy tryb i kryteria oceny wniosków"
            " określa Rada Miasta w drodze uchwały. Kryteria muszą uwzględniać przede wszystkim"
            " wkład pracy społecznej. Przed złożeniem wniosku sprawdź aktualną uchwałę i wzór"
            " wniosku w BIP Urzędu Miasta Mysłowice. Po pozytywnej ocenie miasto zawiera z"
            " wnioskodawcą umowę określającą zadanie, podział obowiązków i"
            " harmonogram.</p><h2>Praktyczne wskazówki</h2><ul><li>Upewnij się, że teren należy do"
            " miasta – działki spółdzielni mieszkaniowych czy Skarbu Państwa wymagają innego"
            " rozwiązania.</li><li>Zbierz listę osób deklarujących pracę i policz godziny – to"
            " urealnia wniosek.</li><li>Skonsultuj pomysł z radą dzielnicy; jej poparcie zwykle"
            " pomaga.</li><li>Pamiętaj o późniejszym utrzymaniu: kto będzie podlewał rośliny czy"
            " naprawiał ławki?</li></ul><h2>Czym różni się od dotacji</h2><p>W dotacji organizacja"
            " otrzymuje pieniądze i sama realizuje zadanie, a potem je rozlicza. W inicjatywie"
            " lokalnej to miasto ponosi wydatki po swojej stronie, a wnioskodawcy nie muszą"
            " prowadzić rozliczeń finansowych ani mieć statusu organizacji – wniosek mogą złożyć"
            " także mieszkańcy bez formalnej struktury.</p><p>Przykład takiej współpracy opisujemy"
            " w tekście o skwerze na Bończyku.</p>"
        ),
        "areas": ["13", "32a"],
        "tags": ["samorząd", "dzielnice", "prawo"],
        "organizations": ["urzad-miasta-myslowice"],
        "fields": {
            "legal_act": (
                "Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o"
                " wolontariacie"
            ),
            "act_date": "2003-04-24",
            "in_force_from": "2003-06-29",
            "in_force_to": "",
            "source_url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20030960873",
        },
        "days_ago": 118,
    },
    {
        "kind": "regulation",
        "title": "Stowarzyszenie zwykłe w Mysłowicach: jak wpisać się do ewidencji",
        "slug": "stowarzyszenie-zwykle-wpis-do-ewidencji",
        "lead": (
            "Trzy osoby, regulamin i wniosek do Prezydenta Miasta – tyle wystarczy, by sąsiedzka"
            " grupa stała się stowarzyszeniem zwykłym. Opisujemy procedurę i ograniczenia tej"
            " formy."
        ),
        "body": (
            "<p>Stowarzyszenie zwykłe to uproszczona forma stowarzyszenia, dobra dla grup"
            " sąsiedzkich, klubów zainteresowań i inicjatyw, które nie potrzebują rozbudowanej"
            " struktury. Nie ma osobowości prawnej, ale może we własnym imieniu nabywać prawa,"
            " zaciągać zobowiązania, pozywać i być pozywane. Od 2016 roku nie jest już wpisywane"
            " przez sąd – trafia do ewidencji prowadzonej przez organ nadzorujący.</p><h2>Kto"
            " prowadzi ewidencję w Mysłowicach</h2><p>Mysłowice są miastem na prawach powiatu,"
            " więc ewidencję stowarzyszeń zwykłych prowadzi <strong>Prezydent Miasta"
            " Mysłowice</strong>. Wniosek składa się w Urzędzie Miasta – osobiście w kancelarii"
            " albo elektronicznie przez ePUAP.</p><h2>Co przygotować</h2><ol><li><strong>Regulamin"
            " działalności</strong> – nazwa, cele, teren i środki działania, siedziba, sposób"
            " reprezentacji (przedstawiciel albo zarząd), zasady zmiany regulaminu, nabywania i"
            " utraty członkostwa oraz rozwiązania stowarzyszenia.</li><li><strong>Listę"
            " założycieli</strong> – co najmniej trzy osoby, z imionami, nazwiskami, datą i"
            " miejscem urodzenia, adresem zamieszkania i własnoręcznymi"
            " podpisami.</li><li><strong>Wniosek o wpis do ewidencji</strong> podpisany przez"
            " przedstawiciela lub członków zarządu, z adresem siedziby.</li><li>Jeśli powołano"
            " komisję rewizyjną – informację o jej składzie.</li></ol><p>Organ ma 7 dni na"
            " dokonanie wpisu. Stowarzyszenie zwykłe może rozpocząć działalność z chwilą wpisu do"
            " ewidencji. Wpis jest bezpłatny.</p><h2>Ograniczenia</h2><ul><li>Nie można prowadzić"
            " działalności gospodarczej ani odpłatnej działalności pożytku"
            " publicznego.</li><li>Nie można tworzyć oddziałów terenowych ani powoływać innych"
            " stowarzyszeń.</li><li>Środki mogą pochodzić m.in. ze składek członkowskich,"
            " darowizn, spadków, zapisów, dochodów z majątku, dotacji i ofiarności"
            " publicznej.</li><li>Stowarzyszenie zwykłe nie może uzyskać statusu organizacji"
            " pożytku publicznego.</li></ul><h2>Po rejestracji</h2><p>Zmiany regulaminu,"
            " przedstawiciela lub składu zarządu zgłasza się do ewidencji w ustawowym terminie,"
            " zwykle 30 dni. Stowarzyszenie zwykłe może wystąpić o NIP i REGON, założyć rachunek"
            " bankowy i ubiegać się o dotacje miejskie, w tym małe granty. Gdy grupa się"
            " rozrośnie, może przekształcić się w stowarzyszenie rejestrowe wpisane do"
            " KRS.</p><p>W ośrodku udostępniamy wzór regulaminu przygotowany z myślą o grupach"
            " sąsiedzkich – można go dopasować do własnych celów.</p>"
        ),
        "areas": ["33", "13"],
        "tags": ["rejestracja", "prawo", "samorząd"],
        "organizations": ["krasowianie", "kino-sasiedzkie", "urzad-miasta-myslowice"],
        "fields": {
            "legal_act": "Ustawa z dnia 7 kwietnia 1989 r. – Prawo o stowarzyszeniach",
            "act_date": "1989-04-07",
            "in_force_from": "1989-04-17",
            "in_force_to": "",
            "source_url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU19890200104",
        },
        "days_ago": 142,
    },
    {
        "kind": "regulation",
        "title": "Sprawozdanie finansowe do KRS: terminy i e-KRS",
        "slug": "sprawozdanie-finansowe-krs-terminy",
        "lead": (
            "Każde stowarzyszenie i fundacja wpisane do KRS co roku sporządza, zatwierdza i składa"
            " sprawozdanie finansowe – wyłącznie elektronicznie. Przypominamy kalendarz i"
            " najczęstsze błędy."
        ),
        "body": (
            "<p>Organizacje wpisane do Krajowego Rejestru Sądowego prowadzą księgi rachunkowe na"
            " podstawie ustawy o rachunkowości i co roku muszą złożyć sprawozdanie finansowe."
            " Dotyczy to także małych stowarzyszeń, które w danym roku miały niewiele operacji"
            " albo nie miały ich wcale.</p><h2>Kalendarz (przy roku obrotowym równym"
            " kalendarzowemu)</h2><ul><li><strong>do 31 marca</strong> – sporządzenie sprawozdania"
            " finansowego oraz złożenie zeznania CIT-8 z załącznikiem CIT-8/O w urzędzie"
            " skarbowym,</li><li><strong>do 30 czerwca</strong> – zatwierdzenie sprawozdania przez"
            " organ wskazany w statucie (np. walne zebranie członków),</li><li><strong>do 15"
            " lipca</strong> – złożenie sprawozdania wraz z uchwałą zatwierdzającą do"
            " KRS,</li><li><strong>do 15 lipca</strong> – organizacje pożytku publicznego"
            " dodatkowo publikują sprawozdanie merytoryczne w bazie Narodowego Instytutu"
            " Wolności.</li></ul><h2>Forma elektroniczna</h2><p>Sprawozdanie sporządza się w"
            " ustrukturyzowanym formacie XML zgodnym ze schematem Ministerstwa Finansów. Podpisują"
            " je wszyscy członkowie zarządu oraz osoba prowadząca księgi, kwalifikowanym podpisem"
            " elektronicznym, podpisem zaufanym albo podpisem osobistym. Dokumenty składa się"
            " bezpłatnie przez system e-KRS na stronie <a"
            ' href="https://ekrs.ms.gov.pl">ekrs.ms.gov.pl</a>; składający musi mieć numer PESEL i'
            " być ujawniony w KRS jako członek zarządu lub pełnomocnik.</p><p>Małe organizacje"
            " pozarządowe zazwyczaj sporządzają sprawozdanie według uproszczonego wzoru"
            " przewidzianego w załączniku nr 6 do ustawy o rachunkowości: bilans, rachunek zysków"
            " i strat oraz informacja dodatkowa.</p><h2>Inne obowiązki w KRS</h2><ul><li>Zmiany w"
            " zarządzie, statucie czy adresie zgłasza się do KRS w ciągu 7 dni od zdarzenia –"
            " wnioski składa się wyłącznie elektronicznie przez Portal Rejestrów"
            " Sądowych.</li><li>Stowarzyszenia i fundacje zgłaszają beneficjentów rzeczywistych do"
            " Centralnego Rejestru Beneficjentów Rzeczywistych i aktualizują te dane po każdej"
            " zmianie.</li></ul><h2>Najczęstsze kłopoty</h2><ol><li>Członek zarządu bez profilu"
            " zaufanego lub bez numeru PESEL – warto to sprawdzić już w marcu.</li><li>Nieaktualny"
            " skład zarządu w KRS – system nie przyjmie podpisu osoby, której nie ma w"
            " rejestrze.</li><li>Brak uchwały zatwierdzającej albo uchwała podpisana przez"
            " niewłaściwy organ.</li></ol><p>Niezłożenie sprawozdania może skończyć się"
            " postępowaniem przymuszającym sądu rejestrowego, a w skrajnych przypadkach –"
            " postępowaniem o rozwiązanie organizacji. W maju i czerwcu ośrodek organizuje dyżury,"
            " podczas których pomagamy przejść przez e-KRS.</p>"
        ),
        "areas": ["33"],
        "tags": ["sprawozdawczość", "prawo"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {
            "legal_act": "Ustawa z dnia 29 września 1994 r. o rachunkowości",
            "act_date": "1994-09-29",
            "in_force_from": "1995-01-01",
            "in_force_to": "",
            "source_url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU19941210591",
        },
        "days_ago": 205,
    },
    {
        "kind": "regulation",
        "title": "RODO w małym stowarzyszeniu: minimum, które warto zrobić",
        "slug": "rodo-w-malym-stowarzyszeniu",
        "lead": (
            "Listy członków, zapisy na warsztaty, zdjęcia z festynu – każda organizacja przetwarza"
            " dane osobowe. Podpowiadamy, od czego zacząć, żeby robić to zgodnie z RODO i bez"
            " nadmiaru papierów."
        ),
        "body": (
            "<p>Ogólne rozporządzenie o ochronie danych (RODO) obowiązuje organizacje pozarządowe"
            " tak samo jak firmy. Nie trzeba jednak wdrażać korporacyjnych procedur: w małym"
            " stowarzyszeniu najważniejsze jest, by wiedzieć, jakie dane zbieramy, po co i kto ma"
            " do nich dostęp.</p><h2>1. Zrób inwentaryzację</h2><p>Spisz, jakie zbiory danych"
            " prowadzi organizacja: ewidencja członków, lista wolontariuszy, zapisy na zajęcia,"
            " lista odbiorców newslettera, dokumentacja projektów dotacyjnych. Przy każdym zbiorze"
            " zapisz cel, podstawę prawną, okres przechowywania i miejsce przechowywania"
            " (segregator, arkusz w chmurze, skrzynka e-mail).</p><h2>2. Ustal podstawy"
            " prawne</h2><ul><li><strong>umowa lub członkostwo</strong> – dane członków potrzebne"
            " do prowadzenia ewidencji i pobierania składek,</li><li><strong>obowiązek"
            " prawny</strong> – np. dokumentacja księgowa, porozumienia z"
            " wolontariuszami,</li><li><strong>zgoda</strong> – np. newsletter, publikacja"
            " wizerunku poza sytuacjami, w których zgoda nie jest"
            " wymagana,</li><li><strong>prawnie uzasadniony interes</strong> – np. kontakt z"
            " uczestnikami po wydarzeniu.</li></ul><h2>3. Informuj</h2><p>Każdej osobie, od której"
            " zbierasz dane, przekaż klauzulę informacyjną: kto jest administratorem, w jakim celu"
            " i jak długo przetwarza dane, jakie prawa przysługują. Na formularzu zgłoszeniowym"
            " wystarczy krótka klauzula z odesłaniem do pełnej informacji na stronie.</p><h2>4."
            " Zabezpiecz dane</h2><ul><li>Hasła i uwierzytelnianie dwuskładnikowe na kontach z"
            " danymi,</li><li>dostęp tylko dla osób, które go potrzebują, i pisemne upoważnienia"
            " dla nich,</li><li>szyfrowane pendrive'y zamiast zwykłych – albo"
            " wcale,</li><li>usuwanie danych po zakończeniu celu, np. list uczestników po okresie"
            " trwałości projektu.</li></ul><h2>5. Umowy powierzenia</h2><p>Jeśli dane przechowuje"
            " lub przetwarza zewnętrzna firma (biuro rachunkowe, dostawca systemu mailingowego),"
            " potrzebna jest umowa powierzenia przetwarzania danych.</p><h2>6. Wizerunek</h2><p>Na"
            " zdjęcia z wydarzeń zwykle potrzebna jest zgoda fotografowanych. Wyjątkiem są m.in."
            " zdjęcia, na których osoba stanowi jedynie szczegół większej całości, np. tłumu na"
            " festynie. Przy dzieciach zawsze pytaj rodziców.</p><h2>7. Naruszenia</h2><p>Zgubiony"
            " laptop czy mail wysłany do złego adresata to możliwe naruszenie ochrony danych."
            " Jeśli niesie ryzyko dla osób, trzeba je zgłosić do Prezesa Urzędu Ochrony Danych"
            " Osobowych w ciągu 72 godzin od jego stwierdzenia. Każde naruszenie warto odnotować w"
            " wewnętrznym rejestrze.</p><p>Inspektora ochrony danych większość małych stowarzyszeń"
            " nie musi wyznaczać, ale dobrze mieć w zarządzie osobę odpowiedzialną za te"
            " sprawy.</p>"
        ),
        "areas": ["33"],
        "tags": ["rodo", "prawo"],
        "organizations": [],
        "fields": {
            "legal_act": (
                "Rozporządzenie Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia"
                " 2016 r. w sprawie ochrony osób fizycznych w związku z przetwarzaniem danych"
                " osobowych i w sprawie swobodnego przepływu takich danych (RODO)"
            ),
            "act_date": "2016-04-27",
            "in_force_from": "2018-05-25",
            "in_force_to": "",
            "source_url": "https://eur-lex.europa.eu/legal-content/PL/TXT/?uri=CELEX:32016R0679",
        },
        "days_ago": 260,
    },
    {
        "kind": "regulation",
        "title": "Zbiórka publiczna: kiedy trzeba ją zgłosić i jak się rozliczyć",
        "slug": "zbiorka-publiczna-zgloszenie-i-rozliczenie",
        "lead": (
            "Puszka na festynie czy skarbonka w sklepie to zbiórka publiczna, którą trzeba zgłosić"
            " na portalu zbiórek. Wyjaśniamy, kto może ją prowadzić i jak wygląda rozliczenie."
        ),
        "body": (
            "<p>Zbiórka publiczna to zbieranie ofiar w gotówce lub w naturze w miejscu publicznym"
            " na określony cel zgodny z zakresem zadań publicznych. Zasady jej prowadzenia określa"
            " ustawa o zasadach prowadzenia zbiórek publicznych. Dla organizacji w Mysłowicach"
            " najczęstsze przykłady to kwesta z puszkami podczas festynu, zbiórka darów dla"
            " schroniska czy skarbonki ustawione w sklepach.</p><h2>Kto może prowadzić"
            " zbiórkę</h2><p>Zbiórkę mogą przeprowadzić m.in. organizacje pozarządowe"
            " (stowarzyszenia, fundacje, także stowarzyszenia zwykłe), kościelne osoby prawne oraz"
            " komitety społeczne, czyli co najmniej trzy osoby fizyczne, które zawiązały się w"
            " celu przeprowadzenia zbiórki. Dzięki temu nawet nieformalna grupa sąsiedzka może"
            " legalnie kwestować – po założeniu komitetu.</p><h2>Zgłoszenie</h2><p>Zbiórkę zgłasza"
            ' się elektronicznie na portalu <a href="https://zbiorki.gov.pl">zbiorki.gov.pl</a>. W'
            " zgłoszeniu podaje się m.in. cel, sposób i obszar prowadzenia zbiórki oraz daty"
            " rozpoczęcia i zakończenia. Zbiórkę można rozpocząć po opublikowaniu zgłoszenia na"
            " portalu; zgłoszenia nie wydaje się w formie decyzji.</p><h2>W trakcie"
            " zbiórki</h2><ul><li>Osoby z puszkami muszą mieć identyfikator i oświadczenie"
            " organizatora uprawniające do udziału w zbiórce.</li><li>Puszki powinny być"
            " zamknięte, opieczętowane i ponumerowane.</li><li>Otwarcie puszek i przeliczenie"
            " środków dokumentuje się protokołem, najlepiej z udziałem co najmniej dwóch"
            " osób.</li><li>Osoby niepełnoletnie mogą kwestować za zgodą"
            " rodziców.</li></ul><h2>Rozliczenie</h2><p>Po zakończeniu zbiórki organizator"
            " zamieszcza na portalu sprawozdanie z jej przeprowadzenia oraz – po wydatkowaniu"
            " środków – sprawozdanie z ich rozdysponowania. Przy każdym z nich ustawa przewiduje"
            " termin liczony od zakończenia zbiórki lub wydania środków; warto zanotować go w"
            " kalendarzu od razu po zgłoszeniu. Zebrane środki można przeznaczyć tylko na cel"
            " wskazany w zgłoszeniu, pomniejszony o udokumentowane koszty zbiórki.</p><h2>Czego"
            " zbiórką nie jest</h2><p>Ustawy nie stosuje się m.in. do zbiórek ofiar na cele"
            " religijne prowadzonych w kościołach i innych miejscach kultu, a wpłaty przelewem na"
            " rachunek bankowy organizacji co do zasady nie są zbiórką publiczną w jej rozumieniu."
            " Wątpliwości budzą zbiórki internetowe prowadzone przez platformy – przed startem"
            " kampanii warto przeczytać regulamin platformy i zapytać w ośrodku.</p>"
        ),
        "areas": ["33", "3"],
        "tags": ["zbiórki", "prawo"],
        "organizations": [],
        "fields": {
            "legal_act": (
                "Ustawa z dnia 14 marca 2014 r. o zasadach prowadzenia zbiórek publicznych"
            ),
            "act_date": "2014-03-14",
            "in_force_from": "2014-09-11",
            "in_force_to": "",
            "source_url": "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20140000498",
        },
        "days_ago": 330,
    },
    {
        "kind": "fundraising",
        "title": "Jak napisać budżet projektu, który obroni się w ocenie",
        "slug": "jak-napisac-budzet-projektu",
        "lead": (
            "Budżet to nie tabela dopisywana na końcu wniosku, tylko opis projektu w liczbach."
            " Pokazujemy, jak kalkulować koszty, planować wkład własny i uniknąć typowych błędów."
        ),
        "body": (
            "<p>W konkursach ogłaszanych przez Urząd Miasta Mysłowice, tak jak w większości"
            " konkursów grantowych, oceniający sprawdzają, czy koszty są niezbędne, racjonalne i"
            " powiązane z działaniami. Dobry budżet pozwala im szybko zobaczyć, że projekt jest"
            " przemyślany.</p><h2>Zacznij od harmonogramu</h2><p>Wypisz wszystkie działania z"
            " harmonogramu i przy każdym zadaj pytanie: czego potrzebujemy, żeby to się odbyło?"
            " Ludzi, materiałów, sali, transportu, promocji? Każdy koszt w budżecie powinien dać"
            " się przypisać do konkretnego działania.</p><h2>Kalkulacja kosztów</h2><p>Każdą"
            " pozycję opisz w formule: <em>jednostka miary – liczba jednostek – koszt"
            " jednostkowy</em>. Na przykład: „prowadzenie warsztatów plastycznych – 20 godzin –"
            " 100 zł/godz.”. Unikaj pozycji typu „materiały – 3 000 zł” bez"
            " rozbicia.</p><ul><li><strong>Koszty merytoryczne</strong> – bezpośrednio związane z"
            " działaniami: wynagrodzenia prowadzących, materiały, wynajem sprzętu,"
            " bilety.</li><li><strong>Koszty obsługi</strong> – koordynacja, księgowość. Regulamin"
            " konkursu zwykle ogranicza ich udział procentowo.</li><li><strong>Koszty"
            " promocji</strong> – plakaty, ulotki, posty sponsorowane.</li></ul><h2>Wkład"
            " własny</h2><p>Wkład może być finansowy (np. składki członkowskie, środki od"
            " sponsora) albo niefinansowy: <strong>osobowy</strong> (praca wolontariuszy i"
            " członków) i <strong>rzeczowy</strong> (udostępniona sala, sprzęt). Regulamin"
            " konkursu określa, czy wkład jest wymagany i w jakiej formie. Wkład niefinansowy"
            " trzeba umieć udokumentować – porozumieniami wolontariackimi, kartami pracy, umowami"
            " użyczenia.</p><h2>Stawki</h2><p>Sprawdź stawki rynkowe w regionie i w poprzednich"
            " projektach. Zbyt niskie stawki są tak samo podejrzane jak zbyt wysokie: sugerują, że"
            " projekt nie zostanie zrealizowany tak, jak opisano. Wynagrodzenia planuj z"
            " uwzględnieniem wszystkich kosztów pracodawcy lub zleceniodawcy.</p><h2>Typowe"
            " błędy</h2><ol><li>Koszty niezwiązane z projektem (np. zakup laptopa do codziennej"
            " pracy organizacji).</li><li>Brak spójności: w opisie 5 warsztatów, w budżecie"
            " 8.</li><li>Pozycje „inne” lub „rezerwa” bez uzasadnienia.</li><li>Pominięcie VAT –"
            " jeśli organizacja nie może go odliczyć, planuj kwoty brutto.</li><li>Zapomnienie o"
            " kosztach ubezpieczenia NNW wolontariuszy i uczestników.</li></ol><h2>Po podpisaniu"
            " umowy</h2><p>Umowa dotacyjna określa, o ile procent można przesuwać środki między"
            " pozycjami bez aneksu. Zapisuj każdą zmianę i jej uzasadnienie – ułatwi to"
            " sprawozdanie końcowe.</p>"
        ),
        "areas": ["33"],
        "tags": ["budżet", "dotacje", "finansowanie"],
        "organizations": [],
        "fields": {},
        "days_ago": 55,
    },
    {
        "kind": "fundraising",
        "title": "Wkład własny bez pieniędzy: jak wycenić pracę wolontariuszy i wkład rzeczowy",
        "slug": "wklad-wlasny-osobowy-i-rzeczowy",
        "lead": (
            "Mała organizacja często nie ma gotówki na wkład własny, ale ma ludzi i zasoby."
            " Wyjaśniamy, jak poprawnie wycenić i udokumentować wkład osobowy i rzeczowy."
        ),
        "body": (
            "<p>Wiele konkursów wymaga lub premiuje wkład własny. Dla stowarzyszenia, które żyje"
            " ze składek, wkład finansowy bywa barierą nie do przejścia. Rozwiązaniem jest wkład"
            " niefinansowy – pod warunkiem że regulamin konkursu go dopuszcza i że organizacja"
            " potrafi go rzetelnie wykazać.</p><h2>Wkład osobowy</h2><p>To praca wolontariuszy i"
            " członków organizacji wykonywana nieodpłatnie na rzecz projektu. Aby go"
            " wycenić:</p><ol><li>Określ, jaką pracę wykonują wolontariusze: prowadzenie zajęć,"
            " opieka nad dziećmi, prace porządkowe, obsługa wydarzenia.</li><li>Przyjmij stawkę"
            " godzinową odpowiadającą wynagrodzeniu za podobną pracę na rynku – inną dla prac"
            " porządkowych, inną dla prowadzenia specjalistycznych warsztatów. Niektórzy"
            " grantodawcy podają własne stawki; wtedy stosuj je.</li><li>Oszacuj liczbę godzin i"
            " pomnóż przez stawkę.</li></ol><p>Dokumentacja: porozumienie z wolontariuszem z"
            " opisem zadań i wyceną, karta czasu pracy podpisana przez wolontariusza i"
            " koordynatora, a przy kontroli – np. lista obecności z wydarzenia.</p><h2>Wkład"
            " rzeczowy</h2><p>To zasoby organizacji lub partnerów wykorzystywane w projekcie:"
            " sala, sprzęt, samochód, materiały. Wyceniaj je według cen rynkowych najmu lub"
            " użyczenia, a nie wartości zakupu. Przykład: sala w świetlicy udostępniona bezpłatnie"
            " przez szkołę – 10 spotkań po 3 godziny według cennika najmu"
            " szkoły.</p><p>Dokumentacja: umowa użyczenia lub oświadczenie właściciela zasobu,"
            " podstawa wyceny (cennik, oferta), potwierdzenie wykorzystania.</p><h2>Czego"
            " unikać</h2><ul><li>Zawyżania stawek – oceniający porównują je z"
            " rynkiem.</li><li>Liczenia tej samej pracy dwa razy, np. jako wkład w dwóch"
            " projektach jednocześnie.</li><li>Wyceniania pracy, za którą ktoś otrzymuje"
            " wynagrodzenie z innego źródła.</li><li>Braku dokumentów – niewykazany wkład może"
            " skutkować obowiązkiem zwrotu części dotacji, jeśli umowa przewiduje jego minimalny"
            " poziom.</li></ul><h2>Przykład z Ławek</h2><p>Grupa sąsiedzka „Ławkowe Ogródki” w"
            " projekcie ogrodu społecznego wykazała 240 godzin pracy wolontariuszy przy budowie"
            " grządek i wkład rzeczowy w postaci narzędzi użyczonych przez mieszkańców. Dzięki"
            " temu projekt spełnił wymóg wkładu własnego bez ani jednej złotówki z konta"
            " organizacji.</p>"
        ),
        "areas": ["33", "27"],
        "tags": ["budżet", "wolontariat", "dotacje"],
        "organizations": ["lawkowe-ogrodki"],
        "fields": {},
        "days_ago": 100,
    },
    {
        "kind": "fundraising",
        "title": "Crowdfunding dla lokalnej organizacji: jak zebrać pieniądze w internecie",
        "slug": "crowdfunding-dla-lokalnej-organizacji",
        "lead": (
            "Zbiórka internetowa może sfinansować konkretny zakup lub wydarzenie, ale wymaga"
            " przygotowania jak mała kampania. Podpowiadamy, jak ją zaplanować i rozliczyć."
        ),
        "body": (
            "<p>Finansowanie społecznościowe (crowdfunding) polega na zebraniu wielu niewielkich"
            " wpłat od osób, które chcą wesprzeć konkretny cel. Dla mysłowickich organizacji"
            " sprawdza się najlepiej przy celach namacalnych: nowy sprzęt dla klubu sportowego,"
            " wyjazd dzieci na obóz, remont świetlicy.</p><h2>Zanim"
            " wystartujesz</h2><ol><li><strong>Określ cel i kwotę.</strong> „Kupujemy 10 kasków i"
            " 2 rowery do nauki jazdy dla dzieci z Wesołej – 6 400 zł” działa lepiej niż „Wesprzyj"
            " nasze działania”.</li><li><strong>Wybierz narzędzie.</strong> Możesz skorzystać z"
            " platformy crowdfundingowej albo zbierać wpłaty na rachunek organizacji przez"
            " formularz na stronie. Porównaj prowizje, sposób wypłaty środków i"
            " regulamin.</li><li><strong>Sprawdź formalności.</strong> Wpłaty na rachunek"
            " organizacji są darowiznami i trzeba je zaksięgować. Jeśli równolegle zbierasz"
            " gotówkę w miejscu publicznym, potrzebne jest zgłoszenie zbiórki"
            " publicznej.</li><li><strong>Zbuduj zespół.</strong> Nawet mała kampania potrzebuje"
            " osoby od tekstów, osoby od zdjęć i kilku ambasadorów, którzy roześlą link"
            " znajomym.</li></ol><h2>Jak prowadzić kampanię</h2><ul><li>Startuj, gdy masz już"
            " pierwsze wpłaty od najbliższych – zbiórka z kilkoma wpłatami wygląda"
            " wiarygodniej.</li><li>Publikuj aktualizacje co kilka dni: postęp, historia jednego"
            " uczestnika, zdjęcie z treningu.</li><li>Zaplanuj kampanię na 3–5 tygodni; dłuższe"
            " zwykle tracą impet.</li><li>Połącz działania w sieci z wydarzeniem na żywo, np."
            " pokazem lub meczem.</li><li>Rozważ drobne podziękowania: pocztówkę, imię na tablicy,"
            " zaproszenie na otwarcie.</li></ul><h2>Po zakończeniu</h2><p>Podziękuj wszystkim,"
            " pokaż, na co wydano pieniądze, i pochwal się efektem. Zebrane środki organizacja"
            " może przeznaczyć tylko na cel, na który je zbierała – zmiana celu bez wiedzy"
            " darczyńców podważa zaufanie, a w przypadku zbiórki publicznej jest"
            " niedopuszczalna.</p><h2>Podatki i księgowość</h2><p>Darowizny otrzymane przez"
            " organizację pozarządową przeznaczone na cele statutowe są co do zasady zwolnione z"
            " podatku dochodowego, ale muszą być ujęte w księgach. Jeśli w zamian za wpłatę"
            " oferujesz rzeczy o realnej wartości (np. koszulki), skonsultuj z księgowym, czy nie"
            " jest to już sprzedaż.</p><p>Przykład: UKS „Olimpijczyk” zebrał w ten sposób środki"
            " na wyjazd na zawody, a Fundacja Miodne Mysłowice – na ule edukacyjne przy"
            " szkole.</p>"
        ),
        "areas": ["33"],
        "tags": ["zbiórki", "finansowanie"],
        "organizations": ["uks-olimpijczyk", "fundacja-miodne-myslowice"],
        "fields": {},
        "days_ago": 130,
    },
    {
        "kind": "fundraising",
        "title": "Lokalny biznes jako partner: darowizna, sponsoring, wolontariat pracowniczy",
        "slug": "lokalny-biznes-jako-partner",
        "lead": (
            "Piekarnia, drukarnia czy hurtownia z sąsiedztwa chętnie pomagają, jeśli dostaną jasną"
            " propozycję. Wyjaśniamy, czym różni się darowizna od sponsoringu i jak zacząć"
            " rozmowę."
        ),
        "body": (
            "<p>W Mysłowicach działa wiele małych i średnich firm, które czują się związane z"
            " dzielnicą – ich właściciele często sami mieszkają w okolicy. Dla organizacji to"
            " naturalni partnerzy, pod warunkiem że prośba jest konkretna, a współpraca dobrze"
            " opisana.</p><h2>Formy wsparcia</h2><h3>Darowizna</h3><p>Firma przekazuje pieniądze"
            " lub rzeczy i nie oczekuje niczego w zamian. Organizacja może podziękować publicznie,"
            " ale nie jest to świadczenie reklamowe. Darowizny na rzecz organizacji prowadzących"
            " działalność pożytku publicznego firma może odliczyć od dochodu w granicach limitu"
            " przewidzianego w ustawach podatkowych (dla osób prawnych do 10% dochodu, dla osób"
            " fizycznych prowadzących działalność – do 6%). Przy darowiźnie pieniężnej potrzebne"
            " jest potwierdzenie przelewu, przy rzeczowej – umowa lub protokół przekazania z"
            " wartością.</p><h3>Sponsoring</h3><p>To umowa wzajemna: firma płaci, a organizacja"
            " świadczy usługę promocyjną – logo na plakatach, banery na festynie, wzmianki w"
            " komunikatach. Dla organizacji może to oznaczać przychód z działalności gospodarczej"
            " i obowiązki w zakresie VAT. Zanim podpiszesz umowę sponsorską, sprawdź z księgowym,"
            " czy statut i status organizacji na to pozwalają.</p><h3>Wsparcie rzeczowe i"
            " usługi</h3><p>Często najłatwiej uzyskać to, co firma ma „pod ręką”: wypieki na"
            " festyn, druk ulotek po kosztach, transport, salę. Takie wsparcie warto również"
            " udokumentować i wycenić – może stanowić wkład własny w projekcie.</p><h3>Wolontariat"
            " pracowniczy</h3><p>Pracownicy firmy mogą w czasie pracy pomóc przy sprzątaniu"
            " brzegów Przemszy czy malowaniu świetlicy. Z punktu widzenia organizacji to zwykły"
            " wolontariat: porozumienie, informacja o zasadach bezpieczeństwa i ubezpieczenie przy"
            " krótkich akcjach.</p><h2>Jak zacząć rozmowę</h2><ol><li>Przygotuj jedną stronę: kim"
            " jesteście, co chcecie zrobić, czego potrzebujecie i co firma zyska (np."
            " podziękowanie w mediach, udział w wydarzeniu).</li><li>Poproś o konkret: „200"
            " drożdżówek na festyn 29 sierpnia” jest łatwiejsze do przyjęcia niż „jakiekolwiek"
            " wsparcie”.</li><li>Idź osobiście, najlepiej z osobą, którą właściciel"
            " zna.</li><li>Po wydarzeniu wyślij podziękowanie ze zdjęciami i informacją o"
            " efektach.</li></ol><p>Ośrodek prowadzi na platformie listę firm deklarujących"
            " gotowość do współpracy z organizacjami – przed pierwszym kontaktem warto się z nią"
            " zapoznać.</p>"
        ),
        "areas": ["33", "11"],
        "tags": ["sponsoring", "finansowanie", "wolontariat"],
        "organizations": [
            "piekarnia-zloty-klos",
            "drukarnia-trojkat",
            "hurtownia-okazja",
            "zielony-dach-instalacje",
        ],
        "fields": {},
        "days_ago": 160,
    },
    {
        "kind": "fundraising",
        "title": "Pieniądze poza budżetem miasta: przegląd źródeł dla organizacji z Mysłowic",
        "slug": "zrodla-finansowania-poza-budzetem-miasta",
        "lead": (
            "Dotacje miejskie to często pierwszy krok, ale nie jedyny. Zestawiamy źródła, z"
            " których korzystają organizacje z regionu: programy rządowe, fundusze europejskie,"
            " fundacje i darowizny."
        ),
        "body": (
            "<p>Organizacje, które opierają się wyłącznie na konkursach miejskich, są bardzo"
            " wrażliwe na zmiany w budżecie miasta. Warto mieć co najmniej dwa–trzy źródła"
            " przychodów. Poniżej najważniejsze kierunki poszukiwań.</p><h2>Programy"
            " rządowe</h2><p>Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa"
            " Obywatelskiego prowadzi programy wspierające organizacje obywatelskie, m.in. Fundusz"
            " Inicjatyw Obywatelskich (NOWEFIO), Program Rozwoju Organizacji Obywatelskich i"
            " Korpus Solidarności, dedykowany wolontariatowi. Część programów ma ścieżki dla"
            " małych i młodych organizacji, z uproszczonymi wnioskami. Aktualne nabory znajdziesz"
            ' na stronie <a href="https://niw.gov.pl">niw.gov.pl</a>. Programy dotacyjne ogłaszają'
            " też poszczególne ministerstwa, np. w obszarze kultury, sportu czy polityki"
            " senioralnej.</p><h2>Samorząd województwa</h2><p>Urząd Marszałkowski Województwa"
            " Śląskiego ogłasza otwarte konkursy ofert w wielu obszarach – od kultury i turystyki"
            " po zdrowie i pomoc społeczną. Z tego samego urzędu prowadzone są nabory w programie"
            " Fundusze Europejskie dla Śląskiego 2021–2027, choć projekty unijne wymagają zwykle"
            " większego doświadczenia i zaplecza administracyjnego.</p><h2>Fundacje i programy"
            " grantowe firm</h2><p>Wiele fundacji korporacyjnych i niezależnych prowadzi konkursy"
            " dla organizacji z całej Polski lub z regionów, w których działa firma. Śledź serwisy"
            " informacyjne dla organizacji pozarządowych i newsletter ośrodka – co miesiąc"
            " zestawiamy aktualne nabory.</p><h2>Źródła własne</h2><ul><li><strong>Składki"
            " członkowskie</strong> – niewielkie, ale regularne i swobodne w"
            " użyciu.</li><li><strong>Darowizny od osób prywatnych</strong> – także stałe zlecenia"
            " miesięczne.</li><li><strong>1,5% podatku</strong> – dla organizacji ze statusem"
            " pożytku publicznego.</li><li><strong>Odpłatna działalność pożytku"
            " publicznego</strong> – np. opłaty za warsztaty pokrywające"
            " koszty.</li><li><strong>Działalność gospodarcza</strong> – jeśli przewiduje ją"
            " statut, a dochód przeznaczany jest na cele statutowe.</li></ul><h2>Jak się do tego"
            " zabrać</h2><ol><li>Zrób listę działań, które organizacja prowadzi co roku, i"
            " przypisz do nich możliwe źródła.</li><li>Przygotuj „teczkę” z opisem organizacji,"
            " statutem, sprawozdaniami i zdjęciami – przyda się w każdym wniosku.</li><li>Zaplanuj"
            " kalendarz naborów na cały rok i wybierz te, na które naprawdę macie"
            " czas.</li><li>Przed pierwszym dużym wnioskiem skorzystaj z konsultacji w"
            " ośrodku.</li></ol>"
        ),
        "areas": ["33"],
        "tags": ["finansowanie", "dotacje"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {},
        "days_ago": 220,
    },
    {
        "kind": "fundraising",
        "title": (
            "1,5% podatku dla organizacji pożytku publicznego: od statusu OPP do kampanii w"
            " dzielnicy"
        ),
        "slug": "poltora-procent-podatku-dla-opp",
        "lead": (
            "Od 2023 r. podatnicy mogą przekazać organizacji pożytku publicznego 1,5% podatku"
            " dochodowego. Wyjaśniamy, jak trafić na listę uprawnionych, jak zachęcać mieszkańców"
            " i na co wydać zebrane środki."
        ),
        "body": (
            "<p>Mechanizm 1,5% to dla wielu organizacji z Mysłowic najważniejsze źródło pieniędzy,"
            " które nie są przypisane do konkretnego projektu. Mieszkaniec nic nie dopłaca –"
            " wskazuje tylko w zeznaniu podatkowym, której organizacji pożytku publicznego (OPP)"
            " urząd skarbowy ma przekazać część należnego podatku.</p><h2>Krok 1: status"
            " OPP</h2><p>Środki z 1,5% mogą otrzymać wyłącznie organizacje mające status pożytku"
            " publicznego, wpisany do KRS. Aby go uzyskać, organizacja musi m.in. prowadzić"
            " działalność pożytku publicznego od co najmniej dwóch lat, mieć statutowy organ"
            " kontroli niezależny od zarządu i spełniać wymogi statutowe dotyczące gospodarowania"
            " majątkiem. Stowarzyszenia zwykłe i grupy nieformalne nie mogą zostać"
            " OPP.</p><h2>Krok 2: wykaz uprawnionych</h2><p>Co roku Narodowy Instytut Wolności"
            " publikuje wykaz organizacji uprawnionych do otrzymania 1,5%. Trafiają do niego"
            " organizacje, które mają status OPP i wywiązały się z obowiązków sprawozdawczych –"
            " złożyły w terminie sprawozdanie finansowe i merytoryczne za poprzedni rok. Spóźnione"
            " sprawozdanie może oznaczać rok bez 1,5%, dlatego pilnuj terminu 15"
            " lipca.</p><h2>Krok 3: zachęcanie mieszkańców</h2><ul><li><strong>Podaj numer KRS"
            " wszędzie</strong>: na plakatach, w stopce maila, na stronie, na koszulkach"
            " wolontariuszy.</li><li><strong>Pokaż konkretny efekt</strong>: „z ubiegłorocznego"
            " 1,5% kupiliśmy sprzęt ratowniczy” przekonuje lepiej niż ogólny"
            " apel.</li><li><strong>Przypomnij o wyborze w Twoim e-PIT</strong>: organizacja"
            " wskazana w poprzednim roku zwykle pojawia się w zeznaniu automatycznie, ale"
            " mieszkaniec może ją zmienić.</li><li><strong>Dotrzyj do seniorów</strong>: emeryci i"
            " renciści, którzy nie składają zeznania, mogą przekazać 1,5% przez oświadczenie"
            " PIT-OP.</li><li><strong>Zaproponuj pomoc</strong>: dyżur w ośrodku lub bibliotece,"
            " podczas którego wolontariusze pomagają wypełnić zeznanie, to dobra okazja do rozmowy"
            " o organizacji.</li><li><strong>Cel szczegółowy</strong>: jeśli zbierasz na konkretne"
            " działanie, podaj, co wpisać w rubryce „cel szczegółowy”.</li></ul><p>Pamiętaj, że"
            " 1,5% trafia do organizacji tylko wtedy, gdy zeznanie zostało złożone w terminie (lub"
            " skorygowane w ciągu miesiąca od jego upływu).</p><h2>Krok 4:"
            " wydatkowanie</h2><p>Środki z 1,5% przekazują urzędy skarbowe w drugiej połowie roku."
            " Organizacja może je przeznaczyć <strong>wyłącznie na działalność pożytku"
            " publicznego</strong> – zadania statutowe służące mieszkańcom, a nie np. na"
            " działalność gospodarczą. W sprawozdaniu merytorycznym OPP wykazuje, ile otrzymała i"
            " na co wydała te pieniądze, dlatego warto od początku ewidencjonować je w księgach"
            " osobno.</p><h2>Uczciwa komunikacja</h2><p>Po wydaniu środków opowiedz darczyńcom, co"
            " udało się dzięki nim zrobić. Zdjęcie nowego sprzętu czy krótka relacja z obozu dla"
            " dzieci to najlepsza zachęta na kolejny rok.</p>"
        ),
        "areas": ["33"],
        "tags": ["opp", "finansowanie", "sprawozdawczość"],
        "organizations": ["ratownictwo-wodne-przemsza", "rodziny-zastepcze-przystan"],
        "fields": {},
        "days_ago": 250,
    },
    {
        "kind": "news",
        "title": "Dyżury doradcze w grudniu i styczniu: harmonogram",
        "slug": "dyzury-doradcze-grudzien-styczen",
        "lead": (
            "Publikujemy harmonogram dyżurów prawnych, księgowych i grantowych na przełomie roku."
            " W okresie między świętami a Nowym Rokiem dyżury nie odbywają się."
        ),
        "body": (
            "<p>Przełom roku to dla organizacji czas rozliczania dotacji, planowania budżetu i"
            " przygotowań do pierwszych konkursów. Żeby ułatwić planowanie, publikujemy"
            " harmonogram dyżurów doradczych w ośrodku na grudzień i"
            " styczeń.</p><h2>Harmonogram</h2><ul><li><strong>poniedziałki, 14:00–18:00</strong> –"
            " doradztwo grantowe: konkursy miejskie, małe granty, programy"
            " krajowe,</li><li><strong>środy, 15:00–18:00</strong> – doradztwo księgowe:"
            " rozliczenie dotacji, zamknięcie roku, przygotowanie do sprawozdania"
            " finansowego,</li><li><strong>czwartki, 15:00–18:00</strong> – doradztwo prawne:"
            " statuty, zmiany w KRS, stowarzyszenia zwykłe, RODO,</li><li><strong>piątki,"
            " 10:00–13:00</strong> – konsultacje dotyczące wolontariatu i współpracy ze"
            " szkołami.</li></ul><p>Między świętami Bożego Narodzenia a Nowym Rokiem dyżury się"
            " nie odbywają. Od 4 stycznia 2027 r. wracamy do stałego harmonogramu.</p><h2>Jak się"
            " umówić</h2><p>Na konsultację najlepiej zapisać się przez platformę, wybierając wolny"
            " termin w kalendarzu doradztwa. Każda konsultacja trwa do 45 minut. Prosimy o"
            " zabranie potrzebnych dokumentów: statutu, umowy dotacyjnej lub projektu oferty. W"
            " pilnych sprawach, np. przy zbliżającym się terminie rozliczenia dotacji, postaramy"
            " się znaleźć dodatkowy termin.</p><h2>Konsultacje zdalne</h2><p>Jeśli nie możesz"
            " przyjść do ośrodka, wybierz przy zapisie konsultację telefoniczną lub wideo. Link do"
            " spotkania prześlemy dzień wcześniej. Dokumenty do przejrzenia najlepiej wysłać z"
            " wyprzedzeniem, abyśmy mogli się z nimi zapoznać przed rozmową.</p><h2>Zamknięcie"
            " roku</h2><p>W styczniu szczególnie polecamy dyżury księgowe organizacjom, które po"
            " raz pierwszy samodzielnie przygotowują sprawozdanie finansowe. Warto przynieść"
            " zestawienie przychodów i kosztów za cały rok, wyciągi bankowe oraz informację o"
            " stanie kasy na 31 grudnia – to pozwoli szybko ocenić, czego jeszcze"
            " brakuje.</p><h2>Przypomnienie</h2><p>Organizacje realizujące zadania z dotacji"
            " miejskich w 2026 r. powinny sprawdzić w umowach terminy złożenia sprawozdań"
            " końcowych – zwykle jest to 30 dni od zakończenia zadania. Wątpliwości co do"
            " kwalifikowalności wydatków warto wyjaśnić przed końcem roku. Jeśli zadanie kończy"
            " się 31 grudnia, sprawozdanie trzeba będzie złożyć w styczniu – dlatego dokumenty"
            " księgowe, listy obecności i zdjęcia z działań dobrze jest zebrać w jednym miejscu"
            " jeszcze przed świętami.</p>"
        ),
        "areas": ["33"],
        "tags": ["szkolenia", "dotacje", "sprawozdawczość"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {},
        "days_ago": -3,
    },
    {
        "kind": "news",
        "title": "Szkolenie „Mały grant i budżet projektu” – 10 grudnia w ośrodku",
        "slug": "szkolenie-maly-grant-i-budzet-projektu",
        "lead": (
            "Zapraszamy na praktyczne szkolenie dla organizacji, które chcą złożyć ofertę w trybie"
            " art. 19a lub w konkursie miejskim. Liczba miejsc ograniczona."
        ),
        "body": (
            "<p>Zapraszamy przedstawicielki i przedstawicieli organizacji pozarządowych, grup"
            " nieformalnych oraz osoby planujące założenie organizacji na bezpłatne szkolenie"
            " <strong>„Mały grant i budżet projektu”</strong>.</p><h2>Termin i"
            " miejsce</h2><ul><li><strong>czwartek, 10 grudnia 2026 r., godz."
            " 16:00–19:00</strong>,</li><li>sala szkoleniowa ośrodka, ul. Grunwaldzka 12"
            " (Śródmieście), parter – sala dostępna dla osób poruszających się na"
            " wózku.</li></ul><h2>Program</h2><ol><li>Tryb pozakonkursowy krok po kroku: limity"
            " kwot i czasu realizacji, publikacja oferty i uwagi mieszkańców.</li><li>Uproszczony"
            " wzór oferty – wspólne wypełnianie na przykładzie sąsiedzkiego"
            " pikniku.</li><li>Budżet projektu: kalkulacja kosztów, wkład własny osobowy i"
            " rzeczowy, najczęstsze błędy.</li><li>Rozliczenie: dokumenty księgowe, sprawozdanie,"
            " przesunięcia w budżecie.</li><li>Pytania uczestników i indywidualne konsultacje"
            " pomysłów.</li></ol><h2>Dla kogo</h2><p>Szkolenie jest przeznaczone przede wszystkim"
            " dla organizacji, które nie składały jeszcze ofert do miasta lub robiły to rzadko."
            " Zachęcamy, by przyjść z własnym pomysłem na projekt – w drugiej części będzie czas"
            " na pracę nad nim.</p><h2>Prowadzenie</h2><p>Szkolenie poprowadzą doradczyni grantowa"
            " ośrodka i księgowa współpracująca z organizacjami pozarządowymi od wielu lat. Obie"
            " na co dzień pomagają organizacjom z Mysłowic w przygotowaniu ofert i rozliczeń, więc"
            " przykłady będą pochodzić z lokalnej praktyki, a nie z"
            " podręcznika.</p><h2>Zapisy</h2><p>Zapisy przyjmujemy przez platformę, w zakładce"
            " wydarzeń ośrodka, do wyczerpania miejsc (20 osób). Z jednej organizacji mogą przyjść"
            " najwyżej dwie osoby. Uczestnicy otrzymają materiały szkoleniowe oraz wzory"
            " dokumentów. Zapewniamy kawę i drobny poczęstunek. Każdy uczestnik otrzyma po"
            " szkoleniu zaświadczenie o udziale oraz możliwość umówienia się na indywidualną"
            " konsultację swojej oferty w ciągu kolejnego miesiąca.</p><p>Osoby, które nie"
            " zmieszczą się na liście, wpiszemy na listę rezerwową. Jeśli chętnych będzie dużo,"
            " powtórzymy szkolenie w styczniu, przed pierwszymi naborami w konkursach"
            " miejskich.</p><p>Jeśli potrzebujesz dodatkowego wsparcia, by wziąć udział w"
            " szkoleniu (np. pętli indukcyjnej lub materiałów w powiększonym druku), napisz do nas"
            " przy zapisie.</p>"
        ),
        "areas": ["33"],
        "tags": ["szkolenia", "dotacje", "budżet"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {},
        "days_ago": 2,
    },
    {
        "kind": "news",
        "title": "Kalendarz miejskich konkursów dotacyjnych na 2027 rok",
        "slug": "kalendarz-konkursow-dotacyjnych-2027",
        "lead": (
            "Urząd Miasta przedstawił orientacyjny harmonogram otwartych konkursów ofert na 2027"
            " r. Pierwsze nabory ruszą jeszcze w grudniu."
        ),
        "body": (
            "<p>Zgodnie z zapowiedzią z konsultacji programu współpracy Urząd Miasta Mysłowice"
            " przedstawił orientacyjny kalendarz otwartych konkursów ofert na 2027 rok."
            " Harmonogram pozwoli organizacjom zaplanować pracę nad wnioskami z"
            " wyprzedzeniem.</p><h2>Planowane nabory</h2><ul><li><strong>grudzień 2026</strong> –"
            " wspieranie i upowszechnianie kultury fizycznej (zadania całoroczne),"
            " przeciwdziałanie uzależnieniom i patologiom społecznym,</li><li><strong>styczeń"
            " 2027</strong> – działalność na rzecz osób w wieku emerytalnym, pomoc społeczna,"
            " działalność na rzecz osób z niepełnosprawnościami,</li><li><strong>luty"
            " 2027</strong> – kultura, sztuka i ochrona dziedzictwa, wypoczynek dzieci i młodzieży"
            " (półkolonie letnie),</li><li><strong>marzec 2027</strong> – ekologia i ochrona"
            " zwierząt, turystyka i krajoznawstwo,</li><li><strong>przez cały rok</strong> –"
            " oferty w trybie pozakonkursowym (małe granty), do wyczerpania puli"
            " środków.</li></ul><p>Terminy mają charakter orientacyjny. Wiążące są wyłącznie"
            " ogłoszenia publikowane w Biuletynie Informacji Publicznej Urzędu Miasta. Każde"
            " ogłoszenie określa wysokość środków, wymagania dotyczące wkładu własnego i termin"
            " składania ofert – zwykle nie krótszy niż 21 dni od publikacji.</p><h2>Co nowego w"
            " 2027 roku</h2><p>Po konsultacjach programu współpracy miasto zapowiedziało"
            " wydłużenie części zadań do formuły całorocznej, co ma ułatwić prowadzenie stałych"
            " zajęć, np. klubów seniora czy treningów dla dzieci. Zapowiedziano także spotkanie"
            " informacyjne przed każdym większym konkursem, na którym pracownicy urzędu odpowiedzą"
            " na pytania organizacji. Szczegóły poznamy w treści ogłoszeń.</p><h2>Jak się"
            " przygotować</h2><ol><li>Sprawdź, czy dane organizacji w KRS są aktualne – to częsta"
            " przyczyna błędów formalnych.</li><li>Przygotuj opis dotychczasowych działań i"
            " zrealizowanych projektów.</li><li>Zaplanuj budżet z realnymi stawkami i opisem"
            " wkładu własnego.</li><li>Umów się na konsultację w ośrodku co najmniej tydzień przed"
            " terminem składania ofert.</li></ol><p>Dla organizacji planujących małe granty ważna"
            " wskazówka: pula środków na ten tryb jest ograniczona, a w poprzednich latach"
            " wyczerpywała się jesienią. Oferty na działania wiosenne i letnie warto więc składać"
            " wcześnie, z zachowaniem czasu potrzebnego na publikację i zawarcie"
            " umowy.</p><p>Kalendarz naborów będziemy na bieżąco aktualizować na platformie."
            " Organizacje, które zapiszą się do newslettera, otrzymają przypomnienie o każdym"
            " nowym ogłoszeniu.</p>"
        ),
        "areas": ["33", "13"],
        "tags": ["dotacje", "samorząd"],
        "organizations": ["urzad-miasta-myslowice", "stowarzyszenie-cis-myslowice"],
        "fields": {},
        "days_ago": 6,
    },
    {
        "kind": "news",
        "title": "Sale i sprzęt ośrodka do rezerwacji przez platformę",
        "slug": "sale-i-sprzet-osrodka-rezerwacja-online",
        "lead": (
            "Organizacje z Mysłowic mogą już samodzielnie rezerwować sale ośrodka i wypożyczać"
            " sprzęt przez platformę Pomysłowice. Korzystanie jest bezpłatne."
        ),
        "body": (
            "<p>Odpowiadając na potrzeby zgłoszone w diagnozie organizacji, ośrodek uruchomił na"
            " platformie rezerwację sal i wypożyczalnię sprzętu. Do tej pory wszystkie rezerwacje"
            " przyjmowaliśmy telefonicznie, co przy rosnącej liczbie chętnych prowadziło do"
            " pomyłek i długiego oczekiwania.</p><h2>Co można"
            " zarezerwować</h2><ul><li><strong>sala szkoleniowa</strong> – do 25 osób, z"
            " rzutnikiem i ekranem,</li><li><strong>sala spotkań</strong> – do 10 osób, dobra na"
            " zebrania zarządu i walne zebrania małych stowarzyszeń,</li><li><strong>pokój"
            " konsultacji</strong> – do rozmów indywidualnych, np. z"
            " wolontariuszami,</li><li><strong>sprzęt</strong> – namioty, stoły i ławki składane,"
            " nagłośnienie przenośne, rzutnik, laptop, aparat"
            " fotograficzny.</li></ul><h2>Zasady</h2><ol><li>Z rezerwacji mogą korzystać"
            " organizacje pozarządowe i grupy nieformalne działające na rzecz mieszkańców"
            " Mysłowic, zarejestrowane na platformie.</li><li>Sale są bezpłatne; korzystający dba"
            " o porządek i zwraca klucze w dniu rezerwacji.</li><li>Można rezerwować spotkania"
            " jednorazowe i cykliczne, np. co tydzień przez kwartał.</li><li>Sprzęt wypożyczamy na"
            " podstawie protokołu wydania i zwrotu, zwykle na kilka dni.</li><li>Ośrodek może"
            " odwołać rezerwację w wyjątkowych sytuacjach, informując o tym z"
            " wyprzedzeniem.</li></ol><h2>Przykłady wykorzystania</h2><p>W pierwszych tygodniach z"
            " sal skorzystały m.in. zarząd stowarzyszenia sąsiedzkiego, który zorganizował walne"
            " zebranie członków, koło gospodyń przygotowujące się do jarmarku oraz grupa"
            " nieformalna planująca akcję sprzątania brzegów Przemszy. Namioty i nagłośnienie były"
            " już wypożyczane na festyny w kilku dzielnicach.</p><h2>Dostępność</h2><p>Sala"
            " szkoleniowa i pokój konsultacji znajdują się na parterze i są dostępne dla osób"
            " poruszających się na wózku. Na miejscu jest toaleta dostosowana do potrzeb osób z"
            " niepełnosprawnościami. Jeśli potrzebujesz innego wsparcia, napisz o tym w uwagach do"
            " rezerwacji.</p><p>Przy rezerwacji system pokazuje wolne terminy, a potwierdzenie"
            " trafia na adres e-mail organizacji. W razie problemów z obsługą platformy pomagamy w"
            " godzinach dyżurów. Prosimy też o odwoływanie niewykorzystanych rezerwacji –"
            " zwolniony termin od razu staje się widoczny dla innych organizacji.</p>"
        ),
        "areas": ["33"],
        "tags": ["szkolenia", "wydarzenia"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {},
        "days_ago": 45,
    },
    {
        "kind": "news",
        "title": "Opiekun dla każdej organizacji: ośrodek rozszerza program stałego wsparcia",
        "slug": "opiekun-organizacji-program-wsparcia",
        "lead": (
            "Organizacje mogą zgłosić się do programu, w którym przez rok pracują ze stałą"
            " opiekunką lub opiekunem z ośrodka nad swoim rozwojem."
        ),
        "body": (
            "<p>Od kilku lat część organizacji korzysta w ośrodku z pomocy stałego opiekuna –"
            " osoby, która zna organizację, jej historię i plany. Po dobrych doświadczeniach"
            " pilotażu rozszerzamy program i zapraszamy kolejne organizacje z Mysłowic.</p><h2>Na"
            " czym polega opieka</h2><ul><li>Na początku wspólnie z zarządem przygotowujemy krótką"
            " diagnozę: co działa dobrze, co sprawia trudność, jakie są plany na najbliższy"
            " rok.</li><li>Na tej podstawie powstaje plan rozwoju z konkretnymi celami, np."
            " pozyskanie nowych członków, złożenie pierwszego wniosku, uporządkowanie"
            " dokumentów.</li><li>Opiekun spotyka się z organizacją regularnie, pomaga w"
            " realizacji planu i łączy ją z ekspertami ośrodka – prawnikiem, księgową, specjalistą"
            " od komunikacji.</li><li>Po roku wspólnie podsumowujemy, co udało się"
            " osiągnąć.</li></ul><h2>Doświadczenia z pilotażu</h2><p>W pilotażu wzięło udział"
            " kilka organizacji o bardzo różnych potrzebach. Jedno ze stowarzyszeń zwykłych"
            " uporządkowało regulamin i przygotowało pierwszą ofertę w trybie małego grantu. Klub"
            " sportowy opracował plan pozyskiwania wolontariuszy spośród rodziców, a fundacja"
            " działająca na rzecz dzieci wprowadziła standardy ochrony małoletnich i nowe wzory"
            " porozumień wolontariackich. Najczęściej powtarzana opinia uczestników brzmiała:"
            " „wreszcie nie musimy za każdym razem tłumaczyć od początku, kim"
            " jesteśmy”.</p><h2>Kto może się zgłosić</h2><p>Program jest przeznaczony dla"
            " stowarzyszeń, fundacji, stowarzyszeń zwykłych, kół gospodyń wiejskich, klubów"
            " sportowych i grup nieformalnych działających na rzecz mieszkańców Mysłowic."
            " Szczególnie zachęcamy organizacje młode oraz te z dzielnic oddalonych od centrum:"
            " Dziećkowic, Kosztów, Larysza czy Morgów.</p><h2>Jak się zgłosić</h2><p>Wystarczy"
            " wypełnić krótki formularz na platformie albo przyjść na dyżur w ośrodku. Udział w"
            " programie jest bezpłatny. Liczba miejsc w danym roku zależy od dostępności"
            " opiekunów, dlatego zgłoszenia rozpatrujemy w kolejności wpływu, z uwzględnieniem"
            " różnorodności organizacji. Organizacje, które nie dostaną się do programu w tym"
            " roku, mogą w każdej chwili korzystać z dyżurów doradczych, szkoleń i rezerwacji sal,"
            " a ich zgłoszenie rozpatrzymy w kolejnym naborze.</p>"
        ),
        "areas": ["33"],
        "tags": ["szkolenia"],
        "organizations": ["stowarzyszenie-cis-myslowice"],
        "fields": {},
        "days_ago": 90,
    },
]
