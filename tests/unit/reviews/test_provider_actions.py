"""Providers' side of reviews: the manage page, inviting clients, replying to and reporting reviews.

Only a listing's owners (organisation members, or the personal assistant) may do any of it; everyone else gets a 404.
Providers can never change or remove a review.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from marketplace.core.models import EDITORS_GROUP
from reviews.models import ProviderReply, Review, ReviewInvitation, ReviewReport
from tests.factories import UserFactory
from tests.mfa import enable_totp
from tests.review_data import add_review
from tests.unit.providers.conftest import make_listing, make_pa

from .conftest import publish, review_data

pytestmark = pytest.mark.django_db

REVIEW_TEXT = "Always on time and kind. Helped me get out to the shops every week."
REPLY = "Thank you for your kind words. We will pass them on to the whole team in Leith."


@pytest.fixture
def review(listing, peer):
    return add_review(listing, 4, author=peer, text=REVIEW_TEXT)


@pytest.fixture
def other_provider(other_listing):
    return other_listing.supplier.members.get()


@pytest.fixture
def pa_listing(db):
    user = UserFactory(email="pa@example.org", first_name="Amira", last_name="Khalid")
    return publish(make_listing(personal_assistant=make_pa(user), title="Amira, personal assistant in Edinburgh"))


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(user)
    return user


def page_of(response):
    return response.content.decode()


# --- The manage page --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "staff"])
def test_organisation_members_see_their_listings_reviews(client, request, listing, review, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("reviews:manage", args=[listing.pk]))

    assert response.status_code == 200
    page = page_of(response)
    assert "Reviews of Leith home support" in page
    assert REVIEW_TEXT in page
    assert reverse("reviews:reply", args=[review.pk]) in page
    assert reverse("reviews:report", args=[review.pk]) in page


def test_a_personal_assistant_manages_reviews_of_their_own_listing(client, pa_listing):
    client.force_login(pa_listing.supplier.personal_assistant.user)

    response = client.get(reverse("reviews:manage", args=[pa_listing.pk]))

    assert response.status_code == 200 and "Invite a client to review" in page_of(response)


def test_the_manage_page_lists_only_published_reviews_and_waiting_invitations(client, owner, listing, invitation):
    add_review(listing, text="Held review that mentions 07700 900123 for the editor.", status=Review.Status.HELD)
    used = ReviewInvitation.objects.create(listing=listing, email="used@example.org", created_by=owner)
    used.used_at = used.created_at
    used.save()
    client.force_login(owner)

    page = page_of(client.get(reverse("reviews:manage", args=[listing.pk])))

    assert "client@example.org" in page and "used@example.org" not in page
    assert "07700 900123" not in page and "No published reviews yet." in page


def test_the_manage_page_shows_twenty_reviews_a_page_newest_first(client, owner, listing):
    now = timezone.now()
    for number in range(1, 26):
        add_review(listing, 4, text=f"Review number {number} of the Leith service.", at=now - timedelta(days=number))
    client.force_login(owner)
    path = reverse("reviews:manage", args=[listing.pk])

    first, second = page_of(client.get(path)), page_of(client.get(path, {"page": 2}))

    assert "Review number 1 of" in first and "Review number 20 of" in first and "Review number 21 of" not in first
    assert first.index("Review number 1 of") < first.index("Review number 2 of")
    assert 'href="?page=2"' in first and 'rel="next"' in first
    assert "Review number 21 of" in second and "Review number 25 of" in second and "Review number 20 of" not in second
    assert "page 2" in second.split("</title>")[0]


def test_after_replying_the_owner_is_back_on_the_page_that_shows_the_review(client, owner, listing):
    now = timezone.now()
    reviews = [
        add_review(listing, 4, text=f"Review number {number} of the Leith service.", at=now - timedelta(days=number))
        for number in range(1, 26)
    ]
    client.force_login(owner)
    older = reviews[22]  # the 23rd newest: on the second page
    manage = reverse("reviews:manage", args=[listing.pk])

    replied = client.post(reverse("reviews:reply", args=[older.pk]), {"text": REPLY})
    assert replied.status_code == 302
    assert replied.url == f"{manage}?page=2#review-{older.pk}"
    assert f'id="review-{older.pk}"' in page_of(client.get(replied.url))
    newest_back_link = page_of(client.get(reverse("reviews:report", args=[reviews[0].pk])))
    assert f'href="{manage}#review-{reviews[0].pk}"' in newest_back_link


@pytest.mark.parametrize("who", ["stranger", "peer", "other_provider"])
def test_nobody_else_sees_the_manage_page(client, request, listing, review, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("reviews:manage", args=[listing.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"email": "someone@example.org"}).status_code == 404
    assert not ReviewInvitation.objects.exists()
    assert mail.outbox == []


def test_signed_out_visitors_are_sent_to_sign_in(client, listing):
    url = reverse("reviews:manage", args=[listing.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login")) and "next=" in response["Location"]


# --- Invitations ------------------------------------------------------------------------------------------------


def test_owner_invites_a_client_who_is_emailed_a_single_use_link(
    client, owner, listing, django_capture_on_commit_callbacks
):
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:manage", args=[listing.pk]), {"email": " New.Client@Example.org "})

    assert response.status_code == 302 and response["Location"] == reverse("reviews:manage", args=[listing.pk])
    invitation = ReviewInvitation.objects.get()
    assert (invitation.listing, invitation.email, invitation.created_by) == (listing, "new.client@example.org", owner)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.client@example.org"]
    assert message.subject == "Would you review Leith home support?"
    assert reverse("reviews:invitation", args=[invitation.token]) in message.body
    page = page_of(client.get(response["Location"]))
    assert "We have emailed a review invitation to new.client@example.org." in page
    assert "new.client@example.org" in page.split("Invitations not used yet")[1]


def test_the_invitation_subject_shows_the_title_as_written(client, owner, listing, django_capture_on_commit_callbacks):
    listing.title = "Mary's Care & Support"
    listing.save()
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reviews:manage", args=[listing.pk]), {"email": "client2@example.org"})
    assert mail.outbox[0].subject == "Would you review Mary's Care & Support?"  # plain text: not HTML-escaped


def test_staff_can_invite_too(client, staff, listing, django_capture_on_commit_callbacks):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reviews:manage", args=[listing.pk]), {"email": "client2@example.org"})
    assert ReviewInvitation.objects.get().created_by == staff
    assert [message.to for message in mail.outbox] == [["client2@example.org"]]


@pytest.mark.parametrize(
    ("email", "error"),
    [
        ("not-an-email", "Enter an email address in the correct format, like name@example.com"),
        ("client@", "Enter an email address in the correct format, like name@example.com"),
        ("", "Enter an email address"),
    ],
)
def test_a_bad_email_address_is_explained_and_nothing_is_sent(
    client, owner, listing, email, error, django_capture_on_commit_callbacks
):
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:manage", args=[listing.pk]), {"email": email})

    assert response.status_code == 400
    page = page_of(response)
    assert "govuk-error-summary" in page and "There is a problem" in page
    assert error in page and "govuk-error-message" in page
    assert "<title>Error:" in page
    assert not ReviewInvitation.objects.exists()
    assert mail.outbox == []


def test_invitations_are_limited_per_listing_per_day(
    client, owner, listing, other_listing, settings, django_capture_on_commit_callbacks
):
    settings.REVIEW_INVITATIONS_PER_LISTING_PER_DAY = 2
    client.force_login(owner)
    url = reverse("reviews:manage", args=[listing.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for number in (1, 2):
            assert client.post(url, {"email": f"client{number}@example.org"}).status_code == 302

        refused = client.post(url, {"email": "client3@example.org"})

    assert refused.status_code == 400
    assert "You have sent 2 invitations for this listing today. You can send more tomorrow." in page_of(refused)
    assert sorted(ReviewInvitation.objects.values_list("email", flat=True)) == [
        "client1@example.org",
        "client2@example.org",
    ]
    assert len(mail.outbox) == 2


def test_a_provider_cannot_invite_their_own_staff(client, owner, staff, listing):
    client.force_login(owner)
    response = client.post(reverse("reviews:manage", args=[listing.pk]), {"email": "STAFF@example.org"})
    assert response.status_code == 400 and "Invite a client, not yourself or someone who works for you." in page_of(
        response
    )
    assert not ReviewInvitation.objects.exists()


# --- Replies ----------------------------------------------------------------------------------------------------


def test_owner_replies_once_and_a_second_reply_changes_it(client, owner, staff, listing, review):
    client.force_login(owner)
    url = reverse("reviews:reply", args=[review.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"text": REPLY})

    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:manage", args=[listing.pk]) + f"#review-{review.pk}"
    reply = ProviderReply.objects.get()
    assert (reply.review, reply.text, reply.author) == (review, REPLY, owner)
    assert "Your reply is published under the review." in page_of(client.get(response["Location"]))

    client.force_login(staff)
    form = page_of(client.get(url))
    assert "You have replied already" in form and REPLY in form  # the form starts from the reply there is
    client.post(url, {"text": "Thank you. Our new coordinator will call you about the weekend visits."})

    reply = ProviderReply.objects.get()
    assert reply.text == "Thank you. Our new coordinator will call you about the weekend visits."
    assert reply.author == staff


def test_the_reply_shows_on_the_listing_page_under_the_review(client, owner, listing, review, peer):
    other = add_review(listing, 3, text="Mostly fine, though the rota changed too often for my liking.")
    client.force_login(owner)
    client.post(reverse("reviews:reply", args=[review.pk]), {"text": REPLY})

    client.logout()
    page = page_of(client.get(reverse("listings:detail", args=[listing.slug])))

    article = page.split(f'id="review-{review.pk}"')[1].split("</article>")[0]
    assert REVIEW_TEXT in article and "Reply from the provider" in article and REPLY in article
    other_article = page.split(f'id="review-{other.pk}"')[1].split("</article>")[0]
    assert REPLY not in other_article
    assert page.count(REPLY) == 1


@pytest.mark.parametrize("who", ["stranger", "peer", "other_provider"])
def test_nobody_else_replies(client, request, review, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("reviews:reply", args=[review.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"text": REPLY}).status_code == 404
    assert not ProviderReply.objects.exists()


def test_signed_out_visitors_cannot_reply(client, review):
    response = client.post(reverse("reviews:reply", args=[review.pk]), {"text": REPLY})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not ProviderReply.objects.exists()


def test_nobody_replies_to_a_review_that_is_not_published(client, owner, listing):
    held = add_review(listing, text="Held for an editor: it gives the number 07700 900123.", status=Review.Status.HELD)
    client.force_login(owner)
    assert client.post(reverse("reviews:reply", args=[held.pk]), {"text": REPLY}).status_code == 404
    assert not ProviderReply.objects.exists()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Write your reply"),
        ("   ", "Write your reply"),
        ("Thanks", "Write at least 10 characters"),
        ("x" * 2001, "Write 2000 characters or fewer (you have written 2001)"),
        (
            "Thank you <script>alert('hi')</script> for the review.",
            "Write your reply as plain text, without HTML tags such as &lt;script&gt;",
        ),
        ("Whoever wrote this is a lying bastard and we know who you are.", "Remove the abusive words from your reply"),
        ("This reviewer is a total f.u.c.k.i.n.g liar about our staff.", "Remove the abusive words from your reply"),
    ],
)
def test_a_bad_reply_is_explained_and_nothing_is_saved(client, owner, listing, review, text, error):
    client.force_login(owner)

    response = client.post(reverse("reviews:reply", args=[review.pk]), {"text": text})

    assert response.status_code == 400
    page = page_of(response)
    assert "There is a problem" in page and error in page
    assert "<script>alert" not in page
    assert not ProviderReply.objects.exists()
    assert REPLY not in page_of(client.get(reverse("listings:detail", args=[listing.slug])))


def test_a_bad_change_keeps_the_published_reply(client, owner, review):
    client.force_login(owner)
    url = reverse("reviews:reply", args=[review.pk])
    client.post(url, {"text": REPLY})

    assert client.post(url, {"text": ""}).status_code == 400

    assert ProviderReply.objects.get().text == REPLY


# --- Reports ----------------------------------------------------------------------------------------------------


def test_owner_reports_a_review_for_an_editor(client, owner, listing, review, editor):
    client.force_login(owner)
    url = reverse("reviews:report", args=[review.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"reason": "not_a_client", "details": "We have no record of supporting anyone then."})

    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:manage", args=[listing.pk]) + f"#review-{review.pk}"
    report = ReviewReport.objects.get()
    assert (report.review, report.reported_by, report.reason) == (review, owner, ReviewReport.Reason.NOT_A_CLIENT)
    assert report.details == "We have no record of supporting anyone then."
    assert report.status == ReviewReport.Status.OPEN
    assert "An editor will look at the review" in page_of(client.get(response["Location"]))
    review.refresh_from_db()
    assert review.status == Review.Status.PUBLISHED  # the review stays up while an editor looks

    client.force_login(editor)
    admin_home = page_of(client.get("/admin/"))
    assert "Reviews (1)" in admin_home
    queue = page_of(client.get(reverse("reviews_admin:queue")))
    assert "1 open report" in queue and reverse("reviews_admin:review", args=[review.pk]) in queue
    detail = page_of(client.get(reverse("reviews_admin:review", args=[review.pk])))
    assert "We have never supported this person" in detail
    assert "We have no record of supporting anyone then." in detail


def test_a_second_open_report_by_the_same_person_is_refused(client, owner, review):
    client.force_login(owner)
    url = reverse("reviews:report", args=[review.pk])
    client.post(url, {"reason": "untrue", "details": "The visits it describes never happened."})

    again = client.post(url, {"reason": "abusive", "details": "It is also rude about our coordinator."})

    assert again.status_code == 400
    assert "You have already reported this review. An editor will look at it soon." in page_of(again)
    assert ReviewReport.objects.count() == 1 and ReviewReport.objects.get().reason == "untrue"


def test_after_an_editor_decides_the_provider_can_report_again(client, owner, review):
    ReviewReport.objects.create(
        review=review, reported_by=owner, reason="untrue", details="Old report.", status="dismissed"
    )
    client.force_login(owner)

    response = client.post(
        reverse("reviews:report", args=[review.pk]), {"reason": "untrue", "details": "New evidence."}
    )

    assert response.status_code == 302
    assert ReviewReport.objects.filter(status=ReviewReport.Status.OPEN).count() == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"reason": "i-just-dislike-it", "details": "We disagree with this review."}, "from the list"),
        ({"details": "We disagree with this review."}, "Choose what is wrong with the review"),
        ({"reason": "untrue"}, "Tell the editor what is wrong"),
        ({"reason": "untrue", "details": "Lies"}, "Write at least 10 characters"),
        ({"reason": "untrue", "details": "<b>Lies</b> from start to end"}, "as plain text"),
    ],
)
def test_a_bad_report_is_explained_and_nothing_is_saved(client, owner, review, data, error):
    client.force_login(owner)

    response = client.post(reverse("reviews:report", args=[review.pk]), data)

    assert response.status_code == 400
    assert "There is a problem" in page_of(response) and error in page_of(response)
    assert not ReviewReport.objects.exists()


@pytest.mark.parametrize("who", ["stranger", "peer", "other_provider"])
def test_nobody_else_reports(client, request, review, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("reviews:report", args=[review.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "untrue", "details": "We never supported them."}).status_code == 404
    assert not ReviewReport.objects.exists()


# --- Providers cannot change reviews ----------------------------------------------------------------------------


def test_the_owner_cannot_edit_a_review_of_their_listing(client, owner, staff, review):
    for someone in (owner, staff):
        client.force_login(someone)
        url = reverse("reviews:edit", args=[review.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, review_data(overall="1")).status_code == 404
    review.refresh_from_db()
    assert (review.overall, review.text, review.status) == (4, REVIEW_TEXT, Review.Status.PUBLISHED)
    assert review.history.count() == 1


def test_no_review_url_lets_the_owner_change_or_remove_a_review(client, owner, listing, review):
    """Every page about one review, POSTed as the owner: none changes or removes the review."""
    from reviews.urls import urlpatterns

    client.force_login(owner)
    data = review_data(overall="1", text="Changed by the provider to say something else entirely.")
    for pattern in urlpatterns:
        if "<int:pk>" not in str(pattern.pattern) or "member_pk" in str(pattern.pattern):
            continue
        url = reverse(f"reviews:{pattern.name}", args=[review.pk])
        client.post(url, data)
        client.delete(url)

    review.refresh_from_db()
    assert (review.overall, review.text, review.status) == (4, REVIEW_TEXT, Review.Status.PUBLISHED)
    assert REVIEW_TEXT in page_of(client.get(reverse("listings:detail", args=[listing.slug])))
