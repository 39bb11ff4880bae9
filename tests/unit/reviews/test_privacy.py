"""A reviewer's data: in their download, and gone (with the stamps it supported) when they delete their account."""

import json

import pytest
from django.urls import reverse

from reviews.awards import stamps_of
from reviews.models import Endorsement, PeerGroupMember, Review, ReviewInvitation
from tests.factories import PASSWORD
from tests.review_data import add_review

pytestmark = pytest.mark.django_db


def test_the_download_holds_the_persons_reviews_and_invitations_only(client, peer, listing, invitation, stranger):
    add_review(listing, 4, author=peer, endorse=["reliable"], text="Kind and on time, every single week.")
    add_review(listing, 1, author=stranger, text="Somebody else's words about this provider.")
    client.force_login(peer)

    data = json.loads(client.get(reverse("privacy:download")).content)

    assert [(r["listing"], r["overall"], r["text"]) for r in data["reviews"]] == [
        (listing.title, 4, "Kind and on time, every single week.")
    ]
    assert data["reviews"][0]["endorsements"][0]["stamp"] == "Reliable"
    assert data["peer_groups_vouching_for_you"] == ["Leith Disabled People's Forum"]
    assert data["review_invitations_received"] == []
    assert "Somebody else's words" not in json.dumps(data)


def test_deleting_the_account_removes_reviews_vouches_and_invitations_and_recounts_stamps(
    client, peer, listing, client_user, invitation, django_capture_on_commit_callbacks
):
    for _ in range(2):
        add_review(listing, 5, endorse=["reliable"])
    own = add_review(listing, 5, author=peer, endorse=["reliable"])
    assert [held.stamp.slug for held in stamps_of(listing)] == ["reliable"]
    client.force_login(peer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:delete"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not Review.objects.filter(author=peer).exists() and Review.objects.count() == 2
    assert stamps_of(listing) == []
    assert not Endorsement.history.filter(review_id=own.pk).exists()  # their reasons leave no trace
    assert not PeerGroupMember.objects.filter(email="peer@example.org").exists()
    assert ReviewInvitation.objects.filter(email=client_user.email).exists()  # someone else's invitation stays
