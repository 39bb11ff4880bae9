"""Stamps are awarded while enough distinct verified reviewers endorse them within the window, and lapse on time."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from reviews import awards
from reviews.models import Review, StampAward
from tests.factories import UserFactory
from tests.review_data import add_review

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def held_slugs(listing, now=None):
    return [item.stamp.slug for item in awards.stamps_of(listing, now)]


def test_three_distinct_verified_endorsers_award_a_stamp_and_twelve_months_later_it_lapses(
    listing, django_capture_on_commit_callbacks
):
    for days in (0, 30, 60):
        add_review(listing, endorse=["reliable"], at=START + timedelta(days=days))
    with freeze_time(START + timedelta(days=61)), django_capture_on_commit_callbacks(execute=True):
        assert awards.refresh(listing)[0].slug == "reliable"
    award = StampAward.objects.get()
    # It holds until the oldest of the three needed endorsements is a year old.
    assert award.valid_until == START + timedelta(days=365) and award.endorsers == 3
    assert any("earned a quality stamp" in message.subject for message in mail.outbox)

    with freeze_time(START + timedelta(days=364)):
        assert held_slugs(listing) == ["reliable"]
        page = self_page(listing)
        assert "Endorsed by 3 reviewers in the last 12 months" in page
    with freeze_time(START + timedelta(days=366)):
        assert held_slugs(listing) == []  # pages stop showing it on time, whether or not anything ran
        assert "No quality stamps yet." in self_page(listing)
        awards.refresh(listing)
    award.refresh_from_db()
    assert award.lapsed_at == START + timedelta(days=365)


def self_page(listing):
    from django.test import Client

    return Client().get(reverse("listings:detail", args=[listing.slug])).content.decode()


def test_a_new_endorsement_keeps_the_stamp_and_moves_its_lapse_date(listing):
    for days in (0, 30, 60):
        add_review(listing, endorse=["reliable"], at=START + timedelta(days=days))
    add_review(listing, endorse=["reliable"], at=START + timedelta(days=300))

    with freeze_time(START + timedelta(days=380)):
        assert held_slugs(listing) == ["reliable"]  # days 30, 60 and 300 are within the year
        assert awards.stamps_of(listing)[0].valid_until == START + timedelta(days=30 + 365)


def test_two_endorsers_are_not_enough_and_the_minimum_is_a_setting(listing, settings):
    for days in (0, 1):
        add_review(listing, endorse=["reliable"], at=START + timedelta(days=days))
    with freeze_time(START + timedelta(days=2)):
        assert held_slugs(listing) == []
        settings.REVIEW_STAMP_MIN_ENDORSERS = 2
        assert held_slugs(listing) == ["reliable"]


def test_only_published_reviews_by_verified_reviewers_count(listing):
    add_review(listing, endorse=["reliable"], at=START)
    add_review(listing, endorse=["reliable"], at=START, status=Review.Status.HELD)
    add_review(listing, endorse=["reliable"], at=START, status=Review.Status.REJECTED)
    add_review(listing, endorse=["reliable"], at=START, author=UserFactory(verified=False))
    with freeze_time(START + timedelta(days=1)):
        assert held_slugs(listing) == []
        add_review(listing, endorse=["reliable"], at=START)
        add_review(listing, endorse=["reliable"], at=START)
        assert held_slugs(listing) == ["reliable"]


def test_endorsements_of_another_listing_do_not_count(listing, other_listing):
    add_review(listing, endorse=["reliable"], at=START)
    for _ in range(2):
        add_review(other_listing, endorse=["reliable"], at=START)
    with freeze_time(START + timedelta(days=1)):
        assert held_slugs(listing) == [] and held_slugs(other_listing) == []


def test_an_editor_taking_a_review_down_lapses_a_stamp_at_once(listing, editor, django_capture_on_commit_callbacks):
    from reviews import services

    reviews = [add_review(listing, endorse=["good-with-dementia"], at=START) for _ in range(3)]
    with freeze_time(START + timedelta(days=1)):
        awards.refresh(listing)
        with django_capture_on_commit_callbacks(execute=True):
            services.reject(reviews[0], editor, "Written by the provider's relative.")
        assert held_slugs(listing) == []
    assert StampAward.objects.get().lapsed_at is not None


def test_the_daily_command_records_lapses(listing):
    from django.core.management import call_command

    for _ in range(3):
        add_review(listing, endorse=["reliable"], at=START)
    with freeze_time(START + timedelta(days=1)):
        call_command("refresh_quality_stamps", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert StampAward.objects.filter(lapsed_at__isnull=True).count() == 1
    with freeze_time(START + timedelta(days=400)):
        call_command("refresh_quality_stamps", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert StampAward.objects.filter(lapsed_at__isnull=True).count() == 0
