"""Peer groups: the coordinator vouches for members (and withdraws vouches); editors accredit groups in the admin."""

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.core.models import EDITORS_GROUP
from reviews.models import PeerGroup, PeerGroupMember, Review
from reviews.wagtail_hooks import record_accreditation
from tests.factories import UserFactory
from tests.review_data import add_review

from .conftest import review_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/reviews/peergroup/add/"


def page_of(response):
    return response.content.decode()


# --- The coordinator's page -------------------------------------------------------------------------------------


def test_the_coordinator_sees_their_group_and_its_members(client, coordinator, peer_group, peer):
    client.force_login(coordinator)

    response = client.get(reverse("reviews:peer_group", args=[peer_group.pk]))

    assert response.status_code == 200
    page = page_of(response)
    assert "Leith Disabled People&#x27;s Forum" in page
    assert "Your group is accredited." in page
    assert "peer@example.org" in page
    member = PeerGroupMember.objects.get(email="peer@example.org")
    assert reverse("reviews:withdraw", args=[peer_group.pk, member.pk]) in page


def test_a_group_waiting_for_accreditation_says_so(client, coordinator, peer_group):
    peer_group.accredited = False
    peer_group.save()
    client.force_login(coordinator)
    page = page_of(client.get(reverse("reviews:peer_group", args=[peer_group.pk])))
    assert "Your group is waiting for an editor to accredit it." in page


def test_the_coordinator_vouches_for_someone_who_is_told(
    client, coordinator, peer_group, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    url = reverse("reviews:peer_group", args=[peer_group.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "  New.Member@Example.ORG "})

    assert response.status_code == 302 and response["Location"] == url
    member = PeerGroupMember.objects.get(email="new.member@example.org")
    assert (member.group, member.vouched_by) == (peer_group, coordinator)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.member@example.org"]
    assert message.subject == "Leith Disabled People's Forum vouches for you"
    assert "Leith Disabled People's Forum has told us you are a member" in message.body
    page = page_of(client.get(url))
    assert "You have vouched for new.member@example.org. We have told them." in page
    assert "new.member@example.org" in page.split("Members you vouch for")[1]


def test_someone_vouched_for_can_then_review(client, coordinator, peer_group, listing):
    client.force_login(coordinator)
    client.post(reverse("reviews:peer_group", args=[peer_group.pk]), {"email": "newcomer@example.org"})
    newcomer = UserFactory(email="newcomer@example.org")
    client.force_login(newcomer)

    response = client.post(reverse("reviews:write", args=[listing.slug]), review_data())

    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.author, review.peer_group, review.basis) == (newcomer, peer_group, Review.Basis.PEER_GROUP)


def test_vouching_twice_for_the_same_person_is_explained(
    client, coordinator, peer_group, peer, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:peer_group", args=[peer_group.pk]), {"email": "PEER@example.org"})

    assert response.status_code == 400
    page = page_of(response)
    assert "There is a problem" in page and "You have already vouched for peer@example.org" in page
    assert peer_group.members.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("email", "error"),
    [
        ("peer at example dot org", "Enter an email address in the correct format, like name@example.com"),
        ("", "Enter an email address"),
    ],
)
def test_a_bad_email_address_is_explained(
    client, coordinator, peer_group, email, error, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:peer_group", args=[peer_group.pk]), {"email": email})

    assert response.status_code == 400
    assert "There is a problem" in page_of(response) and error in page_of(response)
    assert not peer_group.members.exists()
    assert mail.outbox == []


def test_withdrawing_a_vouch_stops_that_person_reviewing(client, coordinator, peer_group, peer, listing):
    member = PeerGroupMember.objects.get(email=peer.email)
    client.force_login(coordinator)
    url = reverse("reviews:withdraw", args=[peer_group.pk, member.pk])
    assert client.get(url).status_code == 405  # a link cannot withdraw it
    assert PeerGroupMember.objects.filter(pk=member.pk).exists()

    response = client.post(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse("reviews:peer_group", args=[peer_group.pk])
    assert "You no longer vouch for peer@example.org." in page_of(response)
    assert not peer_group.members.exists()

    client.force_login(peer)
    refused = client.post(reverse("reviews:write", args=[listing.slug]), review_data())
    assert refused.status_code == 403 and not Review.objects.exists()


def test_a_coordinator_cannot_withdraw_a_member_of_another_group(client, coordinator, peer_group, peer):
    other = PeerGroup.objects.create(name="Glasgow Access Panel", coordinator_email="glasgow@example.org")
    theirs = PeerGroupMember.objects.create(group=other, email="theirs@example.org")
    client.force_login(coordinator)

    response = client.post(reverse("reviews:withdraw", args=[peer_group.pk, theirs.pk]))

    assert response.status_code == 404 and PeerGroupMember.objects.filter(pk=theirs.pk).exists()


def _not_coordinators():
    return {
        "stranger": lambda request: request.getfixturevalue("stranger"),
        "peer": lambda request: request.getfixturevalue("peer"),
        "editor": lambda request: request.getfixturevalue("editor"),
        "unverified coordinator address": lambda request: UserFactory(email="coordinator@example.org", verified=False),
    }


@pytest.mark.parametrize("who", list(_not_coordinators()))
def test_nobody_else_manages_the_group(client, request, peer_group, peer, who, django_capture_on_commit_callbacks):
    client.force_login(_not_coordinators()[who](request))
    member = PeerGroupMember.objects.get(email=peer.email)
    url = reverse("reviews:peer_group", args=[peer_group.pk])

    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).status_code == 404
        assert client.post(url, {"email": "someone@example.org"}).status_code == 404
        assert client.post(reverse("reviews:withdraw", args=[peer_group.pk, member.pk])).status_code == 404

    assert list(peer_group.members.values_list("email", flat=True)) == ["peer@example.org"]
    assert mail.outbox == []


def test_signed_out_visitors_are_sent_to_sign_in(client, peer_group):
    response = client.get(reverse("reviews:peer_group", args=[peer_group.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


# --- "Your reviews" ---------------------------------------------------------------------------------------------


def test_your_reviews_lists_groups_you_coordinate(client, coordinator, peer_group):
    waiting = PeerGroup.objects.create(name="Fife Carers Circle", coordinator_email="COORDINATOR@example.org")
    PeerGroup.objects.create(name="Somebody Else's Group", coordinator_email="else@example.org", accredited=True)
    client.force_login(coordinator)

    page = page_of(client.get(reverse("reviews:mine")))

    assert "Peer groups you coordinate" in page
    assert reverse("reviews:peer_group", args=[peer_group.pk]) in page
    assert reverse("reviews:peer_group", args=[waiting.pk]) in page
    assert "Fife Carers Circle</a> (waiting for accreditation)" in page
    assert "Somebody Else" not in page
    assert "You have not written any reviews yet." in page


def test_your_reviews_lists_each_review_with_where_it_stands(client, peer, listing, other_listing, peer_group):
    published = add_review(listing, 4, author=peer)
    rejected = add_review(other_listing, 1, author=peer, status=Review.Status.REJECTED)
    rejected.decision_reason = "It names a member of staff in full."
    rejected.save()
    client.force_login(peer)

    page = page_of(client.get(reverse("reviews:mine")))

    assert "Leith Disabled People&#x27;s Forum vouches for you" in page
    assert "Peer groups you coordinate" not in page
    published_row = page.split(f'href="{reverse("reviews:edit", args=[published.pk])}"')[0].rsplit("<tr", 1)[1]
    assert "Leith home support" in published_row and "4 out of 5" in published_row and "Published" in published_row
    rejected_row = page.split(f'href="{reverse("reviews:edit", args=[rejected.pk])}"')[0].rsplit("<tr", 1)[1]
    assert "Glasgow day opportunities" in rejected_row and "Not published" in rejected_row
    assert "It names a member of staff in full." in rejected_row


def test_your_reviews_shows_a_held_review_as_waiting_for_an_editor(client, peer, listing):
    add_review(listing, 3, author=peer, status=Review.Status.HELD)
    client.force_login(peer)
    page = page_of(client.get(reverse("reviews:mine")))
    assert "Held for an editor" in page and "Published" not in page


def test_your_reviews_needs_signing_in(client):
    response = client.get(reverse("reviews:mine"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


# --- Editors accredit groups in the Wagtail admin ---------------------------------------------------------------


def _snippet_form(**overrides):
    data = {
        "name": "Edinburgh Self-Directed Support Forum",
        "description": "People who direct their own support, meeting monthly in Leith.",
        "website": "https://example.org/forum",
        "coordinator_email": " Chair@Example.org ",
        "accredited": "on",
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "1000",
        "members-0-email": "First.Member@example.org",
        "members-0-id": "",
        "members-0-DELETE": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_an_editor_adds_an_accredited_group_and_who_and_when_are_recorded(client, editor, listing):
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 200

    response = client.post(ADD_URL, _snippet_form())

    assert response.status_code == 302, response.content.decode()[:3000]
    group = PeerGroup.objects.get(name="Edinburgh Self-Directed Support Forum")
    assert group.coordinator_email == "chair@example.org"
    assert group.accredited and group.accredited_at is not None and group.accredited_by == editor
    assert list(group.members.values_list("email", flat=True)) == ["first.member@example.org"]

    member = UserFactory(email="first.member@example.org")
    client.force_login(member)
    assert client.post(reverse("reviews:write", args=[listing.slug]), review_data()).status_code == 302
    assert Review.objects.get().peer_group == group


def test_an_editor_accredits_an_existing_group_by_editing_it(client, editor, coordinator):
    group = PeerGroup.objects.create(name="Fife Carers Circle", coordinator_email="coordinator@example.org")
    assert group.accredited_at is None
    client.force_login(editor)
    url = f"/admin/snippets/reviews/peergroup/edit/{group.pk}/"

    response = client.post(
        url,
        _snippet_form(
            name="Fife Carers Circle", coordinator_email="coordinator@example.org", **{"members-TOTAL_FORMS": "0"}
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    group.refresh_from_db()
    assert group.accredited and group.accredited_at is not None and group.accredited_by == editor
    client.force_login(coordinator)
    assert "Your group is accredited." in page_of(client.get(reverse("reviews:peer_group", args=[group.pk])))


def test_non_editors_cannot_add_peer_groups(client, coordinator):
    client.force_login(coordinator)
    response = client.post(ADD_URL, _snippet_form())
    assert response.status_code in (302, 403)
    assert not PeerGroup.objects.filter(name="Edinburgh Self-Directed Support Forum").exists()


def test_accreditation_date_is_kept_while_accredited_and_cleared_when_withdrawn(peer_group, editor, rf):
    first = peer_group.accredited_at
    assert first is not None

    request = rf.post(ADD_URL)
    request.user = editor
    record_accreditation(request, peer_group)
    peer_group.refresh_from_db()
    assert peer_group.accredited_by == editor

    peer_group.name = "Leith Forum"
    peer_group.save()
    peer_group.refresh_from_db()
    assert (peer_group.accredited_at, peer_group.accredited_by) == (first, editor)

    someone_else = UserFactory(groups=[EDITORS_GROUP])
    request.user = someone_else
    record_accreditation(request, peer_group)  # an edit by another editor does not change who accredited it
    peer_group.refresh_from_db()
    assert peer_group.accredited_by == editor

    peer_group.accredited = False
    peer_group.save()
    peer_group.refresh_from_db()
    assert (peer_group.accredited_at, peer_group.accredited_by) == (None, None)


def test_members_of_a_group_whose_accreditation_is_withdrawn_cannot_review(client, peer_group, peer, listing):
    peer_group.accredited = False
    peer_group.save()
    client.force_login(peer)
    assert client.post(reverse("reviews:write", args=[listing.slug]), review_data()).status_code == 403
    assert not Review.objects.exists()


def test_coordinator_and_member_addresses_are_stored_in_lower_case(db):
    group = PeerGroup.objects.create(name="Borders Forum", coordinator_email="  Chair@Borders.Example ")
    member = PeerGroupMember.objects.create(group=group, email=" Member@Borders.Example")
    assert (group.coordinator_email, member.email) == ("chair@borders.example", "member@borders.example")
