"""Demo providers, personal assistants and listings across real Great Britain towns, built deterministically.

Real postcodes come from the offline Code-Point Open data; names, prices and languages are generated from a fixed
seed so every run builds the same directory. Some listings are stale and some checks unverified, on purpose.
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import cache

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from marketplace.core.demo_guard import refuse_demo_data
from marketplace.geography.places import Point, approximate, find_places, great_britain_councils, postcodes_in
from providers.models import (
    AvailabilitySlot,
    CouncilArea,
    FundingOption,
    Language,
    Listing,
    Membership,
    Need,
    Organisation,
    PersonalAssistant,
    RateCardItem,
    ServiceType,
    Supplier,
    Verification,
)
from providers.seed import seed_default_taxonomies

from .directory_terms import TERM_TRANSLATIONS

SEED = 20261122
DEMO_EMAIL_DOMAIN = "demo.sds.invalid"

# Town, outward codes to draw real postcodes from, and the languages people there often ask for besides English.
TOWNS = [
    ("Edinburgh", ["EH3", "EH6", "EH11", "EH16"], ["pl", "ur", "ar", "bfi", "zh"]),
    ("Glasgow", ["G3", "G12", "G31", "G41", "G42"], ["ur", "pa", "pl", "ar", "ro", "bfi"]),
    ("Aberdeen", ["AB10", "AB24"], ["pl", "lt", "ar"]),
    ("Dundee", ["DD1", "DD4"], ["pl", "ur", "bfi"]),
    ("Inverness", ["IV2", "IV3"], ["gd", "pl"]),
    ("Stornoway", ["HS1"], ["gd"]),
    ("Portree", ["IV51"], ["gd"]),
    ("Fort William", ["PH33"], ["gd"]),
    ("Oban", ["PA34"], ["gd"]),
    ("Stirling", ["FK8"], ["pl"]),
    ("Perth", ["PH1"], ["pl", "ro"]),
    ("Paisley", ["PA1", "PA3"], ["ur", "pl"]),
    ("Kilmarnock", ["KA1"], []),
    ("Dumfries", ["DG1"], ["pl"]),
    ("Kirkcaldy", ["KY1"], ["pl"]),
    ("Elgin", ["IV30"], []),
    ("Galashiels", ["TD1"], []),
    ("London", ["E1", "N16", "SE15", "SW9", "NW10"], ["bn", "so", "pl", "ar", "ur", "zh", "gu", "ro", "bfi"]),
    ("Birmingham", ["B11", "B18", "B21"], ["ur", "pa", "bn", "ar", "so", "bfi"]),
    ("Manchester", ["M13", "M14", "M8"], ["ur", "pa", "ar", "zh", "pl"]),
    ("Bradford", ["BD3", "BD7", "BD8"], ["ur", "pa", "pl"]),
    ("Leicester", ["LE2", "LE5"], ["gu", "pa", "ur", "so", "pl"]),
    ("Leeds", ["LS8", "LS11"], ["ur", "pa", "pl", "ar"]),
    ("Sheffield", ["S7", "S4"], ["ur", "ar", "so", "pl"]),
    ("Liverpool", ["L8", "L15"], ["so", "ar", "zh"]),
    ("Newcastle upon Tyne", ["NE4", "NE6"], ["bn", "ar", "pl", "zh"]),
    ("Bristol", ["BS5", "BS3"], ["so", "pl", "ur"]),
    ("Nottingham", ["NG7", "NG3"], ["ur", "pa", "pl", "ro"]),
    ("Luton", ["LU2", "LU1"], ["ur", "pa", "bn", "ro"]),
    ("Slough", ["SL1", "SL2"], ["pa", "ur", "pl"]),
    ("Peterborough", ["PE1"], ["pl", "lt", "ur", "ro"]),
    ("Boston", ["PE21"], ["pl", "lt", "ro"]),
    ("Southampton", ["SO14", "SO15"], ["pl", "pa", "ar"]),
    ("Norwich", ["NR2", "NR3"], ["pl", "lt"]),
    ("Plymouth", ["PL4"], ["pl"]),
    ("Exeter", ["EX4"], []),
    ("York", ["YO31"], ["pl"]),
    ("Carlisle", ["CA1", "CA2"], []),
    ("Kendal", ["LA9"], []),
    ("Preston", ["PR1"], ["gu", "ur", "pl"]),
    ("Blackburn", ["BB1", "BB2"], ["ur", "gu", "pa"]),
    ("Oldham", ["OL8", "OL4"], ["bn", "ur"]),
    ("Coventry", ["CV1", "CV6"], ["pa", "pl", "ar"]),
    ("Wolverhampton", ["WV1", "WV3"], ["pa", "pl", "ro"]),
    ("Cambridge", ["CB1", "CB4"], ["zh", "pl"]),
    ("Oxford", ["OX4"], ["ur", "ar", "pl"]),
    ("Brighton", ["BN2", "BN1"], ["ar", "pl", "bfi"]),
    ("Kingston upon Hull", ["HU5", "HU3"], ["pl", "lt", "ar"]),
    ("Reading", ["RG1", "RG30"], ["pa", "ur", "pl"]),
    ("Truro", ["TR1"], []),
    ("Cardiff", ["CF10", "CF24", "CF5"], ["cy", "ar", "so", "bn", "pl", "ur"]),
    ("Swansea", ["SA1"], ["cy", "ar", "pl"]),
    ("Newport", ["NP20", "NP19"], ["cy", "ur", "pl"]),
    ("Wrexham", ["LL11", "LL13"], ["cy", "pl"]),
    ("Bangor", ["LL57"], ["cy"]),
    ("Caernarfon", ["LL55"], ["cy"]),
    ("Aberystwyth", ["SY23"], ["cy"]),
    ("Carmarthen", ["SA31"], ["cy"]),
    ("Merthyr Tydfil", ["CF47"], ["cy"]),
    ("Llandudno", ["LL30"], ["cy"]),
]

FIRST_NAMES = {
    "en": [
        "Fiona",
        "Callum",
        "Eilidh",
        "Gareth",
        "Sian",
        "Rhys",
        "Claire",
        "David",
        "Joanne",
        "Michael",
        "Sarah",
        "Ruth",
    ],
    "gd": ["Mòrag", "Seumas", "Catrìona", "Iain", "Ealasaid", "Dòmhnall"],
    "cy": ["Gwen", "Dafydd", "Ffion", "Owain", "Eleri", "Iwan"],
    "pl": ["Agnieszka", "Katarzyna", "Tomasz", "Magdalena", "Piotr", "Joanna"],
    "ur": ["Amina", "Imran", "Farah", "Bilal", "Nadia", "Zainab"],
    "pa": ["Harpreet", "Gurpreet", "Jaspal", "Manjit", "Simran", "Kuldeep"],
    "ar": ["Layla", "Omar", "Huda", "Yusuf", "Mariam", "Khalid"],
    "zh": ["Mei", "Wei", "Li Na", "Jun", "Xiu Ying", "Hao"],
    "so": ["Hodan", "Abdi", "Faadumo", "Mohamed", "Sahra", "Ayaan"],
    "bn": ["Rumana", "Shahid", "Nasreen", "Rahim", "Tahmina", "Jamal"],
    "ro": ["Ioana", "Andrei", "Elena", "Mihai", "Alina", "Bogdan"],
    "lt": ["Rūta", "Tomas", "Jurgita", "Darius", "Aistė", "Mantas"],
    "gu": ["Priya", "Nikesh", "Hetal", "Rakesh", "Bhavna", "Dipak"],
}
SURNAMES = {
    "en": ["MacLeod", "Robertson", "Thomson", "Evans", "Jones", "Hughes", "Taylor", "Walker", "Brown", "Wilson"],
    "gd": ["MacDonald", "MacKenzie", "Morrison", "MacLean", "Campbell"],
    "cy": ["Williams", "Davies", "Roberts", "Griffiths", "Pritchard"],
    "pl": ["Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska"],
    "ur": ["Hussain", "Khan", "Ahmed", "Iqbal", "Malik"],
    "pa": ["Singh", "Kaur", "Sandhu", "Gill", "Dhillon"],
    "ar": ["Haddad", "Mansour", "Saleh", "Nasser", "Farouk"],
    "zh": ["Chen", "Wong", "Li", "Zhang", "Liu"],
    "so": ["Farah", "Warsame", "Abdullahi", "Osman", "Ali"],
    "bn": ["Begum", "Rahman", "Uddin", "Chowdhury", "Miah"],
    "ro": ["Popescu", "Ionescu", "Stan", "Dumitru", "Marin"],
    "lt": ["Kazlauskas", "Petrauskaitė", "Jankauskas", "Stankevičius", "Vasiliauskas"],
    "gu": ["Patel", "Shah", "Mistry", "Desai", "Parmar"],
}
ORGANISATION_PATTERNS = [
    ("{town} Care Co-operative", "registered_provider", ["care-at-home", "personal-assistant"]),
    ("{town} Home Support", "registered_provider", ["care-at-home"]),
    ("{surname} Family Care", "registered_provider", ["care-at-home", "short-breaks"]),
    ("Independent Living {town}", "user_led", ["peer-support", "pa-employer-advice", "support-planning-and-brokerage"]),
    ("{town} Advocacy Project", "support_service", ["advocacy"]),
    (
        "{town} Direct Payments Support",
        "support_service",
        ["payroll-and-direct-payment-management", "pa-employer-advice"],
    ),
    ("{town} Carers Centre", "charity", ["peer-support", "short-breaks"]),
    ("{town} PA Agency", "pa_agency", ["personal-assistant"]),
    ("{town} Day Opportunities", "charity", ["day-opportunities", "transport"]),
    ("{town} Community Connectors", "micro_enterprise", ["day-opportunities", "personal-assistant"]),
    ("{town} Housing Support", "registered_provider", ["housing-support"]),
    ("Enable {town}", "user_led", ["peer-support", "equipment-and-technology"]),
]
NEEDS_BY_SERVICE = {
    "personal-assistant": [
        "personal-care",
        "getting-out-and-about",
        "household-tasks",
        "physical-disability",
        "learning-disability",
    ],
    "care-at-home": ["personal-care", "dementia", "physical-disability", "end-of-life", "household-tasks"],
    "day-opportunities": ["learning-disability", "autism", "dementia", "getting-out-and-about"],
    "short-breaks": ["short-breaks", "carers-support", "learning-disability", "dementia"],
    "housing-support": ["mental-health", "learning-disability", "acquired-brain-injury"],
    "advocacy": ["mental-health", "learning-disability", "autism", "dementia"],
    "support-planning-and-brokerage": ["physical-disability", "learning-disability", "mental-health"],
    "payroll-and-direct-payment-management": ["physical-disability", "learning-disability"],
    "pa-employer-advice": ["physical-disability", "carers-support"],
    "peer-support": ["mental-health", "carers-support", "sensory-loss", "acquired-brain-injury"],
    "equipment-and-technology": ["sensory-loss", "physical-disability"],
    "transport": ["getting-out-and-about", "physical-disability"],
}
SUMMARIES = {
    "personal-assistant": "Flexible one-to-one support at home and out and about, arranged around your week.",
    "care-at-home": "Regular visits at home for personal care, meals and medication, by a small, steady team.",
    "day-opportunities": "Groups and activities in the community, with support to join in and make friends.",
    "short-breaks": "Short breaks that give you and the people who care for you time to rest.",
    "housing-support": "Support to manage a tenancy, money and everyday life in your own home.",
    "advocacy": "Independent advocates who help you say what you want and make sure you are heard.",
    "support-planning-and-brokerage": "Help to plan your support and arrange it the way you choose.",
    "payroll-and-direct-payment-management": "We run payroll for your PAs and keep your direct payment records right.",
    "pa-employer-advice": "Advice on being a good employer: contracts, holidays, pensions and insurance.",
    "peer-support": "Meet people with similar experiences who share what has worked for them.",
    "equipment-and-technology": "Advice on equipment and technology that make daily life easier and safer.",
    "transport": "Accessible transport to appointments, activities and visits.",
}
PA_SKILLS = [
    "personal care",
    "cooking healthy meals",
    "supporting people with dementia",
    "autism support",
    "moving and handling",
    "medication prompts",
    "getting to work or college",
    "hobbies and sport",
    "shopping and errands",
]
BANDS = [band for band, _label in AvailabilitySlot.Band.choices]


@dataclass
class Place:
    town: str
    postcode: str
    latitude: float
    longitude: float
    council_area: str
    country: str
    council_code: str  # GSS code of the council holding adult social care


def _money(rng, low, high):
    return Decimal(rng.randrange(int(low * 4), int(high * 4) + 1)) / 4


def translate_terms():
    """Give the demo's needs, services, funding options and languages their Urdu, Gaelic and Polish names."""
    from wagtail.models import Locale

    models = {"Need": Need, "ServiceType": ServiceType, "FundingOption": FundingOption, "Language": Language}
    for language, by_model in TERM_TRANSLATIONS.items():
        locale, _created = Locale.objects.get_or_create(language_code=language)
        for model_name, names in by_model.items():
            model = models[model_name]
            for term in model.objects.filter(locale=Locale.get_default(), slug__in=names):
                if term.get_translation_or_none(locale) is None:
                    translation = term.copy_for_translation(locale)
                    translation.name = names[term.slug]
                    translation.save()


@cache
def demo_places():
    """Six real postcodes in each outward code of each town, chosen the same way every time (once per process)."""
    rng = random.Random(SEED)
    places = []
    for town, outward_codes, languages in TOWNS:
        matches = [p for p in find_places(town) if p.label == town] or find_places(town)
        council = matches[0].council_area if matches else ""
        country = matches[0].country if matches else "England"
        code = (matches[0].council_code if matches else "") or ""
        for outward in outward_codes:
            for postcode, point in rng.sample(postcodes_in(outward), 6):
                place = Place(town, postcode, point.latitude, point.longitude, council, country, code)
                places.append((place, languages))
    return tuple(places)


class ProviderDemo:
    def __init__(self, scale=1.0):
        self.rng = random.Random(SEED)
        self.organisation_count = max(1, round(280 * scale))
        self.pa_count = max(1, round(200 * scale))
        self.now = timezone.now()

    @transaction.atomic
    def run(self):
        refuse_demo_data()
        seed_default_taxonomies()
        translate_terms()
        self._ensure_council_areas()
        if Organisation.objects.filter(slug__startswith="demo-").exists():
            return {}
        self._load_terms()
        self.places = self._places()
        users = self._users()
        organisations = self._organisations(users[: self.organisation_count])
        personal_assistants = self._personal_assistants(users[self.organisation_count :])
        listings = self._listings(organisations, personal_assistants)
        self._verifications(organisations, personal_assistants)
        return {
            "organisations": len(organisations),
            "personal assistants": len(personal_assistants),
            "listings": len(listings),
        }

    def _ensure_council_areas(self):
        """Every council holding adult social care in Great Britain, by its GSS code and ONS name."""
        existing = set(CouncilArea.objects.exclude(gss_code="").values_list("gss_code", flat=True))
        CouncilArea.objects.bulk_create(
            [
                CouncilArea(name=council.name, slug=slugify(council.name)[:120], country=council.country, gss_code=code)
                for council in great_britain_councils()
                if (code := council.code) not in existing
            ],
            ignore_conflicts=True,
        )
        self.council_areas = {area.gss_code: area for area in CouncilArea.objects.exclude(gss_code="")}

    def _load_terms(self):
        self.services = {term.slug: term for term in ServiceType.objects.filter(locale__language_code="en")}
        self.needs = {term.slug: term for term in Need.objects.filter(locale__language_code="en")}
        self.funding = list(FundingOption.objects.filter(locale__language_code="en"))
        self.languages = {term.code: term for term in Language.objects.filter(locale__language_code="en")}

    def _places(self):
        return demo_places()

    def _name(self, language):
        first = self.rng.choice(FIRST_NAMES.get(language, FIRST_NAMES["en"]))
        return first, self.rng.choice(SURNAMES.get(language, SURNAMES["en"]))

    def _users(self):
        User = get_user_model()
        users = []
        for number in range(self.organisation_count + self.pa_count):
            user = User(email=f"provider{number:04d}@{DEMO_EMAIL_DOMAIN}", preferred_language="en")
            user.set_unusable_password()
            users.append(user)
        return User.objects.bulk_create(users)

    def _organisations(self, owners):
        organisations = []
        for number in range(len(owners)):
            place, languages = self.rng.choice(self.places)
            name_pattern, kind, services = self.rng.choice(ORGANISATION_PATTERNS)
            _first, surname = self._name(self.rng.choice(["en", *languages]) if languages else "en")
            name = name_pattern.format(town=place.town, surname=surname)
            regulator = {"Scotland": "care_inspectorate", "Wales": "ciw"}.get(place.country, "cqc")
            registered = kind in ("registered_provider", "pa_agency")
            organisation = Organisation(
                supplier=Supplier(
                    kind=Supplier.Kind.ORGANISATION,
                    name=name,
                    phone=f"0{self.rng.randrange(1000, 9999)} {self.rng.randrange(100000, 999999)}",
                    email=f"hello@{slugify(name)}.example.org",
                    website=f"https://{slugify(name)}.example.org",
                ),
                slug=f"demo-{slugify(name)}-{number}",
                kind=kind,
                regulator=regulator if registered else "",
                registration_number=f"{regulator[:2].upper()}{self.rng.randrange(100000, 999999)}"
                if registered
                else "",
                charity_number=f"SC0{self.rng.randrange(10000, 99999)}"
                if kind == "charity" and place.country == "Scotland"
                else "",
                description=f"{name} supports people in and around {place.town}.",
            )
            organisation.demo = (place, languages, services)
            organisations.append(organisation)
        _save_suppliers(organisations)
        Organisation.objects.bulk_create(organisations)
        Membership.objects.bulk_create(
            [
                Membership(user=owner, supplier=org.supplier, role="owner")
                for owner, org in zip(owners, organisations, strict=True)
            ]
        )
        return organisations

    def _personal_assistants(self, users):
        assistants = []
        for user in users:
            place, languages = self.rng.choice(self.places)
            language = self.rng.choice(languages) if languages and self.rng.random() < 0.6 else "en"
            first, surname = self._name(language)
            assistant = PersonalAssistant(
                user=user,
                supplier=Supplier(kind=Supplier.Kind.PERSONAL_ASSISTANT, name=f"{first} {surname[0]}."),
                bio=f"I have supported people in {place.town} for several years. I am good at "
                f"{self.rng.choice(PA_SKILLS)} and {self.rng.choice(PA_SKILLS)}.",
                experience_years=self.rng.randrange(0, 21),
                training="Moving and handling; first aid; medication awareness",
                gender=self.rng.choice(["Woman", "Man", "Woman", "", "Non-binary"]),
                drives=self.rng.random() < 0.7,
                has_car=self.rng.random() < 0.55,
                employment=self.rng.choice(PersonalAssistant.Employment.values),
                home_postcode=place.postcode,
                area_label=f"{place.postcode.split()[0]}, {place.town}",
            )
            assistant.demo = (place, sorted({"en", language, *self.rng.sample(languages, min(1, len(languages)))}))
            assistants.append(assistant)
        _save_suppliers(assistants)
        PersonalAssistant.objects.bulk_create(assistants)
        Membership.objects.bulk_create(
            [Membership(user=assistant.user, supplier=assistant.supplier, role="owner") for assistant in assistants]
        )
        for assistant in assistants:
            assistant.languages.set([self.languages[code] for code in assistant.demo[1] if code in self.languages])
        return assistants

    def _listings(self, organisations, assistants):
        listings, extras = [], []
        for organisation in organisations:
            place, languages, services = organisation.demo
            for service in services[: self.rng.randrange(1, len(services) + 1)]:
                listing = self._listing(
                    place, f"{SERVICE_TITLES[service]} – {organisation.supplier.name}", service, organisation.supplier
                )
                listings.append(listing)
                extras.append(
                    (
                        listing,
                        service,
                        ["en", *self.rng.sample(languages, min(len(languages), self.rng.randrange(0, 3)))],
                        False,
                    )
                )
        for assistant in assistants:
            place, languages = assistant.demo
            for number in range(1 if self.rng.random() < 0.75 else 2):
                title = f"Personal assistant in {place.town}: {assistant.supplier.name}" + (
                    " (nights)" if number else ""
                )
                listing = self._listing(place, title, "personal-assistant", assistant.supplier)
                listings.append(listing)
                extras.append((listing, "personal-assistant", languages, True))
        bulk_create_with_history(listings, Listing, batch_size=500)
        self._relations(extras)
        return listings

    def _listing(self, place, title, service, supplier):
        roll = self.rng.random()
        if roll < 0.06:
            confirmed = self.now - timedelta(days=self.rng.randrange(190, 212))  # stale: demoted
        elif roll < 0.1:
            confirmed = self.now - timedelta(days=self.rng.randrange(215, 400))  # hidden until reconfirmed
        else:
            confirmed = self.now - timedelta(days=self.rng.randrange(1, 170))
        status = (
            Listing.Status.PUBLISHED
            if self.rng.random() < 0.93
            else self.rng.choice([Listing.Status.DRAFT, Listing.Status.SUBMITTED])
        )
        by_council = not supplier.is_personal_assistant and self.rng.random() < 0.2
        base = Point(place.latitude, place.longitude)
        if supplier.is_personal_assistant:
            base = approximate(base)
        slug = f"{slugify(title)[:110]}-{self.rng.randrange(10**6):06d}"
        return Listing(
            title=title[:120],
            slug=slug,
            summary=SUMMARIES[service],
            description=f"<p>{SUMMARIES[service]}</p><p>We work in {place.town} and the places around it.</p>",
            area_kind=Listing.AreaKind.COUNCIL_AREAS if by_council else Listing.AreaKind.RADIUS,
            base_postcode=place.postcode,
            base_label=place.town,
            latitude=base.latitude,
            longitude=base.longitude,
            radius_km=None if by_council else Decimal(self.rng.choice([5, 8, 10, 15, 20, 25, 30, 40])),
            short_notice_cover=self.rng.random() < 0.3,
            accepting_new_clients=self.rng.random() < 0.85,
            contact_phone=f"07{self.rng.randrange(100, 999)} {self.rng.randrange(100000, 999999)}",
            contact_email=f"{slug[:40]}@example.org",
            status=status,
            published_at=confirmed if status == Listing.Status.PUBLISHED else None,
            last_confirmed_at=confirmed if status == Listing.Status.PUBLISHED else None,
            supplier=supplier,
        )

    def _relations(self, extras):
        Through = Listing.service_types.through
        NeedThrough, FundingThrough, LanguageThrough = (
            Listing.needs.through,
            Listing.funding_options.through,
            Listing.languages.through,
        )
        AreaThrough = Listing.council_areas.through
        services, needs, funding, languages, areas, slots, rates = [], [], [], [], [], [], []
        for listing, service, codes, is_pa in extras:
            services.append(Through(listing=listing, servicetype=self.services[service]))
            for slug in self.rng.sample(
                NEEDS_BY_SERVICE[service], self.rng.randrange(2, len(NEEDS_BY_SERVICE[service]) + 1)
            ):
                needs.append(NeedThrough(listing=listing, need=self.needs[slug]))
            for option in self.rng.sample(self.funding, self.rng.randrange(2, len(self.funding) + 1)):
                funding.append(FundingThrough(listing=listing, fundingoption=option))
            for code in sorted(set(codes)):
                if code in self.languages:
                    languages.append(LanguageThrough(listing=listing, language=self.languages[code]))
            if listing.area_kind == Listing.AreaKind.COUNCIL_AREAS and listing.base_label:
                council = next((p.council_code for p, _l in self.places if p.town == listing.base_label), None)
                if council in self.council_areas:
                    areas.append(AreaThrough(listing=listing, councilarea=self.council_areas[council]))
            for day in range(7):
                for band in BANDS:
                    if self.rng.random() < (0.5 if band in ("morning", "afternoon") else 0.15):
                        slots.append(AvailabilitySlot(listing=listing, day=day, band=band))
            rates.extend(self._rates(listing, service, is_pa))
        for model, rows in (
            (Through, services),
            (NeedThrough, needs),
            (FundingThrough, funding),
            (LanguageThrough, languages),
            (AreaThrough, areas),
            (AvailabilitySlot, slots),
        ):
            model.objects.bulk_create(rows, batch_size=1000)
        bulk_create_with_history(rates, RateCardItem, batch_size=1000)

    def _rates(self, listing, service, is_pa):
        hourly_low, hourly_high = (12, 22) if is_pa else (20, 35)
        weekday = _money(self.rng, hourly_low, hourly_high)
        rates = [
            RateCardItem(listing=listing, description="Daytime support", unit="hour", amount=weekday, sort_order=0),
            RateCardItem(
                listing=listing,
                description="Daytime support",
                unit="hour",
                amount=weekday + _money(self.rng, 1, 4),
                day_type="weekend",
                sort_order=1,
            ),
        ]
        if service in ("care-at-home", "personal-assistant", "short-breaks") and self.rng.random() < 0.5:
            rates.append(
                RateCardItem(
                    listing=listing,
                    description="Sleepover",
                    unit="sleepover",
                    amount=_money(self.rng, 80, 140),
                    sort_order=2,
                )
            )
        if service in ("care-at-home", "short-breaks") and self.rng.random() < 0.4:
            rates.append(
                RateCardItem(
                    listing=listing,
                    description="Waking night",
                    unit="night",
                    amount=_money(self.rng, 150, 220),
                    sort_order=3,
                )
            )
        if service == "payroll-and-direct-payment-management":
            rates = [
                RateCardItem(
                    listing=listing,
                    description="Payroll for up to 3 PAs",
                    unit="fixed",
                    amount=_money(self.rng, 15, 30),
                    notes="per month",
                )
            ]
        return rates

    def _verifications(self, organisations, assistants):
        today = self.now.date()
        rows = []
        for organisation in organisations:
            if organisation.regulator and self.rng.random() < 0.85:
                rows.append(
                    self._check(organisation.supplier, kind="registration", reference=organisation.registration_number)
                )
            rows.append(
                self._check(
                    organisation.supplier,
                    kind="insurance",
                    expires_on=today + timedelta(days=self.rng.randrange(-40, 360)),
                )
            )
        for assistant in assistants:
            scottish = assistant.demo[0].country == "Scotland"
            if self.rng.random() < 0.7:
                rows.append(
                    self._check(
                        assistant.supplier,
                        kind="pvg" if scottish else "dbs",
                        detail="PVG scheme member (adults)" if scottish else "Enhanced DBS with adults' barred list",
                    )
                )
            if self.rng.random() < 0.5:
                rows.append(self._check(assistant.supplier, kind="training", detail="Moving and handling"))
        Verification.objects.bulk_create(rows)

    def _check(self, supplier, kind, expires_on=None, detail="", reference=""):
        verified = self.rng.random() < 0.8
        return Verification(
            kind=kind,
            detail=detail,
            reference=reference,
            issued_on=self.now.date() - timedelta(days=self.rng.randrange(30, 700)),
            expires_on=expires_on,
            status=Verification.Status.VERIFIED if verified else Verification.Status.PENDING,
            decided_at=self.now - timedelta(days=self.rng.randrange(1, 300)) if verified else None,
            supplier=supplier,
        )


def _save_suppliers(profiles):
    """Save the suppliers of unsaved profiles in one query, and point each profile at its saved supplier."""
    suppliers = Supplier.objects.bulk_create([profile.supplier for profile in profiles])
    for profile, supplier in zip(profiles, suppliers, strict=True):
        profile.supplier = supplier


SERVICE_TITLES = {
    "personal-assistant": "Personal assistants",
    "care-at-home": "Care at home",
    "day-opportunities": "Day opportunities",
    "short-breaks": "Short breaks",
    "housing-support": "Housing support",
    "advocacy": "Independent advocacy",
    "support-planning-and-brokerage": "Support planning and brokerage",
    "payroll-and-direct-payment-management": "Payroll and direct payment support",
    "pa-employer-advice": "Advice for PA employers",
    "peer-support": "Peer support",
    "equipment-and-technology": "Equipment and technology advice",
    "transport": "Accessible transport",
}
