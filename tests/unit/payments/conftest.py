"""Suppliers and people for the payments tests, and the settings that point the site at a real Stripe test server.

- ``owner`` owns ``supplier`` (an organisation); ``staff`` is a member of it without the right to manage it;
  ``stranger`` has no part in it.
- ``on_stripe_mock`` / ``on_localstripe``: the site's Stripe key and API address set to that server.
"""

import pytest
from django.test import Client

from providers.models import Membership
from tests.factories import UserFactory
from tests.stripe_servers import TEST_SECRET_KEY, signed_webhook, stripe_event
from tests.unit.providers.conftest import make_organisation


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.org")


@pytest.fixture
def supplier(owner):
    return make_organisation(owner, name="Leith Home Support", email="accounts@leith.example.org").supplier


@pytest.fixture
def staff(supplier):
    user = UserFactory(email="staff@example.org")
    Membership.objects.create(user=user, supplier=supplier, role=Membership.Role.STAFF)
    return user


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.org")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def on_stripe_mock(settings, stripe_mock_url):
    settings.STRIPE_SECRET_KEY = TEST_SECRET_KEY
    settings.STRIPE_API_BASE = stripe_mock_url
    return stripe_mock_url


@pytest.fixture
def on_localstripe(settings, localstripe_url):
    settings.STRIPE_SECRET_KEY = TEST_SECRET_KEY
    settings.STRIPE_API_BASE = localstripe_url
    return localstripe_url


def post_event(client, event, *, secret=None, timestamp=None):
    """Send `event` to the site's webhook as Stripe would, signed with the site's secret (or another)."""
    from django.conf import settings

    body, signature = signed_webhook(event, secret or settings.STRIPE_WEBHOOK_SECRET, timestamp=timestamp)
    return client.post(
        "/payments/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


def account_event(stripe_mock_client, account_id, *, created, **fields):
    """An `account.updated` event for `account_id`, the account shaped as stripe-mock (Stripe's own fixtures) has it."""
    account = stripe_mock_client.v1.accounts.retrieve(account_id).to_dict(for_json=True)
    requirements = fields.pop("currently_due", None)
    account.update(fields)
    if requirements is not None:
        account["requirements"]["currently_due"] = requirements
    return stripe_event("account.updated", account, account=account_id, created=created)
