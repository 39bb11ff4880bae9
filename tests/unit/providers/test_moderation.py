"""The moderation queue in the Wagtail admin: editors review listings and approve, send back, suspend or reinstate."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from marketplace.core.models import EDITORS_GROUP
from providers import services
from providers.models import (
    Listing,
    ListingPhoto,
    Membership,
    ModerationDecision,
    Need,
    Organisation,
    RateCardItem,
    ServiceType,
    Verification,
)
from tests.factories import UserFactory, new_organisation, owner_has_mfa, personal_assistant
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/providers/listings/"


def make_listing(owner_user, *, title="Support at home in Leith", status=Listing.Status.SUBMITTED, organisation=None):
    if organisation is None:
        organisation = new_organisation(
            f"Leith Care Co-op {Organisation.objects.count()}",
            slug=f"leith-{owner_user.pk}-{Organisation.objects.count()}",
            kind="charity",
        )
        Membership.objects.get_or_create(user=owner_user, supplier=organisation.supplier, defaults={"role": "owner"})
    listing = Listing.objects.create(
        supplier=organisation.supplier,
        title=title,
        slug=f"listing-{Listing.objects.count()}-{owner_user.pk}",
        summary="Personal care and help around the house.",
        description="<p>We support <strong>adults</strong> at home.</p><script>alert(1)</script>",
        base_postcode="EH6 6QU",
        base_label="Leith",
        latitude=55.97,
        longitude=-3.17,
        radius_km=Decimal("10"),
        contact_phone="0131 496 0000",
        status=status,
    )
    listing.service_types.add(ServiceType.objects.get(slug="care-at-home"))
    listing.needs.add(Need.objects.get(slug="personal-care"))
    RateCardItem.objects.create(listing=listing, description="Daytime support", amount=Decimal("24.50"))
    return listing


def tiny_png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("kitchen.png", buffer.getvalue(), content_type="image/png")


def action_url(listing, action):
    return reverse("providers_admin:listing_action", args=[listing.pk, action])


@pytest.fixture
def editor():
    user = UserFactory(email="editor@example.org", display_name="Eilidh Editor", groups=[EDITORS_GROUP])
    enable_totp(user)
    return user


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org")


@pytest.fixture
def listing(owner):
    return make_listing(owner)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_queue_lists_waiting_listings_first(editor_client, owner):
    make_listing(owner, title="Aardvark day centre", status=Listing.Status.PUBLISHED)
    make_listing(owner, title="Zebra short breaks", status=Listing.Status.SUBMITTED)
    response = editor_client.get(QUEUE_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.index("Zebra short breaks") < content.index("Aardvark day centre")


def test_queue_filters_by_status(editor_client, owner):
    make_listing(owner, title="Aardvark day centre", status=Listing.Status.PUBLISHED)
    make_listing(owner, title="Zebra short breaks", status=Listing.Status.SUBMITTED)
    content = editor_client.get(QUEUE_URL, {"status": "published"}).content.decode()
    assert "Aardvark day centre" in content
    assert "Zebra short breaks" not in content


def test_review_page_shows_every_public_fact_and_history(editor_client, owner, listing, editor):
    ListingPhoto.objects.create(listing=listing, image=tiny_png(), alt_text="Two people laughing in a kitchen")
    Verification.objects.create(supplier=listing.supplier, kind="insurance", status="pending")
    listing.summary = "Personal care, cooking and shopping."
    listing.save()
    ModerationDecision.objects.create(listing=listing, action="submit", by=owner)
    response = editor_client.get(reverse("providers_admin:listing_review", args=[listing.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    for fact in [
        "Support at home in Leith",
        "Personal care, cooking and shopping.",
        "<strong>adults</strong>",
        "owner@example.org",
        "Within 10.0 km of Leith",
        "Daytime support",
        "£24.50",
        "Two people laughing in a kitchen",
        "Public liability insurance",
        "Submitted for approval",
    ]:
        assert fact in content, fact
    assert "<script>alert(1)</script>" not in content
    # The field history says what changed, from what to what.
    assert "Personal care and help around the house." in content
    assert "→" in content


def test_editor_approves_and_owner_is_told(editor_client, listing, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(action_url(listing, "approve"), follow=True)
    assert response.status_code == 200
    assert "is published" in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.published_at is not None
    assert listing.last_confirmed_at is not None
    decision = ModerationDecision.objects.get(listing=listing)
    assert (decision.action, decision.by) == ("approve", editor)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.org"]
    assert "is published" in mail.outbox[0].subject
    assert f"/dashboard/listings/{listing.pk}/" in mail.outbox[0].body


def test_send_back_needs_a_reason(editor_client, listing, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(action_url(listing, "reject"), {"reason": "  "}, follow=True)
    assert "Say why the listing is being sent back" in response.content.decode()
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    assert not ModerationDecision.objects.exists()
    assert mail.outbox == []


def test_send_back_with_a_reason_returns_it_to_draft(editor_client, listing, django_capture_on_commit_callbacks):
    reason = "Please add your weekend prices & say which areas of Leith you cover."
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(action_url(listing, "reject"), {"reason": reason})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT
    assert ModerationDecision.objects.get(listing=listing).reason == reason
    assert len(mail.outbox) == 1
    assert reason in mail.outbox[0].body  # plain text: not HTML-escaped


def test_suspend_needs_a_reason_then_reinstate(editor_client, owner, django_capture_on_commit_callbacks):
    listing = make_listing(owner, status=Listing.Status.PUBLISHED)
    editor_client.post(action_url(listing, "suspend"), {"reason": ""})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(action_url(listing, "suspend"), {"reason": "Complaint under investigation"})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUSPENDED
    assert "Complaint under investigation" in mail.outbox[-1].body
    editor_client.post(action_url(listing, "reinstate"))
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED


def test_approving_twice_is_refused_with_a_message(editor_client, owner):
    listing = make_listing(owner, status=Listing.Status.PUBLISHED)
    response = editor_client.post(action_url(listing, "approve"), follow=True)
    assert "Only a listing waiting for approval can be approved." in response.content.decode()
    assert not ModerationDecision.objects.exists()


def test_actions_need_post(editor_client, listing):
    assert editor_client.get(action_url(listing, "approve")).status_code == 405
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED


def test_unknown_action_is_404(editor_client, listing):
    assert editor_client.post(action_url(listing, "publish-everything")).status_code == 404


def _admin_user_who_is_not_an_editor():
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(groups=["Admin access only"])
    enable_totp(user)
    return user


@pytest.mark.parametrize("who", ["anonymous", "plain", "owner", "pa", "admin_not_editor"])
def test_others_cannot_open_the_queue_or_act(client, owner, listing, who, django_capture_on_commit_callbacks):
    if who == "plain":
        client.force_login(UserFactory())
    elif who == "owner":
        client.force_login(owner)
    elif who == "pa":
        pa_user = UserFactory()
        personal_assistant("Kasia", user=pa_user, employment="self_employed", home_postcode="EH6 6QU")
        client.force_login(pa_user)
    elif who == "admin_not_editor":
        client.force_login(_admin_user_who_is_not_an_editor())
    urls = [QUEUE_URL, reverse("providers_admin:listing_review", args=[listing.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "login" in response["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        for action in ["approve", "reject", "suspend", "reinstate"]:
            response = client.post(action_url(listing, action), {"reason": "because"})
            assert response.status_code in (302, 403)
            if response.status_code == 302:
                assert "login" in response["Location"]
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    assert not ModerationDecision.objects.exists()
    assert mail.outbox == []


def test_admin_user_who_is_not_an_editor_gets_403(client, listing):
    client.force_login(_admin_user_who_is_not_an_editor())
    assert client.get(QUEUE_URL).status_code == 403
    assert client.post(action_url(listing, "approve")).status_code == 403


def test_dashboard_panel_counts_what_is_waiting(editor_client, owner, listing):
    make_listing(owner, title="Second one")
    Verification.objects.create(supplier=listing.supplier, kind="insurance", status="pending")
    stale = make_listing(owner, title="Stale", status=Listing.Status.PUBLISHED)
    from django.utils import timezone

    Listing.objects.filter(pk=stale.pk).update(last_confirmed_at=timezone.now() - timezone.timedelta(days=190))
    content = editor_client.get("/admin/").content.decode()
    assert "2 listings waiting for approval" in content
    assert "1 check waiting to be verified" in content
    assert "1 published listing not confirmed recently" in content
    assert "0 published listings hidden until confirmed" in content
    assert f"{QUEUE_URL}?status=submitted" in content
    assert "Listings (2)" in content  # the menu item's badge


def test_dashboard_panel_is_not_shown_to_non_editors(client):
    client.force_login(_admin_user_who_is_not_an_editor())
    content = client.get("/admin/").content.decode()
    assert "listings waiting for approval" not in content


def test_stale_filter_finds_demoted_listings(editor_client, owner):
    from django.utils import timezone

    stale = make_listing(owner, title="Not confirmed lately", status=Listing.Status.PUBLISHED)
    make_listing(owner, title="Just confirmed", status=Listing.Status.PUBLISHED)
    Listing.objects.update(last_confirmed_at=timezone.now())
    Listing.objects.filter(pk=stale.pk).update(last_confirmed_at=timezone.now() - timezone.timedelta(days=190))
    content = editor_client.get(QUEUE_URL, {"freshness": "stale"}).content.decode()
    assert "Not confirmed lately" in content
    assert "Not confirmed recently" in content  # its freshness, as the queue shows it
    assert "Just confirmed" not in content


def _queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE_URL)
    assert response.status_code == 200
    return len(queries)


def test_queue_query_count_does_not_grow_with_listings(editor_client, owner):
    organisation = make_listing(owner, title="First").supplier.organisation
    pa_user = UserFactory()
    pa = personal_assistant("Kasia", user=pa_user, employment="self_employed", home_postcode="EH6 6QU")
    _queue_queries(editor_client)  # warm caches (content types, site, locale)
    one = _queue_queries(editor_client)
    for number in range(14):
        if number % 2:
            make_listing(owner, title=f"Listing {number}", organisation=organisation)
        else:
            Listing.objects.create(supplier=pa.supplier, title=f"PA listing {number}", slug=f"pa-{number}", summary="x")
    assert Listing.objects.count() == 15
    fifteen = _queue_queries(editor_client)
    assert fifteen == one, (one, fifteen)


def test_services_still_refuse_non_editors(owner, listing):
    """The admin is not the only guard: the service itself refuses."""
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.approve_listing(listing, owner)


@pytest.mark.parametrize("model", ["need", "servicetype", "fundingoption", "language", "councilarea"])
def test_editors_manage_the_taxonomies_in_the_directory_menu(editor_client, model):
    from providers.models import CouncilArea

    CouncilArea.objects.get_or_create(name="City of Edinburgh", slug="city-of-edinburgh", country="Scotland")
    response = editor_client.get(f"/admin/snippets/providers/{model}/")
    assert response.status_code == 200
    assert editor_client.get(f"/admin/snippets/providers/{model}/", {"q": "a"}).status_code == 200
    assert editor_client.get(f"/admin/snippets/providers/{model}/add/").status_code == 200
    assert "Directory" in editor_client.get("/admin/").content.decode()


def test_taxonomy_terms_can_be_translated(editor_client):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="ur")
    need = Need.objects.get(slug="personal-care", locale=Locale.get_default())
    translate_url = reverse("wagtail_localize:submit_snippet_translation", args=["providers", "need", need.pk])
    assert translate_url in editor_client.get("/admin/snippets/providers/need/").content.decode()
    assert editor_client.get(translate_url).status_code == 200


@pytest.mark.django_db
def test_review_page_names_the_terms_that_changed(client, site_tree):
    from marketplace.core.models import EDITORS_GROUP
    from providers.models import Language, Listing, Membership
    from providers.seed import seed_default_taxonomies
    from tests.factories import UserFactory
    from tests.mfa import enable_totp

    seed_default_taxonomies()
    owner = UserFactory()
    organisation = new_organisation("Term History", slug="term-history", kind="charity")
    Membership.objects.create(user=owner, supplier=organisation.supplier, role="owner")
    owner_has_mfa(owner)
    listing = Listing.objects.create(supplier=organisation.supplier, title="Terms", slug="terms", summary="s")
    listing.languages.add(Language.objects.get(code="pl"))
    editor = UserFactory(groups=[EDITORS_GROUP])
    enable_totp(editor)
    client.force_login(editor)
    content = client.get(f"/admin/providers/listings/{listing.pk}/").content.decode()
    assert "Polish" in content
    assert "{&#x27;listing&#x27;" not in content and "{'listing'" not in content
