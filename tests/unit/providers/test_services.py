"""The listing workflow: draft → submitted → published ↔ suspended → archived, with reasons and history."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from freezegun import freeze_time

from marketplace.core.models import EDITORS_GROUP
from providers import services
from providers.models import Listing, Membership, ModerationDecision, Need, RateCardItem, ServiceType
from tests.factories import UserFactory, new_organisation, owner_has_mfa

pytestmark = pytest.mark.django_db


def make_listing(owner_user, **fields):
    organisation = new_organisation("Leith Care Co-op", slug=f"leith-{owner_user.pk}", kind="charity")
    Membership.objects.create(user=owner_user, supplier=organisation.supplier, role="owner")
    owner_has_mfa(owner_user)
    listing = Listing.objects.create(
        supplier=organisation.supplier,
        title="Support at home in Leith",
        slug=f"support-at-home-{owner_user.pk}",
        summary="Personal care and help around the house.",
        base_postcode="EH6 6QU",
        latitude=55.97,
        longitude=-3.17,
        radius_km=Decimal("10"),
        contact_phone="0131 496 0000",
        **fields,
    )
    listing.service_types.add(ServiceType.objects.get(slug="care-at-home"))
    listing.needs.add(Need.objects.get(slug="personal-care"))
    RateCardItem.objects.create(listing=listing, description="Daytime support", amount=Decimal("24.50"))
    return listing


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def editor():
    return UserFactory(groups=[EDITORS_GROUP])


def test_submit_needs_everything_a_visitor_would_look_for(owner):
    listing = make_listing(owner)
    listing.rates.all().delete()
    listing.needs.clear()
    with pytest.raises(ValidationError) as error:
        services.submit_listing(listing, owner)
    assert "at least one need" in str(error.value)
    assert "rate card" in str(error.value)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT


def test_full_workflow_records_each_decision(owner, editor):
    listing = make_listing(owner)
    services.submit_listing(listing, owner)
    assert listing.status == Listing.Status.SUBMITTED
    services.approve_listing(listing, editor)
    assert listing.status == Listing.Status.PUBLISHED
    assert listing.last_confirmed_at is not None
    assert Listing.objects.publicly_visible().filter(pk=listing.pk).exists()
    services.suspend_listing(listing, editor, "Complaint under investigation")
    assert not Listing.objects.publicly_visible().filter(pk=listing.pk).exists()
    services.reinstate_listing(listing, editor)
    services.archive_listing(listing, owner)
    actions = list(
        ModerationDecision.objects.filter(listing=listing).order_by("at", "pk").values_list("action", flat=True)
    )
    assert actions == ["submit", "approve", "suspend", "reinstate", "archive"]
    assert ModerationDecision.objects.get(listing=listing, action="suspend").reason == "Complaint under investigation"


def test_only_editors_approve(owner):
    listing = make_listing(owner)
    services.submit_listing(listing, owner)
    with pytest.raises(PermissionDenied):
        services.approve_listing(listing, owner)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED


def test_sending_back_needs_a_reason(owner, editor):
    listing = make_listing(owner)
    services.submit_listing(listing, owner)
    with pytest.raises(ValidationError):
        services.reject_listing(listing, editor, "   ")
    services.reject_listing(listing, editor, "Add your insurance details")
    assert listing.status == Listing.Status.DRAFT


def test_price_changes_are_recorded_in_history(owner):
    listing = make_listing(owner)
    rate = listing.rates.get()
    rate.amount = Decimal("26.00")
    rate.save()
    amounts = [record.amount for record in rate.history.order_by("history_date")]
    assert amounts == [Decimal("24.50"), Decimal("26.00")]
    listing.title = "Support at home across Leith"
    listing.save()
    latest, previous = listing.history.order_by("-history_date")[:2]
    changed = {change.field for change in latest.diff_against(previous).changes}
    assert changed == {"title"}


def test_listing_goes_stale_then_hidden_until_confirmed(owner, editor, settings):
    with freeze_time("2026-01-01"):
        listing = make_listing(owner)
        services.submit_listing(listing, owner)
        services.approve_listing(listing, editor)
        assert listing.freshness() == Listing.Freshness.FRESH
    due = settings.LISTING_RECONFIRM_AFTER_DAYS - settings.LISTING_REMINDER_DAYS
    with freeze_time("2026-01-01") as clock:
        clock.tick(timedelta(days=due + 1))
        assert listing.freshness() == Listing.Freshness.DUE
        clock.tick(timedelta(days=settings.LISTING_REMINDER_DAYS))
        assert listing.freshness() == Listing.Freshness.STALE
        assert Listing.objects.publicly_visible().filter(pk=listing.pk).exists()
        clock.tick(timedelta(days=settings.LISTING_STALE_GRACE_DAYS))
        assert listing.freshness() == Listing.Freshness.HIDDEN
        assert not Listing.objects.publicly_visible().filter(pk=listing.pk).exists()
        services.confirm_listing(listing, owner)
        assert listing.freshness() == Listing.Freshness.FRESH
        assert Listing.objects.publicly_visible().filter(pk=listing.pk).exists()


def test_a_listing_has_exactly_one_supplier(owner):
    listing = make_listing(owner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.create(title="Nobody's", slug="nobody", summary="x")
    assert listing.supplier.profile == listing.supplier.organisation
    assert list(listing.supplier.members.all()) == [owner]


def test_object_permissions(owner, editor):
    listing = make_listing(owner)
    stranger = UserFactory()
    assert owner.has_perm("providers.edit_listing", listing)
    assert not stranger.has_perm("providers.edit_listing", listing)
    assert not editor.has_perm("providers.edit_listing", listing)
    assert editor.has_perm("providers.moderate_listing")
    assert not owner.has_perm("providers.moderate_listing")


def test_taxonomies_are_seeded():
    assert Need.objects.count() == 13
    assert ServiceType.objects.filter(slug="personal-assistant").exists()


def test_anonymous_visitors_have_no_provider_permissions(owner):
    from django.contrib.auth.models import AnonymousUser

    listing = make_listing(owner)
    anonymous = AnonymousUser()
    assert not anonymous.has_perm("providers.edit_listing", listing)
    assert not anonymous.has_perm("providers.manage_supplier", listing.supplier)
    assert not anonymous.has_perm("providers.act_for_supplier", listing.supplier)


def test_changes_to_needs_and_languages_are_in_the_history(owner):
    from providers.models import Language

    listing = make_listing(owner)
    listing.needs.add(Need.objects.get(slug="dementia"))
    listing.languages.add(Language.objects.get(code="pl"))
    latest, previous = listing.history.order_by("-history_date", "-history_id")[:2]
    changed = {change.field for change in latest.diff_against(previous).changes}
    assert changed == {"languages"}
    assert [row.language.code for row in latest.languages.all()] == ["pl"]
    assert "dementia" in {row.need.slug for row in latest.needs.all()}
