"""Listings stay current: fresh → due (reminder) → stale (demoted) → hidden → confirmed and visible again."""

import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from freezegun import freeze_time

from marketplace.core.models import EDITORS_GROUP
from providers import services
from providers.freshness import listings_needing_reminder, send_listing_reminders
from providers.models import Listing, Membership, Need, RateCardItem, ServiceType
from tests.factories import UserFactory, new_organisation, owner_has_mfa, personal_assistant

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def days(n):
    return T0 + timedelta(days=n)


@pytest.fixture(autouse=True)
def _freshness_settings(settings):
    settings.LISTING_RECONFIRM_AFTER_DAYS = 183
    settings.LISTING_STALE_GRACE_DAYS = 30
    settings.LISTING_REMINDER_DAYS = 14


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org")


@pytest.fixture
def editor():
    return UserFactory(groups=[EDITORS_GROUP])


def make_listing(owner_user, *, slug="support-at-home", organisation=None, personal_assistant=None):
    if organisation is None and personal_assistant is None:
        organisation = new_organisation("Leith Care Co-op", slug=f"org-{slug}", kind="charity")
        Membership.objects.create(user=owner_user, supplier=organisation.supplier, role="owner")
        owner_has_mfa(owner_user)
    listing = Listing.objects.create(
        supplier=(organisation or personal_assistant).supplier,
        title="Support at home in Leith",
        slug=slug,
        summary="Personal care and help around the house.",
        base_postcode="EH6 6QU",
        latitude=55.97,
        longitude=-3.17,
        radius_km=Decimal("10"),
        contact_phone="0131 496 0000",
    )
    listing.service_types.add(ServiceType.objects.get(slug="care-at-home"))
    listing.needs.add(Need.objects.get(slug="personal-care"))
    RateCardItem.objects.create(listing=listing, description="Daytime support", amount=Decimal("24.50"))
    return listing


def publish(listing, owner_user, editor):
    with freeze_time(T0):
        services.submit_listing(listing, owner_user)
        services.approve_listing(listing, editor)
    listing.refresh_from_db()
    return listing


def visible(listing):
    return Listing.objects.publicly_visible().filter(pk=listing.pk).exists()


def remind(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return send_listing_reminders()


def test_listing_ages_is_reminded_once_demoted_hidden_and_confirmed(owner, editor, django_capture_on_commit_callbacks):
    listing = publish(make_listing(owner), owner, editor)
    mail.outbox = []  # the approval email

    with freeze_time(days(100)):
        assert listing.freshness() == Listing.Freshness.FRESH
        assert visible(listing)
        assert remind(django_capture_on_commit_callbacks) == 0

    with freeze_time(days(170)):  # 13 days before reconfirmation is due
        assert listing.freshness() == Listing.Freshness.DUE
        assert visible(listing)
        assert remind(django_capture_on_commit_callbacks) == 1
        assert len(mail.outbox) == 1
        reminder = mail.outbox[0]
        assert reminder.to == ["owner@example.org"]
        assert "Please confirm your listing “Support at home in Leith”" in reminder.subject
        assert "7 July 2026" in reminder.body  # reconfirm by: T0 + 183 days
        assert f"/dashboard/listings/{listing.pk}/confirm/" in reminder.body
        assert remind(django_capture_on_commit_callbacks) == 0  # once only

    with freeze_time(days(190)):
        listing.refresh_from_db()
        assert listing.freshness() == Listing.Freshness.STALE  # demoted, still shown
        assert visible(listing)
        assert remind(django_capture_on_commit_callbacks) == 0  # already reminded since the last confirmation
        assert len(mail.outbox) == 1

    with freeze_time(days(214)):
        assert listing.freshness() == Listing.Freshness.HIDDEN
        assert not visible(listing)
        assert remind(django_capture_on_commit_callbacks) == 0

        services.confirm_listing(listing, owner)
        listing.refresh_from_db()
        assert listing.freshness() == Listing.Freshness.FRESH
        assert listing.reconfirm_reminder_sent_at is None
        assert visible(listing)

    with freeze_time(days(214 + 170)):  # the next cycle reminds again
        assert remind(django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 2


def test_a_listing_first_found_stale_gets_the_stale_reminder(owner, editor, django_capture_on_commit_callbacks):
    listing = publish(make_listing(owner), owner, editor)
    mail.outbox = []
    with freeze_time(days(200)):
        assert remind(django_capture_on_commit_callbacks) == 1
    assert "will soon be hidden" in mail.outbox[0].subject
    assert "6 August 2026" in mail.outbox[0].body  # hidden from T0 + 213 days
    listing.refresh_from_db()
    assert listing.reconfirm_reminder_sent_at == days(200)


def test_reminder_goes_to_every_member_or_the_pa(owner, editor, django_capture_on_commit_callbacks):
    listing = publish(make_listing(owner), owner, editor)
    staff = UserFactory(email="staff@example.org")
    Membership.objects.create(user=staff, supplier=listing.supplier, role="staff")
    UserFactory(email="gone@example.org", is_active=False).memberships.create(supplier=listing.supplier)
    pa_user = UserFactory(email="kasia@example.org")
    pa = personal_assistant("Kasia", user=pa_user, employment="self_employed", home_postcode="EH6 6QU")
    publish(make_listing(pa_user, slug="pa-listing", personal_assistant=pa), pa_user, editor)
    mail.outbox = []
    with freeze_time(days(175)):
        assert remind(django_capture_on_commit_callbacks) == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "kasia@example.org",
        "owner@example.org",
        "staff@example.org",
    ]


def test_only_published_listings_are_reminded(owner, editor, django_capture_on_commit_callbacks):
    listing = publish(make_listing(owner), owner, editor)
    with freeze_time(T0):
        services.suspend_listing(listing, editor, "Complaint")
    mail.outbox = []
    with freeze_time(days(175)):
        assert not listings_needing_reminder().exists()
        assert remind(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_management_command_reports_how_many(owner, editor, django_capture_on_commit_callbacks):
    publish(make_listing(owner), owner, editor)
    out = io.StringIO()
    with freeze_time(days(175)), django_capture_on_commit_callbacks(execute=True):
        call_command("send_listing_reminders", stdout=out)
    assert "Reminded the owners of 1 listing(s)." in out.getvalue()


def test_task_wrappers_run_the_jobs(owner, editor, django_capture_on_commit_callbacks):
    from providers import tasks

    publish(make_listing(owner), owner, editor)
    with freeze_time(days(175)), django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_listing_reminders.call() == 1
        assert tasks.send_verification_reminders.call() == 0
