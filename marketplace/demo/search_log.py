"""A year of demo searches with the patterns commissioners look for, so the insight pages show dark patches.

Cities search most and mostly find plenty; remote districts (Caithness, Sutherland, Lochaber, the Western Isles)
search less and often find nothing; some needs (dementia at night, acquired brain injury) and languages (Scottish
Gaelic, British Sign Language, Urdu, Polish) find little anywhere. Rows carry only what real rows carry: the hour, the
outward code, the council, the filters, words from the vocabulary and the number of results. Seeded: the same log
every time. Marked with backend "demo", so loading again adds nothing.
"""

import random
from datetime import timedelta

from django.utils import timezone

from marketplace.insight import demand
from providers.models import CouncilArea
from search.models import SearchLog

SEED = 2026
# council's GSS code: (searches a month, [(outward code, share of searches, how well served 0..1)]): City of
# Edinburgh, Glasgow City, Highland, Na h-Eileanan Siar, Dundee City, Cardiff.
COUNCILS = {
    "S12000036": (260, [("EH6", 3, 0.9), ("EH7", 3, 0.9), ("EH11", 2, 0.8), ("EH16", 2, 0.6), ("EH17", 1, 0.3)]),
    "S12000049": (300, [("G1", 2, 0.9), ("G31", 3, 0.8), ("G33", 2, 0.4), ("G34", 2, 0.2), ("G53", 1, 0.5)]),
    "S12000017": (90, [("IV1", 3, 0.7), ("IV2", 2, 0.6), ("KW1", 1, 0.1), ("KW14", 1, 0.05), ("IV27", 1, 0.0),
                      ("PH33", 1, 0.2)]),
    "S12000013": (25, [("HS1", 2, 0.2), ("HS8", 1, 0.0)]),
    "S12000042": (110, [("DD1", 3, 0.8), ("DD3", 2, 0.6), ("DD4", 2, 0.3)]),
    "W06000015": (150, [("CF10", 3, 0.9), ("CF11", 2, 0.8), ("CF3", 2, 0.3), ("CF5", 1, 0.6)]),
}  # fmt: skip
NEEDS = [("personal-care", 6, 1.0), ("dementia", 5, 0.6), ("autism", 3, 0.7), ("mental-health", 3, 0.8),
         ("learning-disability", 3, 0.8), ("physical-disability", 2, 0.9), ("acquired-brain-injury", 1, 0.2),
         ("short-breaks", 2, 0.5), ("end-of-life", 1, 0.4), ("getting-out-and-about", 2, 0.9)]  # fmt: skip
SERVICES = [("personal-assistant", 5, 0.8), ("care-at-home", 4, 0.9), ("day-opportunities", 1, 0.7),
            ("short-breaks", 1, 0.5), ("advocacy", 1, 0.6), ("transport", 1, 0.3)]  # fmt: skip
LANGUAGES = [("polish", 3, 0.5), ("urdu", 2, 0.4), ("scottish-gaelic", 1, 0.1), ("british-sign-language-bsl", 2, 0.2),
             ("welsh", 2, 0.6), ("arabic", 1, 0.3)]  # fmt: skip
WORDS = {"dementia": "dementia", "autism": "autism", "personal-care": "personal care", "short-breaks": "respite",
         "personal-assistant": "pa", "care-at-home": "carer"}  # fmt: skip
MONTHS = 12


def _pick(rng, choices):
    slug, _weight, served = rng.choices(choices, weights=[weight for _slug, weight, _served in choices])[0]
    return slug, served


def _results(rng, served):
    """How many listings a search found, for how well served it is (0: nobody, 1: plenty)."""
    if rng.random() > served:
        return rng.choice([0, 0, 0, 1, 2, 3])
    return rng.randint(4, 45)


def searches(now=None):
    rng = random.Random(SEED)
    now = now or timezone.now()
    start = now - timedelta(days=30 * MONTHS)
    areas = {area.gss_code: area for area in CouncilArea.objects.filter(gss_code__in=COUNCILS)}
    rows = []
    for council, (monthly, districts) in COUNCILS.items():
        area = areas.get(council)
        if area is None:
            continue
        for _ in range(monthly * MONTHS):
            day = start + timedelta(days=rng.random() * 30 * MONTHS)
            hour = day.replace(hour=rng.choice([8, 9, 10, 11, 13, 14, 15, 16, 19, 20, 21]), minute=0, second=0,
                               microsecond=0)  # fmt: skip
            outward, served = _pick(rng, districts)
            filters, words = {}, []
            if rng.random() < 0.7:
                need, need_served = _pick(rng, NEEDS)
                filters["need"] = [need]
                served *= need_served
                words.append(WORDS.get(need, ""))
            if rng.random() < 0.5:
                service, service_served = _pick(rng, SERVICES)
                filters["service"] = [service]
                served *= service_served**0.5
                words.append(WORDS.get(service, ""))
            if rng.random() < 0.2:
                language, language_served = _pick(rng, LANGUAGES)
                filters["language"] = [language]
                served *= language_served
            rows.append(
                SearchLog(
                    hour=hour,
                    outward_code=outward,
                    council_area=area.name,
                    council_code=area.gss_code,
                    place_kind=SearchLog.PlaceKind.OUTWARD,
                    text=" ".join(word for word in words if word),
                    filters=filters,
                    sort="best",
                    result_count=_results(rng, served),
                    backend="demo",
                )
            )
    return rows


def load_search_log():
    """The demo's search log and its demand figures (idempotent); returns how many searches were added."""
    if SearchLog.objects.filter(backend="demo").exists():
        return 0
    rows = searches()
    SearchLog.objects.bulk_create(rows, batch_size=2000)
    demand.refresh(full=True)
    return len(rows)
