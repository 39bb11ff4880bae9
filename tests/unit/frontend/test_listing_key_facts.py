"""A listing's key facts (price, area, rating, stamps, checks) and how to get in touch come straight after its title
and summary, so on a phone they are near the top rather than after every detail."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from providers.models import RateCardItem
from providers.seed import seed_default_taxonomies
from tests.review_data import add_reviews
from tests.unit.providers.test_listing_page import build_listing

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(site_tree):
    seed_default_taxonomies()
    return build_listing(count=2)


def page(client, listing, prefix=""):
    response = client.get(f"{prefix}/support/{listing.slug}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def source_order(soup, *ids):
    elements = list(soup.find("main").find_all(True))
    return [elements.index(soup.find(id=element_id)) for element_id in ids]


def test_key_facts_and_contact_come_before_the_details(client, listing):
    soup = page(client, listing)
    positions = source_order(soup, "listing-title", "key-facts", "contact", "owner", "rate-card", "reviews")
    assert positions == sorted(positions)


def test_key_facts_show_the_lowest_hourly_price_area_rating_stamps_and_checks(client, listing):
    RateCardItem.objects.create(
        listing=listing, description="Sleepover", amount=Decimal("9.00"), unit=RateCardItem.Unit.SLEEPOVER
    )
    add_reviews(listing, (5, 4, 4), endorse=("reliable",))
    facts = page(client, listing).find(id="key-facts")
    assert facts.find(id="key-facts-price").get_text(strip=True) == "From £12.50 per hour"
    assert facts.find(id="key-facts-price").find("a")["href"] == "#rate-card"
    assert facts.find(id="key-facts-area").get_text(strip=True) == "Within 15 km of Leith, Edinburgh"
    rating = facts.find(id="key-facts-rating").find("a")
    assert (rating.get_text(strip=True), rating["href"]) == ("4.3 out of 5 from 3 reviews", "#reviews")
    assert facts.find("a", href="#quality-stamps").get_text(strip=True) == "1 stamp"
    assert facts.find("a", href="#checks").get_text(strip=True) == "2 checks verified"


def test_without_hourly_rates_the_cheapest_price_of_any_kind_is_shown(client, listing):
    listing.rates.all().delete()
    RateCardItem.objects.create(listing=listing, description="Day out", amount=Decimal("80"), unit="day")
    RateCardItem.objects.create(listing=listing, description="Visit", amount=Decimal("25"), unit="visit")
    facts = page(client, listing).find(id="key-facts")
    assert facts.find(id="key-facts-price").get_text(strip=True) == "From £25.00 per visit"


def test_a_new_listing_says_what_it_does_not_have_yet(client, listing):
    listing.rates.all().delete()
    listing.supplier.verifications.all().delete()
    facts = page(client, listing).find(id="key-facts")
    text = facts.get_text(" ", strip=True)
    assert "No prices have been given. Ask the provider." in text
    assert "No reviews yet" in text
    assert "No checks have been verified yet." in text
    assert facts.find("a", href="#quality-stamps") is None


def test_key_facts_are_translated(client, listing):
    facts = page(client, listing, "/ur").find(id="key-facts")
    assert facts.find("h2").get_text(strip=True) == "اہم معلومات"
    assert "سے شروع" in facts.find(id="key-facts-price").get_text()
