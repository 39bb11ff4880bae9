"""Averages people read, and the ranking score search sorts by."""

import pytest
from django.urls import reverse

from reviews.aggregates import PRIOR_MEAN, bayesian_score, rating_summaries, rating_summary
from reviews.models import ProviderReply, Review
from tests.review_data import add_review

pytestmark = pytest.mark.django_db


def test_one_five_star_review_ranks_below_forty_reviews_averaging_four_point_seven():
    assert bayesian_score(1, 5.0) < bayesian_score(40, 4.7)
    assert bayesian_score(1, 5.0) == pytest.approx(3.75)
    assert bayesian_score(40, 4.7) == pytest.approx((5 * PRIOR_MEAN + 40 * 4.7) / 45)
    assert bayesian_score(0, 0) is None


def test_many_reviews_pull_the_score_towards_their_average():
    assert bayesian_score(1000, 4.9) == pytest.approx(4.9, abs=0.01)
    assert bayesian_score(2, 1.0) > 1.0  # a couple of bad reviews do not sink a listing to the bottom at once


def test_summary_counts_only_published_reviews_and_averages_each_criterion(listing, other_listing):
    add_review(listing, 5, reliability=5, respect=4)
    add_review(listing, 4, reliability=3)
    add_review(listing, 1, status=Review.Status.HELD)
    add_review(other_listing, 2)

    summary = rating_summary(listing)

    assert (summary.count, summary.average) == (2, 4.5)
    assert summary.criteria == {"reliability": 4.0, "respect": 4.0}
    assert summary.score == pytest.approx(bayesian_score(2, 4.5))
    assert set(rating_summaries([listing.pk, other_listing.pk])) == {listing.pk, other_listing.pk}


def test_listing_page_shows_the_average_count_and_criteria(client, listing):
    add_review(listing, 5, reliability=5, communication=3)
    add_review(listing, 4, reliability=4)
    add_review(listing, 4)

    page = client.get(reverse("listings:detail", args=[listing.slug])).content.decode()

    assert "4.3 out of 5 from 3 reviews" in page
    assert "Reliability" in page and "4.5 out of 5" in page and "Communication" in page


def test_listing_page_queries_do_not_grow_with_reviews(client, listing, django_assert_max_num_queries):
    for _ in range(3):
        add_review(listing, 4, endorse=["reliable", "communicates-well"])
    url = reverse("listings:detail", args=[listing.slug])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for _ in range(12):
        review = add_review(listing, 5, endorse=["reliable", "person-centred"])
        ProviderReply.objects.create(review=review, text="Thank you for your kind words.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
