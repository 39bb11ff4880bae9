"""The find-support page: what a searcher sees for a place, their choices, and bad input (database backend)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from providers.models import Listing, PersonalAssistant
from search import document_cache
from search.models import SearchLog
from search.query import KM_PER_MILE
from tests.factories import UserFactory, personal_assistant
from tests.review_data import add_reviews
from tests.search_data import published_listing

pytestmark = pytest.mark.django_db

URL = "/find-support/"


def titles(response):
    return re.findall(r'<h3 class="govuk-heading-m app-result__title"><a [^>]*>([^<]+)</a>', response.content.decode())


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_landing_page_asks_where_without_errors(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Postcode or place" in text_of(response)
    assert "There is a problem" not in text_of(response)


def test_a_postcode_finds_the_listings_that_cover_it_with_their_distance(client):
    published_listing("Leith helpers", km=2, radius_km=5)
    published_listing("Too far to cover", km=10, radius_km=5)
    response = client.get(URL, {"where": "eh6 5aa"})
    assert response.status_code == 200
    assert titles(response) == ["Leith helpers"]
    page = text_of(response)
    assert "1 result for support that covers EH6 5AA" in page
    assert "1.2 miles away" in page
    assert "2.0 km away" in text_of(client.get(URL, {"where": "EH6 5AA", "units": "km"}))


def test_two_needs_mean_both_and_a_language_filter_with_counts_and_removable_choices(client):
    published_listing("Both needs, Polish", needs=["dementia", "personal-care"], languages=["polish"])
    published_listing("Both needs, Urdu", needs=["dementia", "personal-care"], languages=["urdu"])
    published_listing("Only dementia", needs=["dementia"], languages=["polish"])
    response = client.get(URL, {"where": "EH6 5AA", "need": ["dementia", "personal-care"], "language": "polish"})
    assert titles(response) == ["Both needs, Polish"]
    page = response.content.decode()
    # Counts say how many results each choice would give: Urdu instead of (or as well as) Polish gives one more.
    assert re.search(r'for="filter-language-urdu">Urdu <span class="app-filters__count">\(1<', page)
    assert re.search(r'for="filter-need-dementia">Dementia <span class="app-filters__count">\(1<', page)
    assert re.search(r'for="filter-need-autism">Autism <span class="app-filters__count">\(0<', page)
    remove_polish = re.search(
        r'<a class="app-active-filters__tag" href="([^"]+)"><span[^>]*>Remove </span>Polish', page
    )
    widened = client.get(remove_polish.group(1).replace("&amp;", "&"))
    assert sorted(titles(widened)) == ["Both needs, Polish", "Both needs, Urdu"]


def test_sorts_by_price_and_by_distance(client):
    published_listing("Dear and near", km=1, price="30.00")
    published_listing("Cheap and far", km=6, price="15.00")
    published_listing("No hourly price", km=3, price=None)
    assert titles(client.get(URL, {"where": "EH6 5AA", "sort": "price"})) == [
        "Cheap and far",
        "Dear and near",
        "No hourly price",
    ]
    assert titles(client.get(URL, {"where": "EH6 5AA", "sort": "nearest"})) == [
        "Dear and near",
        "No hourly price",
        "Cheap and far",
    ]


def test_pages_do_not_overlap_and_a_missing_page_is_a_404_with_a_way_back(client):
    for number in range(25):
        published_listing(f"Listing {number:02}", km=0.1 + number * 0.1)
    first = titles(client.get(URL, {"where": "EH6 5AA", "sort": "nearest"}))
    second = titles(client.get(URL, {"where": "EH6 5AA", "sort": "nearest", "page": 2}))
    assert len(first) == 20 and len(second) == 5
    assert not set(first) & set(second)
    missing = client.get(URL, {"where": "EH6 5AA", "page": 3})
    assert missing.status_code == 404
    assert "Go to the last page" in text_of(missing)


def test_an_ambiguous_place_offers_a_choice_that_then_resolves(client):
    response = client.get(URL, {"where": "Newport"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Which “Newport” did you mean?" in text_of(response)
    choice = re.search(r'<a class="govuk-link" href="([^"]+)">Newport, Pembrokeshire</a>', page)
    chosen = client.get(choice.group(1).replace("&amp;", "&"))
    assert chosen.status_code == 200
    assert "covers Newport" in text_of(chosen)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"where": "ZZ99 9ZZ"}, "Enter a real postcode"),
        ({"where": "BT1 1AA"}, "We do not cover Northern Ireland yet. Enter a postcode or place in England"),
        ({"where": "bt7"}, "We do not cover Northern Ireland yet"),
        ({"where": "JE2 3AB"}, "This postcode is outside Great Britain, which is all we cover"),
        ({"where": "Nowhereville-upon-Nothing"}, "We could not find a place called"),
        ({"where": "   "}, "Enter a postcode or the name of a town or village"),
        ({"where": "EH6", "max_price": "-5"}, "Enter a price per hour of at least £1"),
        ({"where": "EH6", "max_price": "lots"}, "Enter a price per hour in pounds"),
        ({"where": "EH6", "within": "99999"}, "Enter a distance of 200 or less"),
        ({"where": "EH6", "page": "two"}, "The page number must be a whole number"),
        ({"where": "EH6", "need": "flying"}, "Choose only from the options shown"),
        ({"where": "EH6", "sort": "random"}, "Choose how to sort from the list"),
        ({"where": "EH6", "rating": "6"}, "Choose a rating from the list"),
        ({"where": "EH6", "rating": "4.0"}, "Choose a rating from the list"),
        ({"where": "EH6", "stamp": "lovely"}, "Choose quality stamps from the list"),
        ({"where": "EH6", "stamp": ["reliable", "<b>"]}, "Choose quality stamps from the list"),
        ({"where": "", "near": "abc"}, "We could not use your location"),
        ({"where": "", "near": "91,500"}, "We could not use your location"),
    ],
)
def test_bad_input_gets_a_clear_message_and_a_400(client, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in text_of(response)
    assert "There is a problem" in text_of(response)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("cy", "Nid ydym yn cwmpasu Gogledd Iwerddon eto"),
        ("gd", "Chan eil sinn ag obair ann an Èirinn a Tuath fhathast"),
        ("pl", "Nie obejmujemy jeszcze Irlandii Północnej"),
        ("ur", "ہم ابھی شمالی آئرلینڈ کا احاطہ نہیں کرتے"),
        ("ar", "لا نغطي أيرلندا الشمالية بعد"),
    ],
)
def test_a_northern_ireland_postcode_is_told_it_is_not_covered_yet_in_each_language(client, language, message):
    response = client.get(f"/{language}{URL}", {"where": "BT9 5AB"})
    assert response.status_code == 400
    assert message in text_of(response)


def test_html_and_sql_in_the_words_are_harmless(client):
    published_listing("Safe listing")
    response = client.get(URL, {"where": "EH6 5AA", "q": "<script>alert(1)</script>' OR 1=1 --"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert titles(response) == []


def test_no_results_says_why_and_suggests_wider_searches_with_counts(client):
    published_listing("Dementia support", needs=["dementia"], languages=["urdu"])
    response = client.get(URL, {"where": "EH6 5AA", "need": "dementia", "language": "polish"})
    page = text_of(response)
    assert "1 listing covers EH6 5AA, but it does not match all your choices." in page
    assert "Remove your choices under “Languages” (1 result)" in page
    assert "Remove “Dementia”" not in page  # it would still give nothing
    nobody = text_of(client.get(URL, {"where": "KW1 4YT"}))
    assert "Nobody in our directory says they cover KW1 4YT yet." in nobody
    assert "Save this search" in nobody


def test_words_rank_listings_that_match_more_of_them_first_and_say_so(client):
    published_listing("Carer in Leith", km=3, languages=["polish"])
    published_listing("Carer nearby", km=1, languages=["english"])
    published_listing("Polish-speaking gardener", km=2, languages=["polish"], summary="Gardens kept tidy.")
    published_listing("Gardening club", km=0.5, summary="Gardens kept tidy.")
    response = client.get(URL, {"where": "EH6 5AA", "q": "Polish speaking carer"})
    assert titles(response) == ["Carer in Leith", "Carer nearby", "Polish-speaking gardener"]
    assert "Best match: listings that match more of your words come first." in text_of(response)
    nothing = text_of(client.get(URL, {"where": "EH6 5AA", "q": "zzzz qqqq"}))
    assert "4 listings cover EH6 5AA, but none matches all your choices." in nothing
    assert "Search without the words (4 results)" in nothing


def test_nearest_reads_in_order_with_approximate_distances_for_personal_assistants(client):
    pa = personal_assistant("Ailsa", user=UserFactory(), employment=PersonalAssistant.Employment.SELF_EMPLOYED)
    for title, miles, owner in (
        ("PA nearly two miles", 1.86, pa),
        ("Agency at 1.9 miles", 1.94, None),
        ("Agency at 2.1 miles", 2.1, None),
        ("PA a little further", 2.4, pa),
    ):
        listing = published_listing(title, km=miles * KM_PER_MILE)
        if owner:
            Listing.objects.filter(pk=listing.pk).update(supplier=owner.supplier)
    response = client.get(URL, {"where": "EH6 5AA", "sort": "nearest"})
    shown = re.findall(r"(?:About )?[\d.]+ miles away", text_of(response))
    assert shown == ["About 1.9 miles away", "1.9 miles away", "2.1 miles away", "About 2.4 miles away"]
    assert "Nearest: by the distance shown. A personal assistant’s distance is to the middle of the area" in (
        text_of(response)
    )


def test_highest_rated_says_how_it_orders_and_links_to_how_ratings_work(client):
    published_listing("Reviewed", km=1)
    response = client.get(URL, {"where": "EH6 5AA", "sort": "rating"})
    explanation = re.search(r'<p class="govuk-body-s" id="sort-explanation">(.+?)</p>', response.content.decode())
    assert "counts how many reviews a listing has as well as their average" in explanation.group(1)
    link = re.search(r'<a class="govuk-link" href="([^"]+)">How ratings work</a>', explanation.group(1))
    assert link.group(1) == "/reviews/quality-stamps/#ratings"
    stamps = client.get(link.group(1)).content.decode()
    assert '<section id="ratings" aria-labelledby="ratings-heading">' in stamps
    assert "one or two excellent reviews do not outrank a long record of good ones" in stamps
    assert "by the lowest hourly price" in text_of(client.get(URL, {"where": "EH6 5AA", "sort": "price"}))


def test_hidden_and_unpublished_listings_never_appear(client):
    published_listing("Current")
    published_listing("Draft", status=Listing.Status.DRAFT)
    published_listing("Long unconfirmed", confirmed=timezone.now() - timedelta(days=400))
    assert titles(client.get(URL, {"where": "EH6 5AA"})) == ["Current"]


def test_local_prices_need_five_rates_and_compare_each_result(client):
    for number, price in enumerate(["14.00", "16.00", "18.00", "20.00"]):
        published_listing(f"PA {number}", price=price)
    assert "Hourly prices around EH6 5AA" not in text_of(client.get(URL, {"where": "EH6 5AA"}))
    published_listing("Expensive PA", price="40.00")
    page = text_of(client.get(URL, {"where": "EH6 5AA"}))
    assert "Hourly prices around EH6 5AA" in page
    assert "£16.00 – £20.00" in page and "£18.00" in page
    assert "Above most local prices for Personal assistant (£16.00 to £20.00)" in page
    assert "Below most local prices for Personal assistant" in page


def test_each_first_page_search_is_logged_without_the_full_postcode(client):
    published_listing("Logged")
    client.get(URL, {"where": "EH6 5AA", "need": "dementia"})
    client.get(URL, {"where": "EH6 5AA", "need": "dementia", "page": 2})
    log = SearchLog.objects.get()
    assert log.outward_code == "EH6"
    assert log.result_count == 0
    assert "EH6 5AA" not in str(log.__dict__)


def test_the_results_page_makes_a_bounded_number_of_queries(client):
    published_listing("First", needs=["dementia"], languages=["polish"], verified=True)
    client.get(URL, {"where": "EH6 5AA"})  # warm caches (locales, site)

    def queries(kept_documents):
        if not kept_documents:
            document_cache.forget()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, {"where": "EH6 5AA", "need": "dementia"})
        assert response.status_code == 200
        return len(captured)

    few = queries(kept_documents=False)
    for number in range(15):
        published_listing(
            f"More {number}", needs=["dementia"], languages=["polish", "urdu"], verified=True, slots=[(0, "morning")]
        )
    assert queries(kept_documents=False) == few
    # Once built, the listings' documents are kept: a second search reads no listing details at all.
    assert queries(kept_documents=True) < few - 5


def test_reviews_and_stamps_add_a_fixed_number_of_queries_to_the_results_page(client):
    first = published_listing("First", needs=["dementia"])
    add_reviews(first, (5, 4, 4), endorse=("reliable",))
    client.get(URL, {"where": "EH6 5AA"})  # warm caches (locales, site)

    def queries():
        document_cache.forget()  # the same start each time: every listing's document built afresh
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL, {"where": "EH6 5AA", "need": "dementia", "sort": "rating"})
        assert response.status_code == 200
        assert "endorsed by 3 reviewers" in text_of(response)
        return len(captured)

    few = queries()
    for number in range(12):
        listing = published_listing(f"More {number}", needs=["dementia"])
        add_reviews(listing, (5, 4, 3), endorse=("reliable", "communicates-well"))
    assert queries() == few


def test_the_listing_page_compares_its_price_with_the_place_searched(client):
    listings = [
        published_listing(f"PA {price}", price=price) for price in ("14.00", "16.00", "18.00", "20.00", "22.00")
    ]
    results = client.get(URL, {"where": "EH6 5AA"}).content.decode()
    link = re.search(rf'href="(/support/{listings[-1].slug}/\?[^"]+)"', results).group(1).replace("&amp;", "&")
    assert "where=EH6" in link
    page = text_of(client.get(link))
    assert "How this compares around EH6 5AA" in page
    assert "the middle half are £16.00 to £20.00, the median is £18.00" in page
    assert "Above most local prices for Personal assistant" in page


@pytest.fixture(params=["database", "elasticsearch"])
def page_backend(request, settings):
    """The results page on each backend; `ready()` indexes the data when the engine answers."""
    if request.param == "database":
        settings.LISTING_SEARCH_BACKEND = "database"
        return lambda: None
    request.getfixturevalue("search_engine")
    from search import index

    return index.rebuild


def test_the_page_shows_the_same_results_on_either_backend(client, page_backend):
    published_listing("Dementia, Polish, dear", km=1, needs=["dementia"], languages=["polish"], price="25.00")
    published_listing("Dementia, Polish, cheap", km=4, needs=["dementia"], languages=["polish"], price="15.00")
    published_listing("Dementia, Urdu", km=2, needs=["dementia"], languages=["urdu"], price="20.00")
    published_listing("Out of reach", km=30, radius_km=5, needs=["dementia"], languages=["polish"])
    page_backend()
    response = client.get(URL, {"where": "EH6 5AA", "need": "dementia", "language": "polish", "sort": "price"})
    assert titles(response) == ["Dementia, Polish, cheap", "Dementia, Polish, dear"]
    urdu_count = r'for="filter-language-urdu">Urdu <span class="app-filters__count">\(1<'
    assert re.search(urdu_count, response.content.decode())
    assert "simpler mode" not in text_of(response)
    typo = client.get(URL, {"where": "EH6 5AA", "q": "dementa polsh"})
    # Both words first (nearer first among them), then the one that matches a single word.
    assert titles(typo) == ["Dementia, Polish, dear", "Dementia, Polish, cheap", "Dementia, Urdu"]


def test_the_page_says_so_when_the_engine_is_down_and_still_answers(client, search_engine, settings):
    published_listing("Still found")
    settings.LISTING_SEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    response = client.get(URL, {"where": "EH6 5AA"})
    assert response.status_code == 200
    assert titles(response) == ["Still found"]
    assert "Search is running in a simpler mode just now" in text_of(response)


def test_unknown_parameters_alone_show_the_start_page_and_repeated_single_ones_count_once(client):
    assert client.get(URL, {"utm_source": "leaflet"}).status_code == 200
    published_listing("Any")
    response = client.get(URL + "?where=EH6+5AA&gender=woman&gender=man&sort=nearest&sort=price")
    page = response.content.decode()
    assert page.count('<span class="govuk-visually-hidden">Remove </span>') == 1
    assert page.count('name="gender" type="radio" value="man" checked') == 1
    assert 'name="gender" type="radio" value="woman" checked' not in page


def test_switching_units_keeps_the_same_results(client):
    published_listing("Near", km=2)
    published_listing("Further", km=6)
    miles = client.get(URL, {"where": "EH6 5AA", "within": "5"})
    assert sorted(titles(miles)) == ["Further", "Near"]
    switch = re.search(r'<a class="govuk-link" href="([^"]+)">Show distances in kilometres', miles.content.decode())
    kilometres = client.get(switch.group(1).replace("&amp;", "&"))
    assert "within=8" in switch.group(1) and "units=km" in switch.group(1)
    assert sorted(titles(kilometres)) == ["Further", "Near"]


def test_a_bad_filter_keeps_the_other_choices_and_links_the_message_to_its_field(client):
    published_listing("Dementia care", needs=["dementia"])
    published_listing("Autism care", needs=["autism"])
    response = client.get(URL, {"where": "EH6 5AA", "need": "dementia", "max_price": "lots"})
    assert response.status_code == 400
    page = response.content.decode()
    assert '<a href="#id_max_price">Enter a price per hour in pounds, like 18 or 18.50</a>' in page
    assert 'id="id_max_price"' in page and 'value="lots"' in page
    assert titles(response) == ["Dementia care"]
    assert not SearchLog.objects.exists()  # a refused query is not demand


def card_of(response, title):
    page = response.content.decode()
    start = page.index(f">{title}</a></h3>")
    return page[start : page.index("</li>\n", page.index("app-result__facts", start))]


def test_a_card_shows_the_average_rating_and_each_stamp_held_with_a_link_to_its_criteria(client):
    listing = published_listing("Well reviewed", km=2)
    add_reviews(listing, (5, 5, 4), endorse=("reliable", "communicates-well"))
    add_reviews(listing, (5,), endorse=("reliable",))
    published_listing("Not reviewed yet", km=1)
    response = client.get(URL, {"where": "EH6 5AA", "sort": "nearest"})
    assert titles(response) == ["Not reviewed yet", "Well reviewed"]
    card = card_of(response, "Well reviewed")
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card))
    assert "4.8 out of 5 from 4 reviews" in words
    assert '<span class="app-stars" aria-hidden="true">★★★★★</span>' in card
    assert re.search(
        r'<a class="govuk-link app-stamp__name" href="/reviews/quality-stamps/#stamp-reliable" dir="auto">Reliable<',
        card,
    )
    assert "endorsed by 4 reviewers" in words and "endorsed by 3 reviewers" in words
    assert re.search(r'<img class="app-stamp__icon" src="/static/images/stamps/\w+\.svg" alt="[^"]+"', card)
    assert "No reviews yet" in card_of(response, "Not reviewed yet")
    assert "app-stamp" not in card_of(response, "Not reviewed yet")


def test_filtering_by_rating_and_stamp_with_counts_removable_choices_and_the_highest_rated_sort(client):
    strong = published_listing("Strong record", km=3)
    add_reviews(strong, (5,) * 9 + (4,) * 3, endorse=("reliable",))  # 4.75, shown 4.8
    single = published_listing("One five-star review", km=1)
    add_reviews(single, (5,), endorse=("reliable",))
    exactly_four = published_listing("Exactly four", km=2)
    add_reviews(exactly_four, (5, 3), endorse=("reliable", "communicates-well"))
    add_reviews(exactly_four, (4,), endorse=("reliable", "communicates-well"))
    published_listing("No reviews", km=0.5)

    everyone = client.get(URL, {"where": "EH6 5AA"})
    assert re.search(r'<a class="govuk-link" href="[^"]*sort=rating[^"]*">Highest rated</a>', everyone.content.decode())
    rated = client.get(URL, {"where": "EH6 5AA", "sort": "rating"})
    # Ranking scores: 4.38 (twelve reviews), 3.75 (one five), 3.69 (three averaging 4); none last.
    assert titles(rated) == ["Strong record", "One five-star review", "Exactly four", "No reviews"]

    response = client.get(URL, {"where": "EH6 5AA", "rating": "4", "stamp": "reliable", "sort": "nearest"})
    assert response.status_code == 200
    assert titles(response) == ["Exactly four", "Strong record"]
    page = response.content.decode()
    # Thresholds count with the stamp applied; stamps count the results (all of).
    assert re.search(r'for="filter-rating-3">3 stars and above <span class="app-filters__count">\(2<', page)
    assert re.search(
        r'for="filter-stamp-communicates-well">Communicates well <span class="app-filters__count">\(1<', page
    )
    assert 'name="rating" type="radio" value="4" checked' in page
    remove_rating = re.search(
        r'<a class="app-active-filters__tag" href="([^"]+)"><span[^>]*>Remove </span>4 stars and above', page
    )
    # One endorsement is not a stamp, so the single review stays out without the rating limit too.
    assert titles(client.get(remove_rating.group(1).replace("&amp;", "&"))) == ["Exactly four", "Strong record"]
    remove_stamp = re.search(
        r'<a class="app-active-filters__tag" href="([^"]+)"><span[^>]*>Remove </span>Reliable', page
    )
    widened = client.get(remove_stamp.group(1).replace("&amp;", "&"))
    assert titles(widened) == ["One five-star review", "Exactly four", "Strong record"]


def test_no_results_offers_to_drop_the_rating_limit_or_a_stamp(client):
    listing = published_listing("Three stars", km=1)
    add_reviews(listing, (3, 3, 3), endorse=("reliable",))
    page = text_of(client.get(URL, {"where": "EH6 5AA", "rating": "4", "stamp": ["reliable", "good-with-dementia"]}))
    assert "1 listing covers EH6 5AA, but it does not match all your choices." in page
    assert "Remove the rating limit" not in page  # still no stamp for dementia
    page = text_of(client.get(URL, {"where": "EH6 5AA", "rating": "4", "stamp": "reliable"}))
    assert "Remove the rating limit (1 result)" in page
    page = text_of(client.get(URL, {"where": "EH6 5AA", "stamp": ["reliable", "good-with-dementia"]}))
    assert "Remove “Good with dementia” (1 result)" in page
