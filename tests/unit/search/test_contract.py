"""The search contract: the database and Elasticsearch backends give the same answers to the same questions.

Every test in the first part runs on both backends (the `backend` fixture) with data made here and expectations
worked out from that data by hand. The engine backend runs against a real OpenSearch node (tests/search_engine.py).
"""

import logging
import math
import socket
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Locale

from marketplace.geography.places import Point
from providers.models import (
    AvailabilitySlot,
    CouncilArea,
    FundingOption,
    Language,
    Listing,
    Need,
    RateCardItem,
    ServiceType,
    Verification,
)
from search import engine, index, text
from search.backends import database
from search.backends import elasticsearch as engine_backend
from search.backends.base import SearchUnavailable
from search.query import ListingQuery, Place
from search.service_area import destination
from search.tasks import reindex_listings
from tests.factories import organisation_supplier, personal_assistant
from tests.review_data import add_reviews
from tests.search_data import council_area

pytestmark = pytest.mark.django_db

EDINBURGH = Point(55.9533, -3.1883)
CITY = "City of Edinburgh"
HERE = Place("Edinburgh", EDINBURGH, council_area=CITY, outward_code="EH1", council_code="S12000036")


def east(km):
    return Point(EDINBURGH.latitude, EDINBURGH.longitude + km / (111.320 * math.cos(math.radians(EDINBURGH.latitude))))


def make_listing(
    title,
    km,
    radius_km=None,
    *,
    council_areas=(),
    pa=None,
    needs=(),
    services=(),
    funding=(),
    languages=(),
    slots=(),
    price="18.00",
    verification=None,
    confirmed_days_ago=0,
    status=Listing.Status.PUBLISHED,
    **fields,
):
    """A listing `km` east of central Edinburgh, by an organisation or by `pa` (a PersonalAssistant).

    `verification` is None, "current", "expired" or "pending" (for the owner)."""
    slug = f"contract-{Listing.objects.count() + 1}-{title.lower().replace(' ', '-')[:40]}"
    supplier = pa.supplier if pa is not None else organisation_supplier(f"{title} Ltd", f"org-{slug}")
    base = east(km)
    listing = Listing(
        supplier=supplier,
        title=title,
        slug=slug,
        summary=fields.pop("summary", "Support at home."),
        status=status,
        area_kind=Listing.AreaKind.COUNCIL_AREAS if council_areas else Listing.AreaKind.RADIUS,
        latitude=base.latitude,
        longitude=base.longitude,
        radius_km=Decimal(str(radius_km)) if radius_km else None,
        base_label="Lothian",
        published_at=timezone.now(),
        last_confirmed_at=timezone.now() - timedelta(days=confirmed_days_ago),
        **fields,
    )
    listing.skip_history_when_saving = True  # history is not what these tests are about, and it is slow
    listing.save()
    listing.needs.set(Need.objects.filter(slug__in=needs, locale__language_code="en"))
    listing.service_types.set(ServiceType.objects.filter(slug__in=services, locale__language_code="en"))
    listing.funding_options.set(FundingOption.objects.filter(slug__in=funding, locale__language_code="en"))
    listing.languages.set(Language.objects.filter(slug__in=languages, locale__language_code="en"))
    for area in council_areas:
        listing.council_areas.add(council_area(area))
    if price is not None:
        RateCardItem.objects.create(listing=listing, description="Weekday hour", amount=Decimal(price))
    for day, band in slots:
        AvailabilitySlot.objects.create(listing=listing, day=day, band=band)
    if verification:
        today = timezone.localdate()
        Verification.objects.create(
            supplier=supplier,
            kind=Verification.Kind.INSURANCE,
            status=Verification.Status.PENDING if verification == "pending" else Verification.Status.VERIFIED,
            expires_on=today - timedelta(days=1) if verification == "expired" else today + timedelta(days=90),
        )
    del listing.skip_history_when_saving
    return listing


def make_pa(name, gender):
    return personal_assistant(name, gender=gender)


@pytest.fixture
def market(db):
    """Five listings serve central Edinburgh (A, B, C, E, I); four others never show there (D, F, G, H)."""
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()
    made = {}
    made["A"] = make_listing(
        "Dementia care in Leith",
        2,
        10,
        needs=["dementia", "personal-care"],
        services=["care-at-home"],
        funding=["option-1-direct-payment"],
        languages=["english", "polish"],
        slots=[(0, "morning"), (1, "evening")],
        short_notice_cover=True,
        price="18.00",
        verification="current",
    )
    made["B"] = make_listing(
        "Portobello helper",
        5,
        15,
        pa=make_pa("Morag", "Female"),
        summary="Experienced personal assistant.",
        needs=["personal-care"],
        services=["personal-assistant"],
        funding=["option-1-direct-payment", "self-funded"],
        languages=["english", "urdu"],
        slots=[(0, "evening"), (5, "morning")],
        price="16.50",
        verification="expired",
        confirmed_days_ago=190,  # past reconfirmation (183 days), still inside the grace period (30 more)
    )
    made["C"] = make_listing(
        "Musselburgh day centre",
        20,
        25,
        needs=["dementia"],
        services=["day-opportunities", "care-at-home"],
        funding=["option-3-council-arranged"],
        languages=["english"],
        slots=[(2, "afternoon")],
        accepting_new_clients=False,
        price="22.00",
        verification="pending",
    )
    made["D"] = make_listing("Too small to reach", 10, 5, needs=["dementia"], services=["care-at-home"], price="10.00")
    made["E"] = make_listing(
        "Citywide advocacy",
        80,
        council_areas=[CITY, "Midlothian"],
        needs=["autism"],
        services=["advocacy"],
        funding=["self-funded"],
        price="20.00",
        verification="current",
    )
    made["F"] = make_listing("Fife only", 30, council_areas=["Fife"], services=["advocacy"], price="12.00")
    made["G"] = make_listing("Draft nearby", 1, 10, services=["care-at-home"], status=Listing.Status.DRAFT)
    made["H"] = make_listing("Long unconfirmed", 1, 10, services=["care-at-home"], confirmed_days_ago=300)
    made["I"] = make_listing(
        "Gordon, support worker",
        8,
        20,
        pa=make_pa("Gordon", "male"),
        needs=["autism", "personal-care"],
        services=["personal-assistant"],
        languages=["english"],
        slots=[(0, "morning"), (0, "evening")],
        short_notice_cover=True,
        price="19.00",
    )
    return made


def ask(**criteria):
    return ListingQuery(place=criteria.pop("place", HERE), **criteria)


def letters(results, market):
    by_id = {listing.pk: letter for letter, listing in market.items()}
    return [by_id[hit.listing_id] for hit in results.hits]


def found(search, market, **criteria):
    """The letters of the listings found, in the backend's order (sorted by nearest unless `sort` is given)."""
    criteria.setdefault("sort", "nearest")
    results = search(ask(**criteria))
    assert results.total == len(results.hits)
    return letters(results, market)


# Coverage and visibility ------------------------------------------------------------------------------------------


def test_coverage_by_radius_and_by_council_area(backend, market):
    # D is 10 km away with a 5 km radius; E is 80 km away but covers the whole council area; C 20 km, radius 25 km.
    assert found(backend, market) == ["A", "B", "I", "C", "E"]
    elsewhere = Place("Edinburgh", EDINBURGH, council_area="Fife", council_code="S12000047")
    assert found(backend, market, place=elsewhere) == ["A", "B", "I", "C", "F"]
    assert found(backend, market, place=Place("Edinburgh", EDINBURGH)) == ["A", "B", "I", "C"]
    # Matched by code, not by name: a council renamed in the directory still covers its places.
    CouncilArea.objects.filter(gss_code="S12000036").update(name="Edinburgh, City of", slug="renamed")
    assert found(backend, market) == ["A", "B", "I", "C", "E"]
    named_only = Place("Edinburgh", EDINBURGH, council_area=CITY)
    assert found(backend, market, place=named_only) == ["A", "B", "I", "C"]


def test_the_edge_of_a_radius(backend, market):
    market["R"] = make_listing("Exactly reaching", 15, "15.2")
    market["S"] = make_listing("Just short", 15, "14.8")
    market["T"] = make_listing("Far north", 0, 30, summary="North.")
    Listing.objects.filter(pk=market["T"].pk).update(latitude=EDINBURGH.latitude + 29.9 / 111.2)
    assert found(backend, market, text="reaching short north") == ["R", "T"]  # S has a word, but does not reach
    assert "R" in found(backend, market) and "S" not in found(backend, market)
    assert found(backend, market, text="north") == ["T"]


def place_at(listing, km, bearing):
    """Move the listing's base `km` along the great circle from central Edinburgh (bearing 0 north, 90 east)."""
    latitude, longitude = destination(EDINBURGH.latitude, EDINBURGH.longitude, km, bearing)
    Listing.objects.filter(pk=listing.pk).update(latitude=latitude, longitude=longitude)


def test_a_metre_inside_or_outside_a_radius(backend, market):
    edge = []
    for name, km, radius, bearing in (
        ("Inside north", 14.999, 15, 0),
        ("Outside north", 15.001, 15, 0),
        ("Inside southwest", 199.999, 200, 225),
        ("Outside southwest", 200.001, 200, 225),
        ("Inside east", 0.499, "0.5", 100),
        ("Outside east", 0.501, "0.5", 100),
    ):
        market[name] = make_listing(name, 0, radius)
        place_at(market[name], km, bearing)
        edge.append(market[name].pk)
    assert found(backend, market, listing_ids=edge) == ["Inside east", "Inside north", "Inside southwest"]


def test_any_number_of_different_radii(backend, market):
    # Forty listings 20.5 km away, with radii of 1 to 40 km: those of 21 km and more serve the place.
    wide = []
    for radius in range(1, 41):
        listing = make_listing(f"Radius {radius}", 0, radius)
        place_at(listing, 20.5, radius * 9)
        wide.append(listing.pk)
    results = backend(ask(listing_ids=wide, sort="nearest", page_size=50))
    served = sorted(Listing.objects.get(pk=hit.listing_id).radius_km for hit in results.hits)
    assert served == list(range(21, 41))


def test_distances_are_to_each_listing_base(backend, market):
    results = backend(ask(sort="nearest"))
    assert [hit.distance_km for hit in results.hits] == pytest.approx([2, 5, 8, 20, 80], abs=0.2)


def test_hidden_stale_and_draft_listings_are_never_found(backend, market):
    assert found(backend, market, text="nearby") == []
    assert found(backend, market, text="unconfirmed") == []
    assert found(backend, market, text="small reach") == []


def test_the_searchers_own_distance_cap(backend, market):
    assert found(backend, market, within_km=10) == ["A", "B", "I"]
    assert found(backend, market, within_km=4.9) == ["A"]


def test_a_restriction_to_some_listings(backend, market):
    ids = (market["C"].pk, market["E"].pk, market["G"].pk)
    assert found(backend, market, listing_ids=ids) == ["C", "E"]


# Filters ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"needs": ("dementia",)}, ["A", "C"]),
        ({"needs": ("dementia", "personal-care")}, ["A"]),  # all of
        ({"service_types": ("care-at-home", "advocacy")}, ["A", "C", "E"]),  # any of
        ({"funding": ("self-funded",)}, ["B", "E"]),
        ({"languages": ("urdu", "polish")}, ["A", "B"]),
        ({"gender": "woman"}, ["B"]),
        ({"gender": "man"}, ["I"]),
        ({"days": (0,)}, ["A", "B", "I"]),
        ({"days": (2, 5)}, ["B", "C"]),
        ({"bands": ("evening",)}, ["A", "B", "I"]),
        ({"days": (0,), "bands": ("evening",)}, ["B", "I"]),  # A is there on Monday mornings and Tuesday evenings
        ({"short_notice": True}, ["A", "I"]),
        ({"max_price": Decimal("18.00")}, ["A", "B"]),
        ({"verified_only": True}, ["A", "E"]),  # B's check has expired, C's is still pending
        ({"accepting_only": True}, ["A", "B", "I", "E"]),
        ({"needs": ("personal-care",), "short_notice": True, "max_price": Decimal("18.99")}, ["A"]),
    ],
)
def test_filters(backend, market, criteria, expected):
    assert found(backend, market, **criteria) == expected


def test_totals_count_what_the_searches_find(backend, market):
    """The no-results page counts several changed searches at once (`totals`): each count is its search's total."""
    queries = [
        ask(),
        ask(text="dementia"),
        ask(needs=("dementia", "personal-care")),
        ask(days=(0,), bands=("evening",)),
        ask(text="zzzz"),
        ask(short_notice=True, max_price=Decimal("18.99")),
        ask(text="dementa", within_km=3),
    ]
    searched = [backend(query).total for query in queries]  # (the engine's index is built by its first search)
    counted = (database.totals if backend is database.search else engine_backend.totals)(queries)
    assert counted == searched == [5, 2, 1, 2, 0, 1, 1]


# Words ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("dementia", ["A", "C"]),  # A's title, C's needs
        ("DEMENTIA", ["A", "C"]),
        ("dementa", ["A", "C"]),  # a typo
        ("pa", ["B", "I"]),  # a synonym of "personal assistant"
        ("gordon", ["I"]),  # the owner's name
        ("dementia musselburgh", ["A", "C"]),  # any of the words (best match puts C, with both, first)
        ("zzzz", []),
    ],
)
def test_words(backend, market, words, expected):
    assert found(backend, market, text=words) == expected


def test_best_match_puts_listings_matching_more_words_first(backend, market):
    # C has both words (its title, its needs); A only "dementia", in its title, and is nearer, verified and fresh.
    assert found(backend, market, text="dementia musselburgh", sort="best") == ["C", "A"]
    # "speaking" is a little word. A speaks Polish and does care (typo-tolerant "care" in its title); I is a support
    # worker (a synonym of carer), C and B offer care at home or personal care; E matches neither word.
    assert found(backend, market, text="Polish speaking carer", sort="best") == ["A", "I", "C", "B"]
    assert found(backend, market, text="Polish speaking carer") == ["A", "B", "I", "C"]  # nearest: the same ones
    results = backend(ask(text="Polish speaking carer", sort="best"))
    assert [int(hit.score // text.MATCHED_WORD_WEIGHT) for hit in results.hits] == [2, 1, 1, 1]


def test_little_words_count_only_when_they_are_all_there_is(backend, market):
    market["N"] = make_listing("Near the sea", 3, 10, summary="A speaking club for everyone.")
    assert found(backend, market, text="dementia near me") == ["A", "C"]
    assert found(backend, market, text="polish speaking") == ["A"]
    assert found(backend, market, text="near the") == ["N"]
    assert found(backend, market, text="the the") == found(backend, market, text="the")


def test_a_phrase_must_have_its_words_in_order(backend, market):
    market["J"] = make_listing("Memory clinic", 3, 10, summary="Help after memory loss.")
    market["K"] = make_listing("Recall club", 3, 10, summary="Loss of memory is hard.")
    assert found(backend, market, text="memory loss") == ["A", "J", "C"]  # or dementia, its synonym


def test_words_in_a_translated_term_name(backend, market):
    dementia = Need.objects.get(slug="dementia", locale__language_code="en")
    urdu = Locale.objects.get_or_create(language_code="ur")[0]
    translated = dementia.copy_for_translation(urdu)
    translated.name = "ڈیمنشیا"
    translated.save()
    care_at_home = ServiceType.objects.get(slug="care-at-home", locale__language_code="en")
    gaelic = Locale.objects.get_or_create(language_code="gd")[0]
    translated = care_at_home.copy_for_translation(gaelic)
    translated.name = "Cùram aig an taigh"
    translated.save()
    assert found(backend, market, text="ڈیمنشیا") == ["A", "C"]
    assert found(backend, market, text="curam") == ["A", "C"]  # accents folded


def test_words_in_scripts_with_vowel_signs_and_in_chinese(backend, market):
    autism = Need.objects.get(slug="autism", locale__language_code="en")
    punjabi = Locale.objects.get_or_create(language_code="pa")[0]
    translated = autism.copy_for_translation(punjabi)
    translated.name = "ਔਟਿਜ਼ਮ"
    translated.save()
    dementia = Need.objects.get(slug="dementia", locale__language_code="en")
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    translated = dementia.copy_for_translation(chinese)
    translated.name = "失智症"
    translated.save()
    assert found(backend, market, text="ਔਟਿਜ਼ਮ") == ["I", "E"]
    assert found(backend, market, text="ਔਟ") == []  # the vowel signs belong to the word
    assert found(backend, market, text="失智") == ["A", "C"]


def test_apostrophes_and_full_stops_split_words(backend, market):
    market["P"] = make_listing("Support from Siobhan O'Brien", 3, 10, summary="Rates from £18.50 an hour.")
    assert found(backend, market, text="o'brien") == ["P"]
    assert found(backend, market, text="brien") == ["P"]
    assert found(backend, market, text="18.50") == ["P"]


# Facets -----------------------------------------------------------------------------------------------------------


def test_facet_counts_without_filters(backend, market):
    facets = backend(ask()).facets
    assert facets["needs"] == {"dementia": 2, "personal-care": 3, "autism": 2}
    assert facets["service_types"] == {
        "care-at-home": 2,
        "day-opportunities": 1,
        "personal-assistant": 2,
        "advocacy": 1,
    }
    assert facets["funding"] == {"option-1-direct-payment": 2, "self-funded": 2, "option-3-council-arranged": 1}
    assert facets["languages"] == {"english": 4, "polish": 1, "urdu": 1}
    assert facets["gender"] == {"woman": 1, "man": 1}
    assert facets["days"] == {"0": 3, "1": 1, "2": 1, "5": 1}
    assert facets["bands"] == {"morning": 3, "evening": 3, "afternoon": 1}
    assert facets["short_notice"] == {"true": 2}
    assert facets["verified"] == {"true": 2}
    assert facets["accepting"] == {"true": 4}


def test_each_facet_counts_what_the_other_filters_leave(backend, market):
    facets = backend(ask(languages=("polish",), bands=("evening",))).facets
    # Needs count the results themselves (choosing another need narrows them): only A.
    assert facets["needs"] == {"dementia": 1, "personal-care": 1}
    assert facets["needs"].get("autism", 0) == 0
    # Languages count what the other filters (evenings) leave: A, B and I.
    assert facets["languages"] == {"english": 3, "polish": 1, "urdu": 1}
    # Service types count Polish speakers free in the evening: A.
    assert facets["service_types"] == {"care-at-home": 1}
    # Days are counted for the chosen band (evening), bands with no day chosen; both among Polish speakers (A).
    assert facets["days"] == {"1": 1}
    assert facets["bands"] == {"morning": 1, "evening": 1}
    assert facets["short_notice"] == {"true": 1}
    assert facets["accepting"] == {"true": 1}
    assert facets["verified"] == {"true": 1}
    assert facets["gender"] == {}


def test_flag_facets_ignore_their_own_filter(backend, market):
    facets = backend(ask(verified_only=True)).facets
    assert facets["verified"] == {"true": 2}
    assert facets["short_notice"] == {"true": 1}  # A
    assert facets["days"] == {"0": 1, "1": 1}  # A (E has no availability)


def test_facets_count_only_listings_matching_the_words(backend, market):
    facets = backend(ask(text="dementia", days=(0,))).facets
    assert facets["days"] == {"0": 1, "1": 1, "2": 1}  # A and C, whatever the day
    assert facets["needs"] == {"dementia": 1, "personal-care": 1}  # A only: C is not free on Mondays


# Order and pages --------------------------------------------------------------------------------------------------


def test_sorted_by_price_then_distance(backend, market):
    assert found(backend, market, sort="price") == ["B", "A", "I", "E", "C"]
    make_listing("No hourly price", 3, 10, price=None)
    results = backend(ask(sort="price"))
    assert results.hits[-1].distance_km == pytest.approx(3, abs=0.05)  # listings without a price come last


def test_sorted_by_rating_falls_back_to_distance(backend, market):
    assert found(backend, market, sort="rating") == ["A", "B", "I", "C", "E"]


def test_best_match_blends_nearness_checks_and_freshness(backend, market):
    results = backend(ask(sort="best"))
    # A: 2·0.5^(2/10) + verified + fresh = 3.74; I: 1.15 + fresh; E: 0.01 + verified + fresh; C: 0.5 + fresh;
    # B: 1.41 (its check expired and its details need confirming).
    assert letters(results, market) == ["A", "I", "E", "C", "B"]
    assert [round(hit.score, 2) for hit in results.hits] == [3.74, 2.15, 2.01, 1.5, 1.41]


def test_best_match_puts_words_in_the_title_first(backend, market):
    results = backend(ask(sort="best", text="dementia"))
    assert letters(results, market) == ["A", "C"]
    # One word matched (MATCHED_WORD_WEIGHT), plus: title 3 + 3.74; needs 2 + 1.5
    word = text.MATCHED_WORD_WEIGHT
    assert [round(hit.score, 2) for hit in results.hits] == [word + 6.74, word + 3.5]
    typo = backend(ask(sort="best", text="dementa"))
    assert [round(hit.score, 2) for hit in typo.hits] == [word + 5.24, word + 2.5]  # typos count half


@pytest.mark.parametrize("sort", ["best", "nearest", "price", "rating"])
def test_pages_do_not_overlap_and_cover_all_results(backend, market, sort):
    everything = letters(backend(ask(sort=sort)), market)
    pages = [backend(ask(sort=sort, page=page, page_size=2)) for page in (1, 2, 3)]
    assert [page.total for page in pages] == [5, 5, 5]
    assert [letters(page, market) for page in pages] == [everything[0:2], everything[2:4], everything[4:]]


# Reviews and quality stamps --------------------------------------------------------------------------------------


@pytest.fixture
def reviewed(market):
    """A: 5, 5, 4 (shown 4.7), holding "reliable" and "communicates-well"; B: one 4 (4.0), one endorsement (not
    enough for a stamp); I: 3, 3, 3 (3.0) holding "reliable"; C: 5, 5, 5 over a year ago, so its "reliable" lapsed
    (its reviews still count for its rating); E: no reviews."""
    add_reviews(market["A"], (5, 5), endorse=("reliable", "communicates-well"))
    add_reviews(market["A"], (4,), endorse=("reliable", "communicates-well", "person-centred"))
    add_reviews(market["B"], (4,), endorse=("reliable",))
    add_reviews(market["I"], (3, 3, 3), endorse=("reliable",))
    add_reviews(market["C"], (5, 5, 5), endorse=("reliable",), at=timezone.now() - timedelta(days=400))
    return market


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"min_rating": 4}, ["A", "B", "C"]),  # B's average is exactly 4.0
        ({"min_rating": 3}, ["A", "B", "I", "C"]),  # E has no reviews
        ({"min_rating": 4.5}, ["A", "C"]),
        ({"stamps": ("reliable",)}, ["A", "I"]),  # C's lapsed; B has one endorsement of three needed
        ({"stamps": ("reliable", "communicates-well")}, ["A"]),  # all of
        ({"stamps": ("person-centred",)}, []),  # one endorsement
        ({"stamps": ("reliable",), "min_rating": 4}, ["A"]),
        ({"stamps": ("reliable",), "needs": ("autism",)}, ["I"]),
    ],
)
def test_rating_and_stamp_filters(backend, reviewed, criteria, expected):
    assert found(backend, reviewed, **criteria) == expected


def test_rating_and_stamp_facet_counts(backend, reviewed):
    facets = backend(ask()).facets
    assert facets["rating"] == {"4": 3, "3": 4, "2": 4}
    assert facets["stamps"] == {"reliable": 2, "communicates-well": 1}
    facets = backend(ask(min_rating=4, stamps=("reliable",))).facets
    # Stamps count the results themselves (all of): only A.
    assert facets["stamps"] == {"reliable": 1, "communicates-well": 1}
    # Each threshold counts what the other filters (the stamp) leave: A at 4.7 and I at 3.0.
    assert facets["rating"] == {"4": 1, "3": 2, "2": 2}
    # And the other facets count with both applied.
    assert facets["needs"] == {"dementia": 1, "personal-care": 1}
    assert facets["verified"] == {"true": 1}


def test_highest_rated_sorts_by_the_ranking_score_then_review_count_and_distance(backend, reviewed):
    # Scores (5 × 3.5 + sum) / (5 + count): C 4.06 (three fives), A 3.94, B 3.58 (one four), I 3.31; E has none.
    assert found(backend, reviewed, sort="rating") == ["C", "A", "B", "I", "E"]


def test_one_five_star_review_ranks_below_a_long_record_of_good_ones(backend, market):
    add_reviews(market["E"], (5,))  # shown 5.0, scores 3.75
    add_reviews(market["C"], (5,) * 9 + (4,) * 3)  # shown 4.8 (4.75), scores 4.38
    assert found(backend, market, sort="rating") == ["C", "E", "A", "B", "I"]
    assert found(backend, market, sort="rating", min_rating=4.8) == ["C", "E"]


def test_best_match_adds_the_ranking_score(backend, reviewed):
    results = backend(ask(sort="best"))
    # Each score of test_best_match_blends_nearness_checks_and_freshness, plus the ranking score / 5: A 3.74 + 0.79,
    # I 2.15 + 0.66, C 1.5 + 0.81, B 1.41 + 0.72; E 2.01 has no reviews.
    assert letters(results, reviewed) == ["A", "I", "C", "B", "E"]
    assert [round(hit.score, 2) for hit in results.hits] == [4.53, 2.81, 2.31, 2.13, 2.01]


# Fair prices ------------------------------------------------------------------------------------------------------


def test_fair_prices_need_five_local_rates_and_ignore_words_and_filters(backend, db):
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()
    for km, price in zip((1, 2, 3, 4, 5, 6), ("15.00", "16.00", "16.99", "17.01", "18.00", "30.00"), strict=True):
        make_listing(f"Care {km}", km, 10, services=["care-at-home"], price=price)
    for km, price in zip((1, 2, 3, 4), ("20.00", "21.00", "22.00", "23.00"), strict=True):
        make_listing(f"Advocate {km}", km, 10, services=["advocacy"], price=price)
    make_listing("Care with no hourly rate", 1, 10, services=["care-at-home"], price=None)
    make_listing("Care elsewhere", 30, 10, services=["care-at-home"], price="99.00")
    make_listing("Care unpublished", 1, 10, services=["care-at-home"], price="1.00", status=Listing.Status.DRAFT)
    results = backend(ask(text="nothing matches this", short_notice=True))
    assert results.total == 0
    assert set(results.fair_prices) == {"care-at-home"}  # advocacy has only four rates
    fair = results.fair_prices["care-at-home"]
    assert (fair.lower_quartile, fair.median, fair.upper_quartile, fair.count) == (
        Decimal("16.25"),
        Decimal("17.00"),
        Decimal("17.75"),
        6,
    )
    # The searcher's own distance limit narrows the results, not the local market the prices describe.
    assert backend(ask(within_km=4.5)).fair_prices == results.fair_prices


def test_fair_prices_count_each_provider_once_at_their_lowest_price(backend, db):
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()
    first = make_listing("Care 1", 1, 10, services=["care-at-home"], price="15.00")
    for km, price in zip((2, 3, 4), ("16.00", "17.00", "18.00"), strict=True):
        make_listing(f"Care {km}", km, 10, services=["care-at-home"], price=price)
    second = make_listing("Care 1 evenings", 1, 10, services=["care-at-home"], price="30.00")
    second.supplier = first.supplier
    second.save()
    assert backend(ask()).fair_prices == {}  # five listings, but only four providers
    make_listing("Care 5", 5, 10, services=["care-at-home"], price="19.00")
    fair = backend(ask()).fair_prices["care-at-home"]
    assert (fair.lower_quartile, fair.median, fair.upper_quartile, fair.count) == (
        Decimal("16.00"),
        Decimal("17.00"),
        Decimal("18.00"),
        5,
    )


def test_fair_prices_agree_to_the_penny_across_service_types(backend, db):
    """Quartiles that fall between pennies (both backends round them the same way), one owner with two listings
    (their lower price counts, once, for each type) and listings offering two types."""
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()
    prices = ("14.37", "15.10", "15.55", "16.99", "17.01", "18.26", "19.49", "21.03")
    for number, price in enumerate(prices, start=1):
        services = ["care-at-home", "advocacy"] if number % 3 else ["care-at-home"]
        make_listing(f"Care {number}", number % 5, 10, services=services, price=price)
    second = make_listing("Care 1 weekends", 1, 10, services=["care-at-home", "advocacy"], price="13.02")
    second.supplier = Listing.objects.get(title="Care 1").supplier
    second.save()
    fair = backend(ask()).fair_prices
    assert set(fair) == {"care-at-home", "advocacy"}
    care, advocacy = fair["care-at-home"], fair["advocacy"]
    assert (care.lower_quartile, care.median, care.upper_quartile, care.count) == (
        Decimal("15.44"),  # 15.4375
        Decimal("17.00"),
        Decimal("18.57"),  # 18.5675
        8,
    )
    assert (advocacy.lower_quartile, advocacy.median, advocacy.upper_quartile, advocacy.count) == (
        Decimal("15.57"),  # 15.5725
        Decimal("17.00"),
        Decimal("18.87"),
        6,
    )


# The engine in particular -----------------------------------------------------------------------------------------


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_engine_falls_back_to_the_database(search_engine, settings, market, caplog):
    settings.LISTING_SEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    with caplog.at_level(logging.WARNING, logger="search.engine"):
        results = engine.search(ask(sort="nearest"))
    assert results.fell_back is True
    assert results.backend == "database"
    assert letters(results, market) == ["A", "B", "I", "C", "E"]
    assert "unavailable" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="search.engine"):
        assert engine.totals([ask(), ask(text="dementia")]) == [5, 2]
    assert "unavailable" in caplog.text


def test_a_slow_engine_falls_back_to_the_database(search_engine, settings, market, caplog):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    accepted = []
    stop = threading.Event()

    def hold():
        silent.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(silent.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    try:
        settings.LISTING_SEARCH_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"
        settings.LISTING_SEARCH_TIMEOUT_SECONDS = 0.3
        with pytest.raises(SearchUnavailable):
            engine_backend.search(ask())
        with caplog.at_level(logging.WARNING, logger="search.engine"):
            results = engine.search(ask(sort="nearest"))
        assert results.fell_back is True
        assert letters(results, market) == ["A", "B", "I", "C", "E"]
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        silent.close()


def test_a_missing_index_falls_back_too(search_engine, market):
    results = engine.search(ask(sort="nearest"))
    assert results.fell_back is True
    assert letters(results, market) == ["A", "B", "I", "C", "E"]


def test_rebuild_swaps_the_alias_and_removes_the_old_index(search_engine, settings, market):
    es = index.client()
    progress = []
    assert index.rebuild(progress=lambda done, total: progress.append((done, total))) == 8  # all published
    first = set(es.indices_behind(settings.LISTING_SEARCH_INDEX))
    assert progress[0] == (0, 8) and progress[-1] == (8, 8)
    Listing.objects.filter(pk=market["C"].pk).update(status=Listing.Status.SUSPENDED)
    index.rebuild()
    second = set(es.indices_behind(settings.LISTING_SEARCH_INDEX))
    assert len(first) == len(second) == 1 and first != second
    assert not es.index_exists(first.pop())
    results = engine.search(ask(sort="nearest"))
    assert results.fell_back is False and results.backend == "elasticsearch"
    assert letters(results, market) == ["A", "B", "I", "E"]


def test_the_rebuild_command_reports_its_count(search_engine, market, capsys):
    from django.core.management import call_command

    call_command("rebuild_listing_index")
    captured = capsys.readouterr()
    assert "Indexed 8 listings" in captured.out  # published, whether or not stale
    assert "8/8" in captured.err


def test_saving_a_listing_reindexes_it(search_engine, market, django_capture_on_commit_callbacks):
    index.rebuild()

    def engine_finds(**criteria):
        index.client().refresh(index.alias_name())
        return found(engine_backend.search, market, **criteria)

    listing = market["C"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        listing.title = "Musselburgh lunch club"
        listing.save()
    assert callbacks
    assert engine_finds(text="lunch") == ["C"]
    with django_capture_on_commit_callbacks(execute=True):
        RateCardItem.objects.create(listing=listing, description="Cheap hour", amount=Decimal("9.00"))
    assert engine_finds(max_price=Decimal("9.50")) == ["C"]
    with django_capture_on_commit_callbacks(execute=True):
        listing.needs.add(Need.objects.get(slug="autism", locale__language_code="en"))
    assert engine_finds(needs=("autism",)) == ["I", "C", "E"]
    with django_capture_on_commit_callbacks(execute=True):
        Verification.objects.create(
            supplier=listing.supplier, kind=Verification.Kind.REGISTRATION, status=Verification.Status.VERIFIED
        )
    assert engine_finds(verified_only=True) == ["A", "C", "E"]
    with django_capture_on_commit_callbacks(execute=True):
        listing.status = Listing.Status.ARCHIVED
        listing.save()
    assert engine_finds(text="lunch") == []


def test_nothing_is_queued_when_listings_are_searched_in_the_database(
    settings, market, django_capture_on_commit_callbacks
):
    settings.LISTING_SEARCH_BACKEND = "database"
    with django_capture_on_commit_callbacks() as callbacks:
        market["A"].save()
        market["A"].needs.clear()
    # Only other processes' kept documents are told, after the commit (search.document_cache): no reindex is queued.
    assert reindexes(callbacks) == []
    settings.LISTING_SEARCH_BACKEND = "elasticsearch"
    with django_capture_on_commit_callbacks() as callbacks:
        market["A"].save()
    assert len(reindexes(callbacks)) == 1


def reindexes(callbacks):
    return [callback for callback in callbacks if getattr(callback, "func", None) == reindex_listings.enqueue]
