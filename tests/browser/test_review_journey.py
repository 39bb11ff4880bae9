"""Reviewing, end to end in a real browser: a provider invites a client; the client signs up through the
invitation, writes a review and endorses two stamps; the automatic checks pass it; the provider replies; the third
endorsement of "Reliable" awards the stamp, which shows on the listing and in search. axe-core checks every page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from providers.models import Membership
from providers.seed import seed_default_taxonomies
from reviews.models import Review
from tests.browser.test_accounts import sign_in, sign_in_as_editor
from tests.factories import PASSWORD, UserFactory, owner_has_mfa
from tests.review_data import add_review, stamp
from tests.search_data import published_listing
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)

CLIENT = "morag.client@example.org"


@pytest.fixture
def listing(transactional_db):
    build_site()
    seed_default_taxonomies()
    stamp("reliable")  # seeds the stamps the flush removed
    listing = published_listing("Leith home support", needs=["dementia"])
    owner = UserFactory(email="owner@example.org")
    Membership.objects.create(user=owner, supplier=listing.supplier, role=Membership.Role.OWNER)
    owner_has_mfa(owner)
    for _ in range(2):
        add_review(listing, 5, endorse=["reliable"])
    return listing


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def emailed_path(pattern):
    for message in reversed(mail.outbox):
        if found := re.search(rf"https?://[^/\s]+({pattern})", message.body):
            return found.group(1)
    raise AssertionError(f"No email with a link like {pattern}")


def invite_client(visitor):
    page = visitor.page
    sign_in(visitor, "owner@example.org")
    visitor.visit("/dashboard/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Reviews and review invitations")).click()
    visitor.check()
    page.get_by_label("Your client’s email address").fill(CLIENT)
    submit(page, "Send the invitation")
    visitor.check()
    expect(page.locator(".govuk-notification-banner, .app-messages")).to_contain_text("review invitation")


def sign_up_through_invitation(visitor, invitation_path):
    page = visitor.page
    visitor.visit(invitation_path)
    with page.expect_navigation():
        page.get_by_role("link", name="Create an account").click()
    visitor.check()
    page.locator("#id_email").fill(CLIENT)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    submit(page, "Sign Up")
    visitor.check()
    visitor.visit(emailed_path(r"/accounts/confirm-email/\S+/"))
    submit(page, "Confirm")
    visitor.check()


def write_review(visitor, invitation_path):
    page = visitor.page
    visitor.visit(invitation_path)
    expect(page.locator("h1")).to_have_text("Leith home support")
    page.get_by_role("group", name="Overall, how would you rate this support?").get_by_label("5 stars").check()
    page.get_by_role("group", name="Reliability").get_by_label("5 stars").check()
    page.get_by_role("group", name="Communication").get_by_label("4 stars").check()
    page.get_by_label("Your review").fill(
        "Mairi comes every morning at eight, never rushes me and always texts if the buses are late."
    )
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("2025")
    page.get_by_label("Reliable").check()
    page.get_by_label("Communicates well").check()
    visitor.check()  # the reasons are revealed
    page.locator("#id_reason_reliable").fill("Not one missed visit since April.")
    page.locator("#id_reason_communicates-well").fill("Texts me whenever plans change.")
    submit(page, "Send your review")
    visitor.check()


def test_invited_client_reviews_provider_replies_and_a_stamp_is_awarded(browser, live_server, visitor, listing):
    from tests.browser.conftest import _new_page

    invite_client(visitor)
    invitation_path = emailed_path(r"/reviews/invitation/\S+/")

    client_context, client = _new_page(browser, live_server)
    try:
        sign_up_through_invitation(client, invitation_path)
        write_review(client, invitation_path)
        page = client.page
        review = Review.objects.get(author__email=CLIENT)
        assert review.status == Review.Status.PUBLISHED  # the automatic checks found nothing to hold
        assert page.url.endswith(f"#review-{review.pk}")
        expect(page.locator(f"#review-{review.pk}")).to_contain_text("Not one missed visit since April.")
        # An invited review counts towards stamps and the rating only once an editor has checked the reviewer is an
        # independent client: the provider chose whom to invite.
        stamps = page.locator("#quality-stamps")
        expect(stamps).to_contain_text("No quality stamps yet")
        expect(page.locator("#rating-summary")).to_contain_text("5.0 out of 5 from 2 reviews")
    finally:
        client_context.close()

    editor_context, editor = _new_page(browser, live_server)
    try:
        sign_in_as_editor(editor)
        editor.visit(f"/admin/reviews/{review.pk}/")
        expect(editor.page.locator("main")).to_contain_text("Not yet: check that the reviewer is a real client")
        submit(editor.page, "Confirm: an independent client")
        editor.check()
    finally:
        editor_context.close()
    review.refresh_from_db()
    assert review.independence_checked_at is not None

    page = visitor.page
    visitor.visit(f"/support/{listing.slug}/")
    stamps = page.locator("#quality-stamps")
    expect(stamps).to_contain_text("Reliable")
    expect(stamps).to_contain_text("Endorsed by 3 reviewers in the last 12 months")
    expect(stamps).not_to_contain_text("Communicates well")  # one endorsement is not enough
    expect(page.locator("#rating-summary")).to_contain_text("5.0 out of 5 from 3 reviews")

    # The provider replies from their reviews page.
    page = visitor.page
    visitor.visit(f"/reviews/listings/{listing.pk}/")
    with page.expect_navigation():
        page.locator(f"#review-{review.pk}").get_by_role("link", name=re.compile("^Reply")).click()
    visitor.check()
    submit(page, "Publish your reply")  # empty: an error, nothing published
    visitor.check()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write your reply")
    page.get_by_label("Your public reply").fill("Thank you for these kind words. Mairi will be delighted to read this.")
    submit(page, "Publish your reply")
    visitor.check()

    visitor.visit(f"/support/{listing.slug}/")
    expect(page.locator(f"#review-{review.pk}")).to_contain_text("Reply from the provider")
    expect(page.locator(f"#review-{review.pk}")).to_contain_text("Mairi will be delighted")
    with page.expect_navigation():
        page.locator("#quality-stamps").get_by_role("link", name="Reliable").click()
    visitor.check()
    expect(page.locator("#stamp-reliable")).to_contain_text("Arrives on time for agreed visits")

    visitor.visit("/find-support/?where=EH6+5AA")
    card = page.locator(f"[data-listing='{listing.slug}']")
    expect(card).to_contain_text("Reliable")
    expect(card).to_contain_text("5.0 out of 5")


def test_a_held_review_is_published_by_an_editor(visitor, listing):
    author = UserFactory(email="writer@example.org")
    held = add_review(
        listing, 4, author=author, status=Review.Status.HELD, text="Ring me on 07700 900123 to hear more about them."
    )
    held.flags = ["phone"]
    held.save()
    sign_in_as_editor(visitor)
    page = visitor.page

    page.goto(visitor.base_url + "/admin/reviews/")
    expect(page.get_by_role("table", name="Reviews")).to_contain_text("It seems to contain a phone number")
    with page.expect_navigation():
        page.get_by_role("link", name="Leith home support", exact=True).click()
    expect(page.locator("main")).to_contain_text("Ring me on 07700 900123")
    submit(page, "Publish")  # the editor decides the number is the reviewer's own to give
    held.refresh_from_db()
    assert held.status == Review.Status.PUBLISHED
    assert any(message.subject == "Your review is published" for message in mail.outbox)
    visitor.visit(f"/support/{listing.slug}/")
    expect(page.locator(f"#review-{held.pk}")).to_contain_text("Rated 4 out of 5")


def test_peer_reviewer_writes_in_urdu_without_javascript(visitor_without_js, listing):
    from reviews.models import PeerGroup, PeerGroupMember

    group = PeerGroup.objects.create(name="Leith Forum", coordinator_email="co@example.org", accredited=True)
    peer = UserFactory(email="peer@example.org", preferred_language="ur")
    PeerGroupMember.objects.create(group=group, email=peer.email)
    visitor = visitor_without_js
    page = visitor.page
    sign_in(visitor, peer.email)

    visitor.visit(f"/ur/reviews/write/{listing.slug}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#id_reason_reliable").wait_for()  # without JavaScript every reason box is shown
    page.locator("#id_overall_3").check()
    page.locator("#id_text").fill("ہر ہفتے وقت پر آتے ہیں اور بہت صبر سے بات کرتے ہیں۔ میری والدہ ان سے بہت خوش ہیں۔")
    page.locator("#id_started_month").fill("1")
    page.locator("#id_started_year").fill("2025")
    page.locator("#id_stamps_0").check()  # Reliable, with no reason yet
    page.locator("#id_used_support").check()
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    visitor.check()
    assert page.locator(".govuk-error-summary a[href='#id_reason_reliable']").count() == 1
    assert page.locator("#id_text").input_value().startswith("ہر ہفتے")  # nothing typed is lost

    page.locator("#id_reason_reliable").fill("کبھی دیر نہیں کی")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    visitor.check()
    review = Review.objects.get(author=peer)
    assert review.language == "ur" and review.overall == 4
    review_block = page.locator(f"#review-{review.pk} .app-review__text")
    assert review_block.get_attribute("lang") == "ur"


def test_the_review_form_works_with_the_keyboard_alone(visitor, listing):
    from reviews.models import PeerGroup, PeerGroupMember

    group = PeerGroup.objects.create(name="Leith Forum", coordinator_email="co@example.org", accredited=True)
    PeerGroupMember.objects.create(group=group, email="keys@example.org")
    UserFactory(email="keys@example.org")
    page = visitor.page
    sign_in(visitor, "keys@example.org")
    visitor.visit(f"/reviews/write/{listing.slug}/")

    page.locator("#id_overall_0").focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")  # radios move with the arrow keys: to 5 stars
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.name")
    assert focused == "reliability"  # the next question, in reading order
    page.locator("#id_text").focus()
    page.keyboard.type("Patient, kind and always on time for my mum's morning visits.")
    page.keyboard.press("Tab")  # the language it is written in: English, as chosen for them
    page.keyboard.press("Tab")
    page.keyboard.type("6")
    page.keyboard.press("Tab")
    page.keyboard.type("2024")
    page.locator("#id_stamps_0").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # into the revealed reason
    page.keyboard.type("Never once late.")
    page.locator("#id_used_support").focus()
    page.keyboard.press("Space")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submits the form from the checkbox
    visitor.check()
    review = Review.objects.get(author__email="keys@example.org")
    assert (review.overall, review.support_started.month) == (5, 6)
    assert review.endorsements.get().reason == "Never once late."


def test_the_other_review_pages_are_accessible(visitor, listing):
    """Pages not on the main journey: a reviewer's list, a coordinator's group, a provider's report form (with its
    error), every review of a listing, and the stamps' criteria in Urdu (right to left)."""
    from reviews.models import PeerGroup, PeerGroupMember

    group = PeerGroup.objects.create(name="Leith Forum", coordinator_email="coordinator@example.org", accredited=True)
    PeerGroupMember.objects.create(group=group, email="member@example.org")
    coordinator = UserFactory(email="coordinator@example.org")
    add_review(listing, 3, author=coordinator, status=Review.Status.REJECTED)
    for _ in range(20):
        add_review(listing, 4)
    page = visitor.page

    sign_in(visitor, coordinator.email)
    visitor.visit("/reviews/yours/")
    expect(page.locator("table")).to_contain_text("Not published")
    visitor.visit(f"/reviews/peer-groups/{group.pk}/")
    expect(page.locator("table")).to_contain_text("member@example.org")
    visitor.visit(f"/reviews/of/{listing.slug}/?page=2")
    expect(page.locator("h1")).to_contain_text("Reviews of Leith home support")
    visitor.visit("/ur/reviews/quality-stamps/")
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.context.clear_cookies()
    sign_in(visitor, "owner@example.org")
    review = Review.objects.filter(status=Review.Status.PUBLISHED).first()
    visitor.visit(f"/reviews/{review.pk}/report/")
    submit(page, "Send the report")
    visitor.check()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose what is wrong with the review")
