"""The demo reviews: enough of them, in several languages, some held, some answered, stamps held and one lapsed."""

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from marketplace.demo.directory import DEMO_EMAIL_DOMAIN, ProviderDemo
from marketplace.demo.review_texts import ENGLISH, FLAGGED, OTHER_LANGUAGES, REJECTED, STAMP_TRANSLATIONS
from marketplace.demo.reviews import REVIEW_COUNT, STAMP_LISTINGS, ReviewDemo
from providers.models import Listing
from reviews import awards, checks
from reviews.models import (
    Endorsement,
    PeerGroup,
    ProviderReply,
    QualityStamp,
    Review,
    ReviewInvitation,
    StampAward,
)
from tests.factories import UserFactory


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """A small directory with the demo reviews, built once for the module inside a transaction rolled back at the
    end. Yields the counts the first run reported."""
    with django_db_blocker.unblock(), transaction.atomic():
        UserFactory(email="provider@example.org", display_name="Ewan, Highland Care Co-op")
        UserFactory(email="editor@example.org")
        UserFactory(email="person@example.org")
        ProviderDemo(scale=0.1).run()
        yield ReviewDemo().run()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_writes_the_promised_reviews_once(demo):
    assert demo["reviews"] == Review.objects.count() == REVIEW_COUNT >= 150
    assert demo["published"] + demo["held"] + demo["rejected"] == REVIEW_COUNT
    assert demo["published"] >= 140
    assert ReviewDemo().run() == {}  # a second run adds nothing
    assert Review.objects.count() == REVIEW_COUNT
    assert PeerGroup.objects.count() == 3


@pytest.mark.django_db
def test_reviews_are_spread_over_time_languages_and_ratings(demo):
    reviews = Review.objects.all()
    assert set(reviews.values_list("language", flat=True)) >= {"en", "pl", "ur", "gd", "cy", "ar"}
    english = reviews.filter(language="en").count()
    assert english > REVIEW_COUNT / 2
    assert set(reviews.values_list("overall", flat=True)) == {1, 2, 3, 4, 5}
    assert reviews.filter(overall__gte=4).count() > 0.6 * REVIEW_COUNT
    ages = [(timezone.now() - review.created_at).days for review in reviews]
    assert min(ages) < 30 and 500 < max(ages) <= 610
    assert reviews.filter(reliability__isnull=True).exists() and reviews.filter(reliability__isnull=False).exists()
    assert all(review.support_started.day == 1 for review in reviews)
    assert all(review.support_started <= review.created_at.date() for review in reviews)
    assert reviews.values("listing").distinct().count() >= STAMP_LISTINGS + 1
    assert not reviews.exclude(author__emailaddress__verified=True).exists()


@pytest.mark.django_db
def test_each_review_has_a_valid_basis(demo):
    invited = Review.objects.filter(basis=Review.Basis.INVITATION)
    peers = Review.objects.filter(basis=Review.Basis.PEER_GROUP)
    assert invited.count() > 20 and peers.count() > 20
    for review in invited.select_related("invitation", "author"):
        assert review.invitation.email == review.author.email
        assert review.invitation.listing_id == review.listing_id
        assert review.invitation.created_at < review.invitation.used_at == review.created_at
        assert review.invitation.expires_at > review.created_at
    for review in peers.select_related("peer_group", "author"):
        assert review.peer_group.accredited
        assert review.peer_group.members.filter(email=review.author.email).exists()
    assert PeerGroup.objects.get(accredited=True, members__email="reviewer@example.org")


@pytest.mark.django_db
def test_checks_hold_the_reviews_with_personal_details(demo):
    held = Review.objects.filter(status=Review.Status.HELD)
    assert held.count() == len(FLAGGED)
    assert {flag for review in held for flag in review.flags} == {"phone", "email", "link", "staff_name"}
    assert not held.filter(published_at__isnull=False).exists()
    rejected = Review.objects.filter(status=Review.Status.REJECTED)
    assert rejected.count() == len(REJECTED)
    assert all(review.decision_reason and review.decided_by and review.decided_at for review in rejected)
    assert any("abuse" in review.flags for review in rejected)
    published = Review.objects.published()
    assert all(not review.flags and review.published_at == review.created_at for review in published)


def test_clean_texts_raise_no_flags():
    sentences = list(ENGLISH["closings"])
    for words in [ENGLISH["pa"], ENGLISH["team"], *OTHER_LANGUAGES.values()]:
        for part in words.values():
            sentences += [item[1] if isinstance(item, tuple) else item for item in part]
    texts = [sentence.format(name="Li Na") for sentence in sentences if sentence]
    assert len(texts) > 150
    assert [text for text in texts if checks.check_text(text)] == []
    for _language, text, flag, _overall in FLAGGED:
        assert flag in checks.check_text(text), text


@pytest.mark.django_db
def test_providers_reply_to_about_a_fifth_of_published_reviews(demo):
    published = Review.objects.published().count()
    replies = ProviderReply.objects.count()
    assert demo["replies"] == replies
    assert 0.1 * published <= replies <= 0.35 * published
    assert not ProviderReply.objects.exclude(review__status=Review.Status.PUBLISHED).exists()
    assert all(reply.created_at >= reply.review.created_at for reply in ProviderReply.objects.select_related("review"))


@pytest.mark.django_db
def test_at_least_a_dozen_listings_hold_stamps_and_one_has_lapsed(demo):
    held = awards.held_stamps(list(Listing.objects.values_list("pk", flat=True)))
    assert len(held) >= 12
    assert demo["listings with stamps"] == len(held)
    for stamps in held.values():
        assert all(item.endorsers >= settings.REVIEW_STAMP_MIN_ENDORSERS for item in stamps)
    current = StampAward.objects.filter(lapsed_at__isnull=True)
    assert set(current.values_list("listing_id", flat=True)) == set(held)
    assert current.filter(awarded_at__lt=timezone.now() - timezone.timedelta(days=7)).exists()
    lapsed = StampAward.objects.filter(lapsed_at__isnull=False)
    assert lapsed.exists()
    for award in lapsed:
        assert award.listing_id not in held or award.stamp not in [item.stamp for item in held[award.listing_id]]
        assert not Endorsement.objects.filter(
            review__listing=award.listing, created_at__gt=timezone.now() - awards.window()
        ).exists()
    assert Endorsement.objects.exclude(reason="").count() == demo["endorsements"]


@pytest.mark.django_db
def test_the_demo_provider_has_invitations_waiting_and_one_expired(demo):
    provider_listings = Listing.objects.filter(supplier__memberships__user__email="provider@example.org")
    assert provider_listings.exists()
    invitations = ReviewInvitation.objects.filter(listing__in=provider_listings, used_at__isnull=True)
    now = timezone.now()
    assert invitations.filter(expires_at__gt=now).count() == 2
    assert invitations.filter(email="person@example.org", expires_at__gt=now).exists()
    assert invitations.filter(expires_at__lte=now).count() == 1
    assert Review.objects.filter(listing__in=provider_listings).exists()


@pytest.mark.django_db
def test_reviewers_are_demo_accounts_that_cannot_sign_in(demo):
    authors = {review.author for review in Review.objects.select_related("author")}
    assert all(author.email.endswith("@" + DEMO_EMAIL_DOMAIN) for author in authors)
    assert not any(author.has_usable_password() for author in authors)
    assert all(author.display_name for author in authors)


@pytest.mark.django_db
def test_stamps_are_translated_into_each_language(demo):
    default = QualityStamp.objects.filter(locale=Locale.get_default())
    assert default.count() == 7
    for code in ("ur", "ar", "gd", "pl", "cy"):
        for stamp in default:
            translation = stamp.get_translation(Locale.objects.get(language_code=code))
            name, summary, criteria, alt = STAMP_TRANSLATIONS[code][stamp.slug]
            assert (translation.name, translation.summary, translation.icon_alt_text) == (name, summary, alt)
            assert translation.criteria_list() == list(criteria)
            assert len(criteria) == len(stamp.criteria_list())
            assert translation.name != stamp.name and translation.icon == stamp.icon
    assert demo["stamp translations"] == 35
