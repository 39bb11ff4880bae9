"""Writing a review through an invitation or as a peer-group member; editing it; who may not."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reviews.models import Endorsement, PeerGroupMember, Review

from .conftest import review_data

pytestmark = pytest.mark.django_db


def test_invited_client_writes_a_review_that_is_published_with_its_stamps(
    client, invitation, client_user, listing, django_capture_on_commit_callbacks
):
    client.force_login(client_user)
    url = reverse("reviews:invitation", args=[invitation.token])
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, review_data())

    review = Review.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#review-{review.pk}")
    assert review.status == Review.Status.PUBLISHED and review.basis == Review.Basis.INVITATION
    assert review.support_started.isoformat() == "2024-03-01"
    assert (review.reliability, review.respect, review.communication) == (5, 4, None)
    assert sorted(review.endorsements.values_list("stamp__slug", flat=True)) == ["reliable", "treats-me-with-respect"]
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    page = client.get(reverse("listings:detail", args=[listing.slug])).content.decode()
    assert "Never missed a morning in a year." in page
    # Shown at once, but counted only once an editor has checked the invited reviewer is independent.
    assert "not yet checked: not counted" in page and "5.0 out of 5" not in page
    subjects = {message.subject for message in mail.outbox}
    assert "Your review is published" in subjects and f"New review of {listing.title}" in subjects


def test_an_invitation_works_once(client, invitation, client_user):
    client.force_login(client_user)
    url = reverse("reviews:invitation", args=[invitation.token])
    client.post(url, review_data())
    Review.objects.all().delete()  # even with the review gone, the invitation stays used

    response = client.post(url, review_data())

    assert response.status_code == 410 and Review.objects.count() == 0


def test_an_expired_invitation_does_not_work(client, invitation, client_user):
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    client.force_login(client_user)

    response = client.post(reverse("reviews:invitation", args=[invitation.token]), review_data())

    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not Review.objects.exists()


def test_an_invitation_works_only_for_the_address_it_was_sent_to(client, invitation, stranger):
    client.force_login(stranger)

    response = client.post(reverse("reviews:invitation", args=[invitation.token]), review_data())

    assert response.status_code == 403 and not Review.objects.exists()


def test_an_unknown_invitation_is_not_found(client, client_user):
    client.force_login(client_user)
    assert client.get(reverse("reviews:invitation", args=["not-a-token"])).status_code == 404


def test_signed_out_visitors_are_asked_to_sign_up_or_in_and_come_back(client, invitation):
    url = reverse("reviews:invitation", args=[invitation.token])
    page = client.get(url).content.decode()
    assert reverse("account_signup") + "?next=" in page and url.replace("/", "%2F") in page


def test_unverified_email_cannot_review(client, invitation, client_user):
    client_user.emailaddress_set.update(verified=False)
    client.force_login(client_user)

    response = client.post(reverse("reviews:invitation", args=[invitation.token]), review_data())

    assert response.status_code == 403 and "Confirm your email address" in response.content.decode()
    assert not Review.objects.exists()


def test_the_review_keeps_the_language_it_is_written_in(client, peer, listing):
    client.force_login(peer)
    url = reverse("reviews:write", args=[listing.slug])
    assert 'value="en" lang="en" selected' in client.get(url).content.decode()  # the interface's language first

    client.post(url, review_data(language="pl", text="Bardzo punktualna i cierpliwa opiekunka, polecam każdemu."))

    review = Review.objects.get()
    assert review.language == "pl"
    page = client.get(reverse("listings:detail", args=[listing.slug])).content.decode()
    assert 'lang="pl" dir="ltr"><p>Bardzo punktualna' in page


def test_peer_group_member_reviews_after_confirming_they_used_the_support(client, peer, listing, peer_group):
    client.force_login(peer)
    url = reverse("reviews:write", args=[listing.slug])

    refused = client.post(url, review_data(used_support=None))
    assert refused.status_code == 400 and "Confirm that you have used this support" in refused.content.decode()
    assert not Review.objects.exists()

    client.post(url, review_data())
    review = Review.objects.get()
    assert review.basis == Review.Basis.PEER_GROUP and review.peer_group == peer_group


def test_members_of_a_group_not_yet_accredited_cannot_review(client, peer, listing, peer_group):
    peer_group.accredited = False
    peer_group.save()
    client.force_login(peer)

    response = client.post(reverse("reviews:write", args=[listing.slug]), review_data())

    assert response.status_code == 403 and not Review.objects.exists()


def test_no_review_without_eligibility(client, stranger, listing):
    client.force_login(stranger)
    response = client.post(reverse("reviews:write", args=[listing.slug]), review_data())
    assert response.status_code == 403 and "Only people who have used this support" in response.content.decode()
    assert not Review.objects.exists()


def test_nobody_reviews_their_own_organisation(client, staff, listing, peer_group):
    PeerGroupMember.objects.create(group=peer_group, email=staff.email)  # even vouched for by a peer group
    client.force_login(staff)

    response = client.post(reverse("reviews:write", args=[listing.slug]), review_data())

    assert response.status_code == 403 and "You look after this listing" in response.content.decode()
    assert not Review.objects.exists()


def test_a_provider_cannot_invite_themselves(client, owner, listing):
    client.force_login(owner)
    response = client.post(reverse("reviews:manage", args=[listing.pk]), {"email": owner.email})
    assert response.status_code == 400 and "not yourself" in response.content.decode()


def test_one_review_per_reviewer_per_listing(client, peer, listing):
    client.force_login(peer)
    url = reverse("reviews:write", args=[listing.slug])
    client.post(url, review_data())

    again = client.get(url)

    assert again.status_code == 302 and again["Location"] == reverse("reviews:edit", args=[Review.objects.get().pk])
    assert Review.objects.count() == 1


def test_editing_keeps_history_and_first_endorsement_dates(client, peer, listing):
    client.force_login(peer)
    client.post(reverse("reviews:write", args=[listing.slug]), review_data())
    review = Review.objects.get()
    first_endorsed = Endorsement.objects.get(stamp__slug="reliable").created_at

    response = client.post(
        reverse("reviews:edit", args=[review.pk]),
        review_data(
            overall="4",
            text="Still reliable, though the last month had two late visits in a row.",
            stamps=["reliable", "communicates-well"],
            **{"reason_communicates-well": "Texts when running late."},
        ),
    )

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.overall == 4 and review.status == Review.Status.PUBLISHED
    assert review.history.count() == 2
    assert sorted(review.endorsements.values_list("stamp__slug", flat=True)) == ["communicates-well", "reliable"]
    assert Endorsement.objects.get(stamp__slug="reliable").created_at == first_endorsed


def test_nobody_edits_another_persons_review(client, peer, stranger, owner, listing):
    client.force_login(peer)
    client.post(reverse("reviews:write", args=[listing.slug]), review_data())
    review = Review.objects.get()
    for someone in (stranger, owner):
        client.force_login(someone)
        url = reverse("reviews:edit", args=[review.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, review_data(overall="1")).status_code == 404
    review.refresh_from_db()
    assert review.overall == 5


def test_reviewers_are_limited_per_day(client, peer, settings, other_listing, listing):
    settings.REVIEWS_PER_REVIEWER_PER_DAY = 1
    client.force_login(peer)
    client.post(reverse("reviews:write", args=[listing.slug]), review_data())

    response = client.post(reverse("reviews:write", args=[other_listing.slug]), review_data())

    assert response.status_code == 429 and Review.objects.count() == 1


def test_a_burst_of_reviews_goes_to_an_editor(client, peer, listing, settings):
    from tests.review_data import add_review

    settings.REVIEW_BURST_COUNT = 3
    for _ in range(3):
        add_review(listing)
    client.force_login(peer)

    client.post(reverse("reviews:write", args=[listing.slug]), review_data())

    review = Review.objects.get(author=peer)
    assert review.status == Review.Status.HELD and "burst" in review.flags
