"""A published listing's new words and contact details wait for an editor; the rest goes live at once.

Found by a newcomer: a published listing's new title or description went live without review. And an
organisation's regulator registration showed as fact until an editor had checked it.
"""

from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from marketplace.core.models import EDITORS_GROUP
from providers.models import Listing, ListingChange, ModerationDecision, Organisation, Verification
from tests.factories import UserFactory
from tests.mfa import enable_totp

from .conftest import listing_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_browser(db):
    editor = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(editor)
    browser = Client()
    browser.force_login(editor)
    browser.editor = editor
    return browser


def _edit(client, listing, on_commit=None, **changes):
    return client.post(reverse("providers:listing_edit", args=[listing.pk]), listing_form_data(listing, **changes))


def test_new_words_wait_for_an_editor_while_prices_go_live(client, owner, published_listing):
    client.force_login(owner)
    rate = published_listing.rates.get()
    rates = [{"id": rate.pk, "description": rate.description, "amount": "21.00"}]

    response = _edit(
        client,
        published_listing,
        title="Best care in town – ring 07700 900123",
        contact_phone="07700 900123",
        rates=rates,
        accepting_new_clients=False,
    )

    assert response.status_code == 302
    published_listing.refresh_from_db()
    assert published_listing.title == "Published support"  # the public keeps the approved words
    assert published_listing.contact_phone == ""
    assert str(published_listing.rates.get().amount) == "21.00"  # prices go live at once
    assert published_listing.accepting_new_clients is False
    change = ListingChange.objects.get(listing=published_listing)
    assert change.fields == {"title": "Best care in town – ring 07700 900123", "contact_phone": "07700 900123"}
    public = client.get(reverse("listings:detail", args=[published_listing.slug])).content.decode()
    assert "Best care in town" not in public
    editor_page = client.get(reverse("providers:listing_edit", args=[published_listing.pk])).content.decode()
    assert "Changes waiting for an editor" in editor_page
    assert 'value="Best care in town – ring 07700 900123"' in editor_page  # the provider sees their new version


def test_saving_again_updates_the_one_waiting_change_and_putting_words_back_drops_it(client, owner, published_listing):
    client.force_login(owner)
    _edit(client, published_listing, title="First new title")
    _edit(client, published_listing, title="Second new title")
    assert ListingChange.objects.get().fields == {"title": "Second new title"}

    _edit(client, published_listing, title="Published support")

    assert not ListingChange.objects.exists()


def test_a_draft_changes_freely(client, owner, listing):
    client.force_login(owner)
    _edit(client, listing, title="A new draft title")
    listing.refresh_from_db()
    assert listing.title == "A new draft title" and not ListingChange.objects.exists()


def test_an_editor_publishes_the_changes(
    client, owner, published_listing, editor_browser, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    _edit(client, published_listing, summary="Now with evening visits too.")
    queue = editor_browser.get(reverse("providers_admin:listing_queue") + "?status=changes").content.decode()
    assert "Published support" in queue and "Changes waiting" in queue
    review = editor_browser.get(reverse("providers_admin:listing_review", args=[published_listing.pk])).content
    assert "Now with evening visits too." in review.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_browser.post(
            reverse("providers_admin:listing_action", args=[published_listing.pk, "approve_change"])
        )

    assert response.status_code == 302
    published_listing.refresh_from_db()
    assert published_listing.summary == "Now with evening visits too."
    assert published_listing.status == Listing.Status.PUBLISHED
    assert ListingChange.objects.get().status == ListingChange.Status.APPROVED
    assert ModerationDecision.objects.filter(action="approve_change", by=editor_browser.editor).exists()
    assert [message.subject for message in mail.outbox] == ["Your changes to “Published support” are published"]


def test_an_editor_turns_changes_down_with_a_reason(
    client, owner, published_listing, editor_browser, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    _edit(client, published_listing, contact_website="https://scam.example.net")
    url = reverse("providers_admin:listing_action", args=[published_listing.pk, "reject_change"])

    empty = editor_browser.post(url, {"reason": "  "}, follow=True)
    assert "Say why the changes are not approved" in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        editor_browser.post(url, {"reason": "That website is not yours."})

    published_listing.refresh_from_db()
    assert published_listing.contact_website == ""
    change = ListingChange.objects.get()
    assert (change.status, change.reason) == (ListingChange.Status.REJECTED, "That website is not yours.")
    assert "That website is not yours." in mail.outbox[0].body


def test_only_editors_decide_changes(client, owner, published_listing):
    client.force_login(owner)
    _edit(client, published_listing, title="Self-approved title")
    response = client.post(reverse("providers_admin:listing_action", args=[published_listing.pk, "approve_change"]))
    assert response.status_code in (302, 403)
    published_listing.refresh_from_db()
    assert published_listing.title == "Published support"


def test_a_published_listing_is_never_taken_down_to_be_sent_for_approval(client, owner, published_listing):
    client.force_login(owner)
    page = client.get(reverse("providers:listing_edit", args=[published_listing.pk])).content.decode()
    assert 'value="submit"' not in page


def test_a_regulator_registration_shows_as_unchecked_until_an_editor_checks_it(client, owner, published_listing):
    organisation = published_listing.supplier.organisation
    organisation.regulator, organisation.registration_number = Organisation.Regulator.CARE_INSPECTORATE, "CS2019123456"
    organisation.save()
    url = reverse("listings:detail", args=[published_listing.slug])

    before = client.get(url).content.decode()
    Verification.objects.create(
        supplier=organisation.supplier,
        kind=Verification.Kind.REGISTRATION,
        status=Verification.Status.VERIFIED,
        decided_at=timezone.make_aware(timezone.datetime(2026, 5, 4, 10)),
        issued_on=date(2019, 1, 1),
    )
    after = client.get(url).content.decode()

    assert "Registration number CS2019123456" in before and "Not checked yet" in before
    assert "Not checked yet" not in after and "An editor checked the registration on 4 May 2026" in after
