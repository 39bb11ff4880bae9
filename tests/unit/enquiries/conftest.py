"""People and a published listing for enquiry tests.

- ``owner`` acts for ``supplier`` (an organisation), whose ``listing`` is published and offers personal care.
- ``person`` asks for support; ``stranger`` has no part; ``other_owner`` acts for another supplier.
"""

import pytest
from django.utils import timezone

from providers.models import Listing, Need, ServiceType
from tests.factories import UserFactory
from tests.unit.providers.conftest import make_listing, make_organisation


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.org")


@pytest.fixture
def listing(owner):
    organisation = make_organisation(owner, name="Leith Home Support")
    now = timezone.now()
    listing = make_listing(
        organisation=organisation,
        title="Care at home in Leith",
        status=Listing.Status.PUBLISHED,
        published_at=now,
        last_confirmed_at=now,
        contact_phone="0131 496 0000",
        contact_email="hello@leith.example.org",
    )
    listing.needs.add(Need.objects.get(slug="personal-care", locale__language_code="en"))
    listing.service_types.add(ServiceType.objects.get(slug="care-at-home", locale__language_code="en"))
    return listing


@pytest.fixture
def supplier(listing):
    return listing.supplier


@pytest.fixture
def person(db):
    return UserFactory(email="person@example.org", display_name="Amina Khan")


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.org")


@pytest.fixture
def other_owner(db):
    user = UserFactory(email="other@example.org")
    make_organisation(user, name="Other Care")
    return user


def enquiry_data(**overrides):
    need = Need.objects.get(slug="personal-care", locale__language_code="en")
    data = {
        "needs": [need.pk],
        "area": "EH6",
        "days": ["0", "2"],
        "times": ["morning"],
        "hours_per_week": "6",
        "message": "My mother needs help getting up and dressed three mornings a week.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
