"""No supplier (or coordinator) acting alone can make a stamp appear or its rating jump.

Found by probing: a listing's owner invited three addresses it controlled, each wrote a five-star review through its
invitation and endorsed "Reliable", and the stamp appeared with no editor involved.
"""

import pytest
from allauth.account.models import EmailAddress
from django.test import override_settings
from django.urls import reverse

from providers.models import Listing
from reviews import awards, services
from reviews.aggregates import rating_summary
from reviews.models import PeerGroup, PeerGroupMember, Review, ReviewInvitation
from search.documents import documents_for
from tests.factories import UserFactory
from tests.review_data import add_review

from .conftest import review_data

pytestmark = pytest.mark.django_db


def _invited_review_by_a_sock_puppet(client, listing, owner, number, overall="5"):
    """The owner invites an address it controls and writes a review through the invitation, as the attacker did."""
    sock = UserFactory(email=f"sock{number}@example.net")
    client.force_login(owner)
    client.post(reverse("reviews:manage", args=[listing.pk]), {"email": sock.email})
    invitation = ReviewInvitation.objects.get(email=sock.email)
    client.force_login(sock)
    response = client.post(
        reverse("reviews:invitation", args=[invitation.token]), review_data(overall=overall, stamps=["reliable"])
    )
    assert response.status_code == 302
    return Review.objects.get(author=sock)


def test_three_invited_sock_puppets_award_no_stamp_and_move_no_rating(client, listing, owner):
    reviews = [_invited_review_by_a_sock_puppet(client, listing, owner, number) for number in range(3)]

    assert all(review.status == Review.Status.PUBLISHED for review in reviews)  # shown, marked, but not counted
    assert awards.stamps_of(listing) == []
    summary = rating_summary(listing)
    assert (summary.count, summary.average, summary.score, summary.unconfirmed) == (0, None, None, 3)
    page = client.get(reverse("listings:detail", args=[listing.slug])).content.decode()
    assert "No quality stamps yet." in page
    assert "not yet checked" in page
    [document] = documents_for(Listing.objects.filter(pk=listing.pk))
    assert (document["rating"], document["review_count"], document["stamps"]) == (None, 0, [])


def test_even_checked_invitations_from_one_provider_cannot_award_a_stamp_alone(client, listing, owner, editor):
    reviews = [_invited_review_by_a_sock_puppet(client, listing, owner, number) for number in range(3)]
    for review in reviews:
        services.confirm_independent(review, editor)

    assert awards.stamps_of(listing) == []  # the provider's invitations bring at most two endorsers
    assert rating_summary(listing).count == 3


def test_a_second_independent_source_completes_the_stamp(client, listing, owner, editor):
    for number, review in enumerate([_invited_review_by_a_sock_puppet(client, listing, owner, n) for n in range(2)]):
        services.confirm_independent(review, editor)
        assert awards.stamps_of(listing) == [], number
    add_review(listing, 5, endorse=["reliable"])  # a member of an accredited peer group

    [held] = awards.stamps_of(listing)
    assert (held.stamp.slug, held.endorsers) == ("reliable", 3)


def test_a_coordinator_vouching_for_addresses_they_control_is_capped_too(listing):
    group = PeerGroup.objects.create(name="Puppet forum", coordinator_email="puppeteer@example.net", accredited=True)
    for _ in range(5):
        add_review(listing, 5, endorse=["reliable"], peer_group=group)

    assert awards.stamps_of(listing) == []
    other = PeerGroup.objects.create(name="Real forum", coordinator_email="real@example.net", accredited=True)
    add_review(listing, 5, endorse=["reliable"], peer_group=other)
    [held] = awards.stamps_of(listing)
    assert held.endorsers == 3  # two from the first group, one from the second


def test_one_source_weighs_as_much_as_the_cap_in_the_rating(listing, other_listing):
    group = PeerGroup.objects.create(name="One forum", coordinator_email="one@example.net", accredited=True)
    for _ in range(40):
        add_review(listing, 5, peer_group=group)
    for _ in range(2):
        add_review(other_listing, 5)  # two reviews, each from its own group

    flooded, modest = rating_summary(listing), rating_summary(other_listing)
    assert flooded.average == modest.average == 5.0
    assert flooded.score == pytest.approx(modest.score)  # forty from one group rank as two would
    assert flooded.count == 40  # every counted review is still counted for people to read


@override_settings(REVIEW_MAX_COUNTED_PER_SOURCE=5)
def test_the_cap_is_a_setting(listing):
    group = PeerGroup.objects.create(name="Big forum", coordinator_email="big@example.net", accredited=True)
    for _ in range(3):
        add_review(listing, 5, endorse=["reliable"], peer_group=group)
    assert [held.endorsers for held in awards.stamps_of(listing)] == [3]


def test_reviews_through_a_group_that_lost_its_accreditation_stop_counting(listing):
    group = PeerGroup.objects.create(name="Lapsed forum", coordinator_email="lapsed@example.net", accredited=True)
    add_review(listing, 4, peer_group=group)
    assert rating_summary(listing).count == 1
    group.accredited = False
    group.save()
    assert rating_summary(listing).count == 0


def test_an_editor_confirms_an_invited_review_in_the_admin(client, listing, owner, editor, editor_client):
    review = _invited_review_by_a_sock_puppet(client, listing, owner, 1, overall="4")
    queue = editor_client.get(reverse("reviews_admin:queue") + "?status=to_check").content.decode()
    assert reverse("reviews_admin:review", args=[review.pk]) in queue

    response = editor_client.post(reverse("reviews_admin:review_action", args=[review.pk, "independent"]))

    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.independence_checked_by, review.independence_checked_at is not None) == (editor, True)
    assert rating_summary(listing).average == 4.0
    again = editor_client.post(reverse("reviews_admin:review_action", args=[review.pk, "independent"]))
    assert again.status_code == 302  # a second click changes nothing


def test_peer_group_reviews_need_no_independence_check(editor_client, listing):
    review = add_review(listing, 5)
    response = editor_client.post(reverse("reviews_admin:review_action", args=[review.pk, "independent"]), follow=True)
    assert "Only a review written through a provider’s invitation needs this check." in response.content.decode()
    review.refresh_from_db()
    assert review.independence_checked_at is None


def test_only_editors_confirm_independence(client, listing, owner):
    review = _invited_review_by_a_sock_puppet(client, listing, owner, 1)
    client.force_login(owner)
    response = client.post(reverse("reviews_admin:review_action", args=[review.pk, "independent"]))
    assert response.status_code in (302, 403)
    review.refresh_from_db()
    assert review.independence_checked_at is None


def test_a_coordinator_cannot_vouch_for_their_own_addresses(client, coordinator, peer_group):
    EmailAddress.objects.create(user=coordinator, email="second.me@example.net", verified=True)
    client.force_login(coordinator)
    url = reverse("reviews:peer_group", args=[peer_group.pk])

    for email in ("second.me@example.net", coordinator.email, "SECOND.ME@example.net"):
        response = client.post(url, {"email": email})
        assert response.status_code == 400
        assert "You cannot vouch for yourself." in response.content.decode()
    assert not PeerGroupMember.objects.exists()


def test_the_stamps_page_explains_which_reviews_count(client):
    page = client.get(reverse("reviews:stamps")).content.decode()
    assert "No provider, and no peer group, can award a stamp or raise a rating by itself." in page
    assert "can bring at most 2 reviewers to a stamp" in page
