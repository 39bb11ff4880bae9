"""The migration to one supplier keeps every row and its history, at demo size (run on SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from .conftest import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("providers", "0008_suppliers")]
ORGANISATIONS, ASSISTANTS = 200, 280




def _old_world(apps):
    """Demo-sized data as it was: listings, checks, members and invitations of organisations or PAs."""
    User = apps.get_model("marketplace", "User")
    Organisation = apps.get_model("providers", "Organisation")
    PersonalAssistant = apps.get_model("providers", "PersonalAssistant")
    Membership = apps.get_model("providers", "Membership")
    Invitation = apps.get_model("providers", "Invitation")
    Listing = apps.get_model("providers", "Listing")
    HistoricalListing = apps.get_model("providers", "HistoricalListing")
    Verification = apps.get_model("providers", "Verification")
    now = timezone.now()
    users = User.objects.bulk_create(
        [User(email=f"person{n}@example.org", password="!") for n in range(ORGANISATIONS + ASSISTANTS + 50)]
    )
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Provider {n}",
                slug=f"provider-{n}",
                kind="charity",
                email=f"hello{n}@example.org",
                phone=f"0131 496 {n:04d}",
                website=f"https://provider{n}.example.org",
            )
            for n in range(ORGANISATIONS)
        ]
    )
    assistants = PersonalAssistant.objects.bulk_create(
        [
            PersonalAssistant(
                user=users[ORGANISATIONS + n], display_name=f"PA {n}", employment="self_employed", home_postcode="EH1"
            )
            for n in range(ASSISTANTS)
        ]
    )
    Membership.objects.bulk_create(
        [Membership(user=users[n], organisation=organisation, role="owner") for n, organisation in enumerate(organisations)]
        + [Membership(user=users[-1 - n], organisation=organisations[n], role="staff") for n in range(50)]
    )
    Invitation.objects.bulk_create(
        [
            Invitation(organisation=organisations[n], email=f"new{n}@example.org", token=f"t{n}", expires_at=now)
            for n in range(30)
        ]
    )
    owners = [{"organisation": organisation} for organisation in organisations]
    owners += [{"personal_assistant": assistant} for assistant in assistants]
    listings = Listing.objects.bulk_create(
        [
            Listing(title=f"Listing {n}", slug=f"listing-{n}", summary="s", **owners[n % len(owners)])
            for n in range(640)
        ]
    )
    HistoricalListing.objects.bulk_create(
        [
            HistoricalListing(
                id=listing.pk,
                title=listing.title + (" (old)" if version == 0 else ""),
                slug=listing.slug,
                summary="s",
                organisation_id=listing.organisation_id,
                personal_assistant_id=listing.personal_assistant_id,
                area_kind="radius",
                status="draft",
                created_at=now,
                history_date=now - timedelta(days=2 - version),
                history_type="+" if version == 0 else "~",
            )
            for listing in listings
            for version in range(2)
        ]
    )
    Verification.objects.bulk_create(
        [Verification(kind="insurance", **owners[n]) for n in range(0, len(owners), 2)]
    )
    return {listing.pk: (listing.organisation_id, listing.personal_assistant_id) for listing in listings}


def test_every_row_and_its_history_gets_its_supplier():
    old_apps = migrate(BEFORE)
    owner_of = _old_world(old_apps)
    organisation_names = {pk: f"Provider {pk_index}" for pk_index, pk in enumerate(sorted(
        old_apps.get_model("providers", "Organisation").objects.values_list("pk", flat=True)
    ))}
    counts = {
        name: old_apps.get_model("providers", name).objects.count()
        for name in ("Listing", "HistoricalListing", "Verification", "Invitation")
    }

    new_apps = migrate(latest("providers"))

    Supplier = new_apps.get_model("providers", "Supplier")
    Listing = new_apps.get_model("providers", "Listing")
    HistoricalListing = new_apps.get_model("providers", "HistoricalListing")
    Membership = new_apps.get_model("providers", "Membership")
    assert Supplier.objects.filter(kind="organisation").count() == ORGANISATIONS
    assert Supplier.objects.filter(kind="personal_assistant").count() == ASSISTANTS
    for name, count in counts.items():
        assert new_apps.get_model("providers", name).objects.count() == count, name
    # Every membership stays, and each PA became the owner of their own supplier.
    assert Membership.objects.count() == ORGANISATIONS + 50 + ASSISTANTS
    assert Membership.objects.filter(supplier__kind="personal_assistant", role="owner").count() == ASSISTANTS
    # Listings and their history point at the supplier of the organisation or PA they had.
    for listing in Listing.objects.select_related("supplier__organisation", "supplier__personal_assistant"):
        organisation_id, assistant_id = owner_of[listing.pk]
        if organisation_id:
            assert listing.supplier.organisation.pk == organisation_id
            assert listing.supplier.name == organisation_names[organisation_id]
        else:
            assert listing.supplier.personal_assistant.pk == assistant_id
    history = HistoricalListing.objects.values_list("id", "supplier_id")
    current = dict(Listing.objects.values_list("pk", "supplier_id"))
    assert all(supplier_id == current[listing_id] for listing_id, supplier_id in history)
    organisation = new_apps.get_model("providers", "Organisation").objects.select_related("supplier").first()
    assert organisation.supplier.website.startswith("https://provider")
