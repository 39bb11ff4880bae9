"""The cases a second look found: double clicks, stale tabs, links followed twice, borrowed email addresses."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Locale

from providers.models import Listing
from reviews import awards, eligibility, services
from reviews.models import Endorsement, PeerGroupMember, ProviderReply, QualityStamp, Review, ReviewReport
from tests.factories import PASSWORD, UserFactory
from tests.review_data import add_review, stamp

from .conftest import review_data

pytestmark = pytest.mark.django_db


def test_a_year_too_big_for_a_date_is_a_clear_error(client, peer, listing):
    client.force_login(peer)
    for year in ("10000", "2147483648"):
        response = client.post(reverse("reviews:write", args=[listing.slug]), review_data(started_year=year))
        assert response.status_code == 400 and "this month or earlier" in response.content.decode()
    assert not Review.objects.exists()


def test_a_double_submission_is_one_review_and_no_server_error(peer, listing, monkeypatch):
    form_draft = services.Draft(5, "Kind, punctual and patient with my father.", "en", timezone.localdate(), {}, {})
    services.write(peer, listing, form_draft)
    # The second request checked eligibility before the first saved: the constraint answers it.
    monkeypatch.setattr(eligibility, "check", lambda *args, **kwargs: eligibility.Eligibility(basis="peer_group"))
    with pytest.raises(PermissionDenied, match=eligibility.ALREADY_REVIEWED):
        services.write(peer, listing, form_draft)
    assert Review.objects.count() == 1


def test_following_a_used_invitation_again_opens_your_review(client, invitation, client_user):
    client.force_login(client_user)
    url = reverse("reviews:invitation", args=[invitation.token])
    client.post(url, review_data())

    again = client.get(url)

    assert again.status_code == 302 and again["Location"] == reverse("reviews:edit", args=[Review.objects.get().pk])


def test_invitations_only_for_published_listings_and_one_working_invitation_per_address(client, owner, listing):
    client.force_login(owner)
    url = reverse("reviews:manage", args=[listing.pk])
    assert client.post(url, {"email": "sam@example.org"}).status_code == 302
    again = client.post(url, {"email": "Sam@Example.org"})
    assert again.status_code == 400 and "already has an invitation that works" in again.content.decode()

    Listing.objects.filter(pk=listing.pk).update(status=Listing.Status.DRAFT)
    draft = client.post(url, {"email": "alex@example.org"})
    assert draft.status_code == 400 and "once the listing is published" in draft.content.decode()
    assert listing.review_invitations.count() == 1


def test_publishing_twice_sends_the_emails_once(listing, peer, editor, django_capture_on_commit_callbacks):
    review = add_review(listing, 4, author=peer, status=Review.Status.HELD)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(review, editor)
        services.publish(review, editor)  # a stale tab
    assert [m.subject for m in mail.outbox if m.to == [peer.email]] == ["Your review is published"]


def test_upholding_a_report_closes_the_other_reports_on_that_review(listing, owner, staff, editor):
    review = add_review(listing, 1)
    first = services.report(
        review, owner, ReviewReport.Reason.NOT_A_CLIENT, "We have never supported anyone by that name."
    )
    second = services.report(review, staff, ReviewReport.Reason.UNTRUE, "The dates do not match our records at all.")

    services.decide_report(first, editor, True, "The reviewer was not a client.")

    second.refresh_from_db()
    review.refresh_from_db()
    assert second.status == ReviewReport.Status.UPHELD and review.status == Review.Status.REJECTED
    with pytest.raises(ValidationError):
        services.decide_report(second, editor, False, "Deciding a second time.")


def test_dropping_and_re_adding_an_endorsement_keeps_its_first_date(client, peer, listing):
    client.force_login(peer)
    with freeze_time("2026-01-05"):
        client.post(reverse("reviews:write", args=[listing.slug]), review_data())
    review = Review.objects.get()
    edit_url = reverse("reviews:edit", args=[review.pk])
    with freeze_time("2026-03-01"):
        client.post(edit_url, review_data(stamps=["treats-me-with-respect"]))
    with freeze_time("2026-06-01"):
        client.post(edit_url, review_data())
    first = Endorsement.objects.get(stamp__slug="reliable").created_at
    assert first.date().isoformat() == "2026-01-05"


def test_a_retired_stamp_still_held_stays_explained(client, listing):
    for _ in range(3):
        add_review(listing, endorse=["good-with-dementia"])
    QualityStamp.objects.filter(slug="good-with-dementia").update(is_active=False)
    awards.refresh(listing)

    page = client.get(reverse("reviews:stamps")).content.decode()

    assert 'id="stamp-good-with-dementia"' in page and "can no longer endorse this stamp" in page
    QualityStamp.objects.filter(slug="reliable").update(is_active=False)
    assert 'id="stamp-reliable"' not in client.get(reverse("reviews:stamps")).content.decode()


def test_the_stamp_email_names_stamps_in_the_owners_language(listing, owner, django_capture_on_commit_callbacks):
    owner.preferred_language = "pl"
    owner.save()
    locale, _ = Locale.objects.get_or_create(language_code="pl")
    reliable = stamp("reliable")
    translated = reliable.copy_for_translation(locale)
    translated.name = "Niezawodna osoba"
    translated.save()
    for _ in range(3):
        add_review(listing, endorse=["reliable"])

    with django_capture_on_commit_callbacks(execute=True):
        awards.refresh(listing)

    [message] = [m for m in mail.outbox if m.to == [owner.email]]
    assert "Niezawodna osoba" in message.body


def test_a_reply_may_not_name_anyone_or_give_contact_details(client, owner, listing):
    review = add_review(listing, 5)
    client.force_login(owner)
    for text in ("Thank you Mrs Campbell, it was a pleasure.", "Thank you! Call us on 0131 496 0000 any time."):
        response = client.post(reverse("reviews:reply", args=[review.pk]), {"text": text})
        assert (
            response.status_code == 400
            and "Remove names, phone numbers and email addresses" in response.content.decode()
        )
    assert not ProviderReply.objects.exists()


def test_the_report_forms_own_errors_link_to_the_first_option(client, owner, listing):
    review = add_review(listing, 1)
    services.report(review, owner, ReviewReport.Reason.OTHER, "Something is wrong with this one.")
    client.force_login(owner)

    page = client.post(
        reverse("reviews:report", args=[review.pk]), {"reason": "other", "details": "Reporting it again now."}
    ).content.decode()

    assert 'href="#id_reason_0"' in page and "already reported this review" in page


def test_coordinators_vouch_for_a_limited_number_a_day(client, coordinator, peer_group, monkeypatch):
    monkeypatch.setattr(services, "VOUCHES_PER_GROUP_PER_DAY", 2)
    client.force_login(coordinator)
    url = reverse("reviews:peer_group", args=[peer_group.pk])
    for number in range(2):
        assert client.post(url, {"email": f"member{number}@example.org"}).status_code == 302
    refused = client.post(url, {"email": "member9@example.org"})
    assert refused.status_code == 400 and "You can vouch for more tomorrow" in refused.content.decode()
    assert not PeerGroupMember.objects.filter(email="member9@example.org").exists()


def test_someone_elses_unconfirmed_address_reveals_and_erases_nothing(
    client, peer, peer_group, listing, django_capture_on_commit_callbacks
):
    thief = UserFactory(email="thief@example.org")
    EmailAddress.objects.create(user=thief, email=peer.email, verified=False, primary=False)
    client.force_login(thief)

    data = client.get(reverse("privacy:download")).json()
    assert data["peer_groups_vouching_for_you"] == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("privacy:delete"), {"password": PASSWORD})

    assert PeerGroupMember.objects.filter(email=peer.email).exists()


def test_removing_a_reviewers_confirmed_address_lapses_the_stamp_it_held_up(
    listing, django_capture_on_commit_callbacks
):
    reviews = [add_review(listing, endorse=["reliable"]) for _ in range(3)]
    awards.refresh(listing)
    with django_capture_on_commit_callbacks(execute=True):
        EmailAddress.objects.filter(user=reviews[0].author).delete()
    assert listing.stamp_awards.get().lapsed_at is not None
    assert timezone.now() - listing.stamp_awards.get().lapsed_at < timedelta(minutes=1)
