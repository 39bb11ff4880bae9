"""A list of ids with numbers no integer column can hold finds the rows the other ids find, on any database."""

import pytest

from home.models import Topic
from providers.models import Listing, Need
from tests.factories import TopicFactory
from tests.search_data import published_listing

pytestmark = pytest.mark.django_db

TOO_BIG, TOO_SMALL = 2**63, -(2**63) - 1


def test_ids_out_of_range_match_nothing_and_hide_nothing(site_tree):
    topic = TopicFactory(name="Paying a PA", slug="paying-a-pa")

    assert list(Topic.objects.filter(pk__in=[TOO_BIG, TOO_SMALL])) == []
    assert list(Topic.objects.filter(pk__in=[TOO_BIG, topic.pk, TOO_SMALL])) == [topic]
    assert Topic.objects.exclude(pk__in=[TOO_BIG]).filter(pk=topic.pk).exists()


def test_ids_out_of_range_through_a_relation(db):
    listing = published_listing("Dementia care", needs=["dementia"])
    dementia = Need.objects.get(slug="dementia", locale__language_code="en")

    assert list(Listing.objects.filter(needs__in=[TOO_BIG])) == []
    assert list(Listing.objects.filter(needs__in=[TOO_SMALL, dementia.pk])) == [listing]
