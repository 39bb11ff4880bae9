"""Polish (pl)."""

from ..builders import accordion, h2, help_contact, inset, steps, text, warning

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
