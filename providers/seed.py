"""The starting UK lists of needs, service types, funding options and languages. Editors add, rename and translate."""

from django.utils.text import slugify

NEEDS = [
    "Personal care",
    "Dementia",
    "Autism",
    "Mental health",
    "Learning disability",
    "Physical disability",
    "Sensory loss",
    "Acquired brain injury",
    "Getting out and about",
    "Household tasks",
    "Short breaks",
    "End of life",
    "Carers' support",
]

SERVICE_TYPES = [
    "Personal assistant",
    "Care at home",
    "Day opportunities",
    "Short breaks",
    "Housing support",
    "Advocacy",
    "Support planning and brokerage",
    "Payroll and direct-payment management",
    "PA employer advice",
    "Peer support",
    "Equipment and technology",
    "Transport",
]

FUNDING_OPTIONS = [
    ("option-1-direct-payment", "Direct payment (Option 1)"),
    ("option-2-individual-service-fund", "Individual service fund (Option 2)"),
    ("option-3-council-arranged", "Council-arranged (Option 3)"),
    ("self-funded", "Self-funded"),
    ("independent-living-fund", "Independent Living Fund"),
    ("nhs-personal-health-budget", "NHS personal health budget"),
]

# (code, English name): the community languages people ask for most, and British Sign Language.
LANGUAGES = [
    ("en", "English"),
    ("bfi", "British Sign Language (BSL)"),
    ("gd", "Scottish Gaelic"),
    ("cy", "Welsh"),
    ("pl", "Polish"),
    ("ur", "Urdu"),
    ("pa", "Punjabi"),
    ("ar", "Arabic"),
    ("zh", "Chinese (Mandarin or Cantonese)"),
    ("bn", "Bengali"),
    ("ro", "Romanian"),
    ("so", "Somali"),
    ("gu", "Gujarati"),
    ("lt", "Lithuanian"),
]


def seed_taxonomies(Need, ServiceType, FundingOption, Language, locale):
    """Create any missing terms in `locale` (the default language). Safe to run again."""
    for order, name in enumerate(NEEDS):
        Need.objects.get_or_create(slug=slugify(name), locale=locale, defaults={"name": name, "sort_order": order})
    for order, name in enumerate(SERVICE_TYPES):
        ServiceType.objects.get_or_create(
            slug=slugify(name), locale=locale, defaults={"name": name, "sort_order": order}
        )
    for order, (slug, name) in enumerate(FUNDING_OPTIONS):
        FundingOption.objects.get_or_create(slug=slug, locale=locale, defaults={"name": name, "sort_order": order})
    for order, (code, name) in enumerate(LANGUAGES):
        Language.objects.get_or_create(
            slug=slugify(name), locale=locale, defaults={"name": name, "code": code, "sort_order": order}
        )


def seed_default_taxonomies():
    from wagtail.models import Locale

    from .models import FundingOption, Language, Need, ServiceType

    seed_taxonomies(Need, ServiceType, FundingOption, Language, Locale.get_default())
