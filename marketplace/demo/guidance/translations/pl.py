"""Polish (pl)."""

from ..builders import DEMO_OUT_OF_HOURS_PHONE, accordion, h2, h3, help_contact, inset, steps, text, warning

OFFICE_HOURS = "Od poniedziałku do piątku, od 9:00 do 17:00"

TOPICS = {
    "options-and-rights": ("Możliwości i prawa", "Twoje prawo do wyboru, jak zorganizowane jest Twoje wsparcie."),
    "assessment": ("Ocena potrzeb", "Jak urząd sprawdza, jakiego wsparcia potrzebujesz."),
    "personal-budgets": ("Budżet osobisty", "Pieniądze na Twoje wsparcie i sposób ich wyliczenia."),
    "employing-a-pa": ("Zatrudnianie asystenta", "Szukanie, zatrudnianie i kierowanie pracą asystenta osobistego."),
    "money": ("Zarządzanie pieniędzmi", "Konto bankowe, dokumentacja i to, na co można wydać pieniądze."),
    "support-organisations": ("Organizacje wsparcia", "Osoby i grupy, które pomagają korzystać ze wsparcia."),
    "complaints": ("Skargi i odwołania", "Co zrobić, gdy nie zgadzasz się z decyzją lub usługą."),
    "emergencies": ("Sytuacje awaryjne", "Planowanie na wypadek, gdy coś pójdzie nie tak."),
    "carers": ("Opiekunowie", "Pomoc dla osób, które opiekują się bliskimi."),
    "transitions": ("Przejście do usług dla dorosłych", "Wsparcie dla młodych ludzi, którzy kończą 18 lat."),
}

AUDIENCES = {
    "older-people": ("Osoby starsze", "Osoby w starszym wieku, które potrzebują wsparcia."),
    "learning-disabilities": (
        "Osoby z niepełnosprawnością intelektualną",
        "Dorośli z niepełnosprawnością intelektualną.",
    ),
    "carers": ("Opiekunowie", "Rodzina i przyjaciele, którzy opiekują się kimś bez wynagrodzenia."),
    "minority-ethnic-communities": ("Mniejszości etniczne", "Osoby ze społeczności mniejszości etnicznych."),
    "mental-health": (
        "Osoby z problemami zdrowia psychicznego",
        "Osoby, które żyją z chorobą lub kryzysem psychicznym.",
    ),
    "young-people": (
        "Młodzi ludzie przechodzący do usług dla dorosłych",
        "Młodzi ludzie w wieku od 14 do 25 lat i ich rodziny.",
    ),
    "disabled-adults": (
        "Dorosłe osoby z niepełnosprawnością",
        "Dorośli z niepełnosprawnością ruchową, sensoryczną lub chorobą przewlekłą.",
    ),
    "deaf-bsl": (
        "Osoby głuche i użytkownicy BSL",
        "Osoby głuche, w tym osoby posługujące się brytyjskim językiem migowym.",
    ),
}

GLOSSARY = {
    "direct-payment": (
        "Płatność bezpośrednia",
        "Pieniądze, które urząd wypłaca Tobie, abyś sam kupował wsparcie albo zatrudniał pracowników. "
        "W Szkocji to Opcja 1.",
    ),
    "individual-service-fund": (
        "Indywidualny fundusz usług",
        "Twoim budżetem zarządza wybrany przez Ciebie usługodawca. Organizuje wsparcie tak, jak się z nim umówisz. "
        "W Szkocji to Opcja 2.",
    ),
    "personal-budget": (
        "Budżet osobisty",
        "Kwota, którą urząd przeznacza na Twoje wsparcie. Ty decydujesz, jak ją wykorzystać.",
    ),
    "resource-allocation-system": (
        "System przydziału środków (RAS)",
        "Zasady, według których niektóre urzędy wstępnie wyliczają, ile pieniędzy potrzebujesz na wsparcie.",
    ),
    "pvg-scheme": (
        "System PVG",
        "Szkocki system ochrony grup szczególnie narażonych (Protecting Vulnerable Groups). Sprawdza, czy ktoś ma "
        "zakaz pracy z dziećmi lub dorosłymi, którzy potrzebują ochrony.",
    ),
    "dbs-check": (
        "Zaświadczenie DBS",
        "Sprawdzenie niekaralności w Anglii i Walii, wykonywane przez Disclosure and Barring Service.",
    ),
    "independent-living-fund": (
        "Fundusz Niezależnego Życia (ILF)",
        "Pieniądze, które pomagają niektórym osobom z niepełnosprawnością mieszkać we własnym domu. "
        "W Anglii fundusz zamknięto w 2015 roku. ILF Scotland nadal działa.",
    ),
    "personal-assistant": (
        "Asystent osobisty (PA)",
        "Osoba, którą zatrudniasz, aby wspierała Cię tak, jak chcesz, w godzinach, które Ci odpowiadają.",
    ),
    "support-plan": (
        "Plan wsparcia",
        "Plan, który opisuje, co jest dla Ciebie ważne, jakie wsparcie dostaniesz i jak zapłaci za nie Twój budżet.",
    ),
    "outcomes": (
        "Cele",
        "To, co chcesz zmienić albo zachować w swoim życiu, na przykład spotkania z przyjaciółmi "
        "lub bezpieczne życie w domu.",
    ),
    "advocacy": (
        "Rzecznictwo",
        "Pomoc niezależnej osoby, która pomaga Ci powiedzieć, czego chcesz, i dba o przestrzeganie Twoich praw.",
    ),
    "brokerage": (
        "Pośrednictwo (brokerage)",
        "Pomoc w zaplanowaniu i zorganizowaniu wsparcia, na przykład w znalezieniu usług i podpisaniu umów.",
    ),
    "eligibility-criteria": (
        "Kryteria kwalifikacji",
        "Zasady, według których urząd decyduje, czy zapłaci za Twoje wsparcie.",
    ),
    "council-arranged-support": (
        "Wsparcie organizowane przez urząd",
        "Urząd wybiera i organizuje dla Ciebie usługi. W Szkocji to Opcja 3.",
    ),
    "self-directed-support": (
        "Wsparcie kierowane przez Ciebie",
        "Sposób korzystania z opieki społecznej, w którym Ty wybierasz, jak wsparcie jest planowane, "
        "organizowane i opłacane.",
    ),
    "carers-assessment": (
        "Ocena potrzeb opiekuna",
        "Rozmowa z urzędem o opiece, którą sprawujesz, i o pomocy, jakiej potrzebujesz jako opiekun. "
        "W Szkocji prowadzi do planu wsparcia dla opiekuna (adult carer support plan).",
    ),
    "personal-health-budget": (
        "Osobisty budżet zdrowotny NHS",
        "Pieniądze z NHS na opiekę zdrowotną i wsparcie, które planujesz razem z zespołem NHS. Najczęściej w Anglii.",
    ),
}

HOME = {
    "title": "Twoje wsparcie, Twój wybór",
    "intro": [
        "Znajdź wsparcie w swojej okolicy i przeczytaj jasne informacje o wsparciu kierowanym przez Ciebie. "
        "Dzięki niemu sam wybierasz, jak wykorzystać pieniądze na swoją opiekę."
    ],
    "signposts": [
        {
            "title": "Znajdź wsparcie",
            "summary": "Szukaj asystentów osobistych, firm opiekuńczych i organizacji wsparcia w pobliżu.",
        },
        {"title": "Czym jest wsparcie kierowane przez Ciebie", "summary": "Prosto wyjaśnione, z przykładami."},
        {"title": "Twoje cztery możliwości", "summary": "Sposoby, w jakie możesz zorganizować swoje wsparcie."},
        {
            "title": "Gdzie szukać pomocy",
            "summary": "Organizacje, które pomogą Ci planować, zabrać głos i zarządzać wsparciem.",
        },
    ],
}

GUIDANCE_INDEX = {
    "title": "Poradniki",
    "intro": [
        "Jasne informacje o wsparciu kierowanym przez Ciebie: od pierwszej oceny potrzeb po zatrudnianie własnych "
        "pracowników. Regularnie sprawdzamy każdą stronę i pokazujemy datę ostatniego przeglądu."
    ],
}

GLOSSARY_PAGE = {
    "title": "Słowa, których używamy",
    "intro": ["W opiece społecznej używa się wielu specjalnych słów. Tutaj wyjaśniamy je prostym językiem."],
}

GUIDANCE = {
    "what-is-self-directed-support": {
        "title": "Czym jest wsparcie kierowane przez Ciebie",
        "summary": (
            "Wsparcie kierowane przez Ciebie oznacza, że masz wpływ na to, jak Twoja opieka jest planowana, "
            "organizowana i opłacana. Ta strona wyjaśnia to prostymi słowami."
        ),
        "body": [
            text(
                "Jeśli potrzebujesz pomocy w codziennym życiu, urząd może zapłacić za część wsparcia. "
                "[[g:self-directed-support|Wsparcie kierowane przez Ciebie]] oznacza, że masz wybór i kontrolę nad tym wsparciem.",
                "Ty decydujesz, co jest dla Ciebie ważne. Potem wybierasz, jak zorganizować wsparcie.",
            ),
            h2("Jak to może wyglądać"),
            text(
                "Każdy korzysta ze wsparcia inaczej. Na przykład:",
                [
                    "Sam zatrudnia dwóch [[g:personal-assistant|asystentów osobistych]], którzy pomagają mu przygotować się do pracy.",
                    "Margaret prosi lokalną firmę opiekuńczą, żeby odwiedzała ją dwa razy dziennie.",
                    "Jas przeznacza część budżetu na zajęcia taneczne z przyjaciółką.",
                ],
            ),
            h2("Kto może z niego korzystać"),
            text(
                "Może z niego korzystać każdy, komu urząd przyzna wsparcie. Dotyczy to osób starszych, "
                "osób z niepełnosprawnością, osób z problemami zdrowia psychicznego i opiekunów.",
                "Najpierw urząd sprawdza, czego potrzebujesz. Przeczytaj, [[p:assessment|jak wygląda ocena potrzeb]].",
            ),
            inset(
                "Nie musisz zarządzać pieniędzmi ani zatrudniać pracowników. Możesz poprosić urząd o zorganizowanie "
                "wsparcia i nadal mieć w tej sprawie głos."
            ),
            help_contact(
                "Porozmawiaj z nami o wsparciu",
                "Nasz zespół wyjaśni Ci możliwości i odpowie na pytania.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
    "your-rights-and-options": {
        "title": "Twoje prawa i cztery możliwości",
        "summary": (
            "Masz prawo wybrać, jak zorganizowane jest Twoje wsparcie. Są cztery główne sposoby "
            "i możesz później zmienić zdanie."
        ),
        "body": [
            text(
                "Po ocenie potrzeb urząd mówi Ci, ile pieniędzy jest na Twoje wsparcie. "
                "To Twój [[g:personal-budget|budżet osobisty]]. Potem wybierasz, jak go wykorzystać."
            ),
            h2("Cztery możliwości"),
            accordion(
                (
                    "Opcja 1: płatność bezpośrednia",
                    "Urząd wypłaca pieniądze Tobie. Sam kupujesz wsparcie albo zatrudniasz własnych pracowników. "
                    "To jest [[g:direct-payment|płatność bezpośrednia]]. Daje najwięcej kontroli, "
                    "ale też najwięcej obowiązków.",
                ),
                (
                    "Opcja 2: indywidualny fundusz usług",
                    "Wybierasz usługodawcę, a urząd mu płaci. Usługodawca organizuje wsparcie tak, jak chcesz. "
                    "To jest [[g:individual-service-fund|indywidualny fundusz usług]].",
                ),
                (
                    "Opcja 3: urząd wszystko organizuje",
                    "Urząd wybiera i organizuje dla Ciebie usługi. To jest "
                    "[[g:council-arranged-support|wsparcie organizowane przez urząd]]. Urząd nadal powinien zapytać, co Ci odpowiada.",
                ),
                (
                    "Opcja 4: połączenie",
                    "Korzystasz z więcej niż jednej możliwości. Na przykład w dni robocze zatrudniasz asystenta osobistego, "
                    "a urząd organizuje zajęcia w ośrodku dziennym.",
                ),
            ),
            inset(
                "W Szkocji prawo numeruje te możliwości jako Opcje od 1 do 4. W Anglii i Walii mówi się zwykle "
                "o płatnościach bezpośrednich, kontach zarządzanych i wsparciu organizowanym przez urząd. "
                "Możliwości są bardzo podobne."
            ),
            h2("Twoje prawa"),
            text(
                "Masz prawo:",
                [
                    "brać udział w każdej decyzji o swoim wsparciu",
                    "dostać jasne informacje o każdej możliwości",
                    "mieć pomoc członka rodziny, przyjaciela albo [[g:advocacy|rzecznika]]",
                    "zmienić możliwość, jeśli pierwszy wybór się nie sprawdza",
                    "poprosić o ponowną ocenę, gdy zmienią się Twoje potrzeby",
                ],
            ),
            warning(
                "Nikt nie powinien zmuszać Cię do jednej możliwości. Jeśli czujesz nacisk, poproś urząd "
                "o pisemne wyjaśnienie powodów."
            ),
            help_contact(
                "Pytania o Twoje możliwości",
                "Nasz zespół omówi z Tobą każdą możliwość.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
    "assessment": {
        "title": "Ocena potrzeb: jak wygląda i jak się przygotować",
        "summary": (
            "Ocena potrzeb to rozmowa o Twoim życiu i wsparciu, jakiego potrzebujesz. "
            "Dobre przygotowanie pomaga Ci przedstawić swoje zdanie."
        ),
        "body": [
            text(
                "Ocena potrzeb pozwala urzędowi dowiedzieć się, jakiej pomocy potrzebujesz. To rozmowa, a nie egzamin. "
                "Pracownik socjalny lub inna przeszkolona osoba rozmawia z Tobą, zwykle w Twoim domu."
            ),
            h2("Jak to przebiega"),
            steps(
                (
                    "Poproś o ocenę potrzeb",
                    "Zadzwoń lub napisz do działu opieki społecznej dla dorosłych. Możesz poprosić dla siebie "
                    "albo dla osoby, którą się opiekujesz.",
                ),
                (
                    "Porozmawiajcie",
                    "Rozmawiacie o Twoim codziennym życiu, zdrowiu i o tym, co jest dla Ciebie ważne. "
                    "Może być z Tobą ktoś bliski.",
                ),
                (
                    "Sprawdź, czy masz prawo do wsparcia",
                    "Urząd stosuje swoje [[g:eligibility-criteria|kryteria kwalifikacji]], żeby zdecydować, czy zapłaci za wsparcie.",
                ),
                (
                    "Ustalcie cele",
                    "Razem zapisujecie Twoje [[g:outcomes|cele]]. To rzeczy, które chcesz osiągnąć.",
                ),
                (
                    "Otrzymaj kopię na piśmie",
                    "Urząd powinien dać Ci kopię oceny. Sprawdź, czy wszystko się zgadza. "
                    "Jeśli nie, poproś o poprawki.",
                ),
            ),
            h2("Jak się przygotować"),
            text(
                "Przed spotkaniem warto zastanowić się nad tymi pytaniami:",
                [
                    "Jak wygląda dla Ciebie dobry dzień?",
                    "Co jest teraz dla Ciebie trudne?",
                    "Jaką pomoc dostajesz od rodziny lub przyjaciół?",
                    "Czy coś Cię martwi?",
                    "Czy potrzebujesz tłumacza, tłumacza języka migowego BSL albo tekstu łatwego do czytania?",
                ],
            ),
            inset("Rada: przez tydzień przed oceną prowadź dziennik. Zapisuj, w czym potrzebowałeś pomocy i kiedy."),
            help_contact(
                "Poproś o ocenę potrzeb",
                "Skontaktuj się z naszym zespołem opieki społecznej dla dorosłych. Możemy zapewnić tłumacza, także tłumacza BSL.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
    "support-organisations": {
        "title": "Organizacje, które mogą Ci pomóc",
        "summary": (
            "Nie musisz radzić sobie sam. Niezależne organizacje pomogą Ci planować, zabrać głos, "
            "zatrudnić pracowników i zarządzać pieniędzmi."
        ),
        "body": [
            text(
                "Wiele osób korzysta z pomocy, żeby używać wsparcia kierowanego przez siebie. Ta pomoc jest często bezpłatna albo może za nią zapłacić Twój budżet."
            ),
            h2("Rodzaje pomocy"),
            accordion(
                (
                    "Niezależne wsparcie i informacja",
                    "Lokalne organizacje wyjaśnią Ci możliwości i pomogą na każdym etapie. Nie są częścią urzędu.",
                ),
                (
                    "Rzecznictwo",
                    "Rzecznik pomaga Ci powiedzieć, czego chcesz, i dba o to, żeby Cię wysłuchano. "
                    "[[g:advocacy|Rzecznictwo]] jest w wielu miejscach bezpłatne.",
                ),
                (
                    "Pośrednictwo i planowanie wsparcia",
                    "Pośrednik pomaga zaplanować i zorganizować wsparcie. Za [[g:brokerage|pośrednictwo]] może zapłacić Twój budżet.",
                ),
                (
                    "Obsługa płac",
                    "Biuro płacowe wylicza wynagrodzenie, podatek i składki emerytalne Twoich pracowników. "
                    "Przysyła Ci paski wypłat do przekazania.",
                ),
                (
                    "Wsparcie rówieśnicze",
                    "Wsparcie rówieśnicze to rozmowy z innymi osobami, które same kierują swoim wsparciem. "
                    "Dzielą się tym, co im pomogło.",
                ),
                (
                    "Organizacje prowadzone przez użytkowników",
                    "Te grupy prowadzą osoby z niepełnosprawnością i osoby korzystające z usług. Znają system od środka.",
                ),
            ),
            h2("Pomoc w Twojej okolicy"),
            text(
                "Organizacje w pobliżu znajdziesz w części „Znajdź wsparcie” na tej stronie. "
                "Możesz też poprosić nasz zespół o listę."
            ),
            help_contact(
                "Pomoc od naszego zespołu",
                "Powiedz nam, czego potrzebujesz, a skontaktujemy Cię z właściwą organizacją.",
                hours=OFFICE_HOURS,
            ),
        ],
    },
}

COUNCIL_PAGES = {
    "accessibility-statement": {
        "title": "Deklaracja dostępności",
        "summary": (
            "Jak dostępna jest ta strona internetowa, co jeszcze poprawiamy oraz jak zgłosić problem lub poprosić "
            "o informacje w innym formacie."
        ),
        "body": [
            text(
                "Demo Council prowadzi tę stronę internetową. Chcemy, aby mogło z niej korzystać jak najwięcej osób. "
                "Na przykład powinno być możliwe:",
                [
                    "zmienianie kolorów, kontrastu i czcionek w ustawieniach przeglądarki lub urządzenia",
                    "powiększenie strony do 400% bez wychodzenia tekstu poza ekran",
                    "korzystanie z całej strony wyłącznie za pomocą klawiatury lub programu do rozpoznawania mowy",
                    "słuchanie strony za pomocą czytnika ekranu, takiego jak NVDA, JAWS lub VoiceOver",
                    "czytanie poradników w kilku językach, a części z nich w wersji łatwej do czytania",
                ],
                "Staramy się też pisać jak najprościej. "
                "[[https://mcmw.abilitynet.org.uk/|AbilityNet wyjaśnia, jak ułatwić sobie korzystanie z urządzenia]] "
                "(po angielsku).",
            ),
            h2("Jak dostępna jest ta strona"),
            text(
                "Większość strony dobrze współpracuje z technologiami wspomagającymi. Wiemy, że niektóre części "
                "nie są w pełni dostępne:",
                [
                    "mapa obok wyników wyszukiwania jest trudna w obsłudze za pomocą czytnika ekranu",
                    "niektóre filmy mają napisy i transkrypcję, ale nie mają audiodeskrypcji",
                    "niektóre starsze dokumenty do pobrania są trudne do odczytania za pomocą czytnika ekranu",
                ],
            ),
            h2("Co zrobić, jeśli nie możesz skorzystać z części strony"),
            text(
                "Jeśli potrzebujesz informacji z tej strony w innym formacie, na przykład dużym drukiem, w wersji "
                "łatwej do czytania, jako nagrania, w alfabecie Braille’a lub w brytyjskim języku migowym (BSL), "
                "skontaktuj się z nami. Podaj adres strony i format, którego potrzebujesz."
            ),
            help_contact(
                "Poproś o inny format",
                "Odpowiemy w ciągu 5 dni roboczych.",
                hours=OFFICE_HOURS,
            ),
            h2("Zgłaszanie problemów z dostępnością"),
            text(
                "Cały czas staramy się poprawiać dostępność tej strony. Jeśli znajdziesz problem, którego nie ma na "
                "tej liście, albo uważasz, że nie spełniamy wymogów dostępności, "
                "[[p:contact-us|skontaktuj się z zespołem wsparcia kierowanego przez Ciebie]]. Napisz, której strony "
                "to dotyczy i co nie zadziałało."
            ),
            h2("Egzekwowanie przepisów"),
            text(
                "Za egzekwowanie przepisów Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018 (przepisów o dostępności) odpowiada Komisja ds. Równości i Praw "
                "Człowieka (Equality and Human Rights Commission, EHRC).",
                "Jeśli nasza odpowiedź na Twoją skargę Cię nie zadowala, "
                "[[https://www.equalityadvisoryservice.com/|skontaktuj się z Equality Advisory and Support Service "
                "(EASS)]].",
            ),
            h2("Informacje techniczne o dostępności tej strony"),
            text("Demo Council zobowiązuje się zapewnić dostępność tej strony zgodnie z przepisami o dostępności."),
            h3("Stan zgodności"),
            text(
                "Ta strona jest częściowo zgodna ze standardem AA "
                "[[https://www.w3.org/TR/WCAG22/|wytycznych dotyczących dostępności treści internetowych (WCAG) "
                "w wersji 2.2]] z powodu problemów wymienionych poniżej."
            ),
            h2("Treści, które nie są dostępne"),
            accordion(
                (
                    "Problemy niezgodne z przepisami o dostępności",
                    "Mapa wyników na stronie wyszukiwania wsparcia nie przekazuje użytkownikom czytników ekranu "
                    "wszystkiego, co pokazuje. To niezgodność z kryterium sukcesu WCAG 2.2 1.1.1 (treść nietekstowa). "
                    "Lista wyników obok mapy podaje te same wyniki i odległości w formie tekstu. Planujemy poprawić "
                    "mapę do czerwca 2027 r.",
                    "Niektóre filmy nie mają audiodeskrypcji. To niezgodność z kryterium sukcesu WCAG 2.2 1.2.5 "
                    "(audiodeskrypcja, nagranie). Każdy film ma napisy i transkrypcję. Od kwietnia 2027 r. będziemy "
                    "dodawać audiodeskrypcję do nowych filmów.",
                ),
                (
                    "Nieproporcjonalne obciążenie",
                    "Nie twierdzimy, że naprawienie któregokolwiek z tych problemów byłoby nieproporcjonalnym "
                    "obciążeniem.",
                ),
                (
                    "Treści, których nie obejmują przepisy",
                    "Niektóre dokumenty PDF i Word opublikowane przed 23 września 2018 r. nie są w pełni dostępne. "
                    "Przepisy nie wymagają od nas ich poprawiania, chyba że są niezbędne do korzystania z naszych usług.",
                    "Mapy internetowe są wyłączone z przepisów. Mimo to informacje z mapy podajemy również w formie "
                    "tekstu.",
                ),
            ),
            h2("Co robimy, aby poprawić dostępność"),
            text(
                "Każdą zmianę na tej stronie sprawdzamy automatycznymi testami dostępności, zanim ją opublikujemy. "
                "Osoby z niepełnosprawnościami, które korzystają z naszych usług, testują z nami nowe funkcje na "
                "własnych urządzeniach i z własnymi technologiami wspomagającymi."
            ),
            h2("Przygotowanie tej deklaracji"),
            text(
                "Tę deklarację przygotowaliśmy 14 stycznia 2026 r. Datę ostatniego przeglądu podajemy na końcu tej "
                "strony.",
                "Ostatni raz testowaliśmy tę stronę w listopadzie 2026 r. Nasz zespół cyfrowy sprawdził próbkę "
                "stron każdego rodzaju pod kątem standardu WCAG 2.2 AA: automatycznymi testami, samą klawiaturą, "
                "czytnikami ekranu i powiększaniem ekranu.",
            ),
        ],
    },
    "privacy-notice": {
        "title": "Informacja o prywatności",
        "summary": (
            "Jakie dane osobowe zbiera ta strona, dlaczego Demo Council może z nich korzystać, jak długo je "
            "przechowujemy i jakie masz prawa."
        ),
        "body": [
            h2("Kim jesteśmy"),
            text(
                "Demo Council prowadzi Self-directed Support Hub. Jesteśmy administratorem danych osobowych, które "
                "zbiera ta strona. Oznacza to, że decydujemy, jak są wykorzystywane, i musimy dbać o ich "
                "bezpieczeństwo.",
                "Nasz inspektor ochrony danych sprawdza, czy przestrzegamy przepisów o ochronie danych. Możesz się "
                "z nim skontaktować, korzystając z [[p:contact-us|naszych danych kontaktowych]]. Na początku "
                "wiadomości napisz „Data Protection Officer”.",
            ),
            h2("Jakie informacje zbieramy"),
            text(
                "Zbieramy tylko to, czego potrzebujemy do prowadzenia strony:",
                [
                    "**Jeśli zakładasz konto:** Twój adres e-mail, imię i nazwisko, preferowany język oraz "
                    "zaszyfrowaną kopię hasła, której nikt nie może odczytać.",
                    "**Jeśli publikujesz ogłoszenie lub profil asystenta osobistego:** informacje o Twoich usługach, "
                    "cenach, dostępności, językach i obszarze, który obsługujesz, a także dowody weryfikacji, takie "
                    "jak zaświadczenie PVG lub DBS i ubezpieczenie. Dowody widzą tylko pracownicy urzędu, którzy je "
                    "sprawdzają.",
                    "**Jeśli piszesz opinię:** Twoją opinię, oceny i miesiąc, w którym zaczęło się wsparcie.",
                    "**Jeśli zapisujesz się na powiadomienia e-mail lub zapisujesz wyszukiwanie:** Twój adres e-mail "
                    "i to, o czym chcesz dostawać wiadomości.",
                    "**Gdy wyszukujesz:** godzinę i pierwszą część wpisanego kodu pocztowego, i nic więcej o Tobie. "
                    "Dzięki temu widzimy, gdzie trudno znaleźć wsparcie.",
                    "**Gdy odwiedzasz stronę:** Twój adres IP i dane przeglądarki w dziennikach serwera, aby "
                    "chronić stronę.",
                ],
                "Niektóre z tych informacji mogą mówić coś o Twoim zdrowiu, na przykład o rodzaju wsparcia, z "
                "którego korzystasz. Prawo nazywa je szczególnymi kategoriami danych i chroni je bardziej.",
            ),
            h2("Dlaczego z nich korzystamy i na jakiej podstawie prawnej"),
            text(
                "Korzystamy z Twoich informacji, aby prowadzić tę stronę i pomagać mieszkańcom naszego terenu znaleźć "
                "i zorganizować wsparcie. Prawo wymaga, abyśmy dla każdego celu mieli podstawę prawną:",
                [
                    "**Zadanie publiczne:** większość naszych działań tutaj należy do naszego obowiązku organizowania "
                    "opieki społecznej i dawania ludziom wyboru i kontroli nad ich wsparciem.",
                    "**Zgoda:** powiadomienia e-mail i wiadomości o zapisanych wyszukiwaniach wysyłamy tylko wtedy, "
                    "gdy o nie poprosisz i potwierdzisz swój adres e-mail. W każdej wiadomości jest link, aby je "
                    "wyłączyć.",
                    "**Umowa:** gdy płacisz za zarezerwowane wsparcie lub otrzymujesz za nie zapłatę, korzystamy z "
                    "Twoich danych, aby dokonać płatności i ją zapisać.",
                    "**Obowiązek prawny:** prawo wymaga od nas przechowywania dokumentacji finansowej i niektórych "
                    "dokumentów dotyczących ochrony osób narażonych na krzywdę.",
                ],
                "W przypadku informacji o zdrowiu opieramy się na warunkach ustawy Data Protection Act 2018 "
                "dotyczących opieki zdrowotnej i społecznej oraz ważnego interesu publicznego.",
            ),
            h2("Komu je udostępniamy"),
            text(
                "Nigdy nie sprzedajemy Twoich informacji. Udostępniamy je tylko wtedy, gdy jest to konieczne:",
                [
                    "zespołom pracy socjalnej i finansów urzędu, gdy o to poprosisz lub gdy potrzebują ich, aby "
                    "zorganizować Twoje wsparcie lub za nie zapłacić",
                    "naszemu operatorowi płatności, firmie Stripe, gdy płacisz lub otrzymujesz płatność",
                    "serwisowi OpenStreetMap, który dostarcza obrazy mapy w wyszukiwarce wsparcia: gdy otwierasz "
                    "mapę, Twoja przeglądarka przekazuje mu Twój adres IP",
                    "policji lub innym organom, gdy wymaga tego prawo lub gdy komuś grozi krzywda",
                ],
            ),
            h2("Jak długo je przechowujemy"),
            text(
                [
                    "Twoje konto: dopóki go nie usuniesz. Możesz je usunąć w dowolnej chwili na stronie swojego konta.",
                    "Ogłoszenia i opinie: przez czas publikacji, a wcześniejsze wersje przez 6 lat, abyśmy mogli "
                    "odpowiadać na skargi.",
                    "Powiadomienia e-mail i zapisane wyszukiwania: dopóki z nich nie zrezygnujesz.",
                    "Dokumentacja płatności: 6 lat od końca roku budżetowego, zgodnie z wymogami prawa.",
                    "Dzienniki serwera: 90 dni.",
                ]
            ),
            h2("Twoje prawa"),
            text(
                "Masz prawo:",
                [
                    "otrzymać kopię informacji, które o Tobie przechowujemy (wiele z nich możesz pobrać na stronie "
                    "swojego konta)",
                    "żądać poprawienia błędnych informacji",
                    "żądać usunięcia swoich informacji albo zatrzymania lub ograniczenia ich wykorzystywania",
                    "sprzeciwić się wykorzystywaniu Twoich informacji do wykonywania naszego zadania publicznego",
                    "otrzymać przekazane nam informacje w formacie, z którego może skorzystać inna organizacja",
                ],
                "Niektóre prawa zależą od podstawy prawnej, na której się opieramy. Nasze automatyczne kontrole mogą "
                "przekazać opinię do sprawdzenia przez człowieka, ale nigdy same nie podejmują decyzji w Twojej "
                "sprawie.",
                "Aby skorzystać z któregokolwiek z tych praw, [[p:contact-us|skontaktuj się z nami]]. Odpowiemy w "
                "ciągu miesiąca.",
            ),
            h2("Jak złożyć skargę"),
            text(
                "Jeśli nie podoba Ci się sposób, w jaki wykorzystaliśmy Twoje informacje, najpierw powiedz o tym "
                "naszemu inspektorowi ochrony danych.",
                "Możesz też złożyć skargę do Information Commissioner’s Office (ICO), niezależnego brytyjskiego "
                "organu nadzorczego ds. ochrony danych. [[https://ico.org.uk/make-a-complaint/|Złóż skargę do ICO]] "
                "lub zadzwoń na infolinię ICO pod numer 0303 123 1113.",
            ),
        ],
    },
    "cookies": {
        "title": "Pliki cookie",
        "summary": (
            "Ta strona używa tylko tych plików cookie, których potrzebuje do działania. Nie używamy plików cookie "
            "do śledzenia Cię ani do reklam."
        ),
        "body": [
            text(
                "Pliki cookie to małe pliki, które strona internetowa zapisuje na Twoim telefonie, tablecie lub "
                "komputerze. Dzięki nim strona pamięta coś między jedną podstroną a drugą.",
                "Używamy tylko niezbędnych plików cookie. Bez nich strona nie może działać prawidłowo, dlatego nie "
                "prosimy o zgodę na ich użycie. Nie używamy plików cookie do liczenia odwiedzających, do śledzenia "
                "Twojej aktywności w internecie ani do reklam.",
            ),
            h2("Pliki cookie, których używamy"),
            text(
                [
                    "**sessionid** sprawia, że pozostajesz zalogowany(-a), gdy przechodzisz między stronami. Wygasa "
                    "po 2 tygodniach, jeśli poprosisz nas o zapamiętanie, a w przeciwnym razie po zamknięciu "
                    "przeglądarki.",
                    "**csrftoken** chroni formularze na tej stronie, aby inna strona internetowa nie mogła wysłać "
                    "formularza w Twoim imieniu. Wygasa po 1 roku.",
                    "**django_language** zapamiętuje wybrany przez Ciebie język, jeśli wybierzesz go w ustawieniach "
                    "języka. Wygasa po zamknięciu przeglądarki.",
                    "**messages** przechowuje krótką wiadomość dla następnej strony, na przykład „Zapisano Twój "
                    "język”. Jest usuwany, gdy tylko zobaczysz wiadomość.",
                ]
            ),
            h2("Inne strony internetowe"),
            text(
                "Gdy otwierasz mapę w wyszukiwarce wsparcia, Twoja przeglądarka pobiera obrazy mapy z serwisu "
                "OpenStreetMap. Nasza [[p:privacy-notice|informacja o prywatności]] wyjaśnia, co jest wtedy "
                "przekazywane. Strony, do których prowadzą nasze linki, mają własne zasady dotyczące plików cookie."
            ),
            h2("Blokowanie plików cookie"),
            text(
                "Możesz zablokować lub usunąć pliki cookie w ustawieniach przeglądarki. Jeśli zablokujesz powyższe "
                "pliki cookie, nie zalogujesz się ani nie wyślesz formularzy na tej stronie, ale nadal możesz czytać "
                "poradniki i szukać wsparcia."
            ),
        ],
    },
    "contact-us": {
        "title": "Kontakt",
        "summary": (
            "Jak skontaktować się z zespołem wsparcia kierowanego przez Ciebie w Demo Council telefonicznie, przez "
            "telefon tekstowy lub e-mailem oraz co zrobić w nagłej sytuacji."
        ),
        "body": [
            warning("Jeśli ktoś jest teraz w niebezpieczeństwie, zadzwoń pod numer 999."),
            text(
                "Nasz zespół wsparcia kierowanego przez Ciebie pomoże w sprawach tej strony, Twojego wsparcia i "
                "osobistego budżetu. Możemy też wysłać Ci informacje w innym formacie lub języku."
            ),
            help_contact(
                "Zespół wsparcia kierowanego przez Ciebie",
                "Zadzwoń do nas, skorzystaj z telefonu tekstowego lub Relay UK albo napisz e-mail. Na e-maile "
                "odpowiadamy w ciągu 5 dni roboczych.",
                hours=OFFICE_HOURS,
            ),
            h2("Jeśli jesteś osobą Głuchą lub masz trudności ze słuchem lub mową"),
            text(
                "Możesz do nas zadzwonić przez Relay UK, korzystając z numeru telefonu tekstowego podanego powyżej. "
                "Jeśli chcesz, aby na spotkaniu był tłumacz brytyjskiego języka migowego, powiedz nam, a zamówimy "
                "go bezpłatnie."
            ),
            h2("Poza godzinami pracy biura"),
            text(
                "Jeśli potrzebujesz pilnej pomocy w sprawie opieki, gdy nasze biuro jest zamknięte, zadzwoń do "
                f"pozagodzinnej służby pracy socjalnej pod numer {DEMO_OUT_OF_HOURS_PHONE}. Jeśli ktoś jest w "
                "niebezpieczeństwie, zadzwoń pod numer 999."
            ),
            h2("Skargi, dostępność i Twoje informacje"),
            text(
                "Jeśli nie zgadzasz się z decyzją w sprawie Twojej opieki lub nasza obsługa Cię nie zadowala, "
                "przeczytaj, [[p:complaints-and-appeals|jak złożyć skargę lub odwołanie]].",
                "Aby zgłosić problem z korzystaniem z tej strony, przeczytaj naszą "
                "[[p:accessibility-statement|deklarację dostępności]]. W sprawie swoich danych osobowych przeczytaj "
                "naszą [[p:privacy-notice|informację o prywatności]].",
            ),
        ],
    },
}
