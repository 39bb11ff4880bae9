"""The admin account is not every review's author or every group's coordinator on public pages.

Found by probing: the superuser rewrote another person's published review (under that person's name) and vouched an
address into a peer group it did not coordinate. Public forms act only for the real author, coordinator or provider.
"""

import pytest
from django.urls import reverse

from reviews.models import PeerGroupMember, ProviderReply, Review
from tests.factories import UserFactory
from tests.review_data import add_review

from .conftest import review_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)


def test_the_superuser_cannot_rewrite_someone_elses_review(client, superuser, listing):
    review = add_review(listing, 5, text="Kind and reliable, never late in two years of mornings.")
    client.force_login(superuser)

    page = client.get(reverse("reviews:edit", args=[review.pk]))
    posted = client.post(reverse("reviews:edit", args=[review.pk]), review_data(overall="1", text="x" * 40))

    assert (page.status_code, posted.status_code) == (404, 404)
    review.refresh_from_db()
    assert (review.overall, review.text) == (5, "Kind and reliable, never late in two years of mornings.")
    assert review.history.count() == 1


def test_the_superuser_cannot_vouch_into_a_group_it_does_not_coordinate(client, superuser, peer_group):
    client.force_login(superuser)

    page = client.get(reverse("reviews:peer_group", args=[peer_group.pk]))
    posted = client.post(reverse("reviews:peer_group", args=[peer_group.pk]), {"email": "sock@example.org"})

    assert (page.status_code, posted.status_code) == (404, 404)
    assert not PeerGroupMember.objects.filter(email="sock@example.org").exists()


def test_the_superuser_cannot_reply_to_or_report_a_review_as_the_provider(client, superuser, listing):
    review = add_review(listing, 2)
    client.force_login(superuser)

    reply = client.post(reverse("reviews:reply", args=[review.pk]), {"text": "We disagree with this review."})
    report = client.post(
        reverse("reviews:report", args=[review.pk]), {"reason": "untrue", "details": "Never happened at all."}
    )

    assert (reply.status_code, report.status_code) == (404, 404)
    assert not ProviderReply.objects.exists()
    assert not review.reports.exists()


def test_the_superuser_may_review_like_anyone_with_a_basis(client, superuser, listing, peer_group):
    """Not treated as the listing's owner either: with a peer group's vouch, the admin person may review."""
    PeerGroupMember.objects.create(group=peer_group, email=superuser.email)
    client.force_login(superuser)

    response = client.post(reverse("reviews:write", args=[listing.slug]), review_data())

    assert response.status_code == 302
    assert Review.objects.get(author=superuser).listing == listing
