"""Whatever is typed into the enquiry and message forms: a clear, translated error, a 4xx, and nothing saved."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from marketplace.enquiries.models import Enquiry, Message

from .conftest import enquiry_data

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(['"', "\x00", "\"'>", "9223372036854775808", "-1", "", " ", "\u202egnp.exe", "<script>"]),
)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"area": ""}, "Enter the first part of the postcode, or a town"),
        ({"area": "Nowheresville Upon Sea"}, "We cannot find"),
        ({"message": "hi"}, "Write at least 10 characters"),
        ({"message": "x" * 3001}, "Write 3000 characters or fewer"),
        ({"hours_per_week": "200"}, "A week has 168 hours"),
        ({"hours_per_week": "lots"}, "Enter the hours as a whole number"),
        ({"start_date": "2001-01-01"}, "The start date cannot be in the past"),
        ({"days": ["9"]}, "Select a valid choice"),
        ({"needs": ["9223372036854775808"]}, "Select a valid choice"),
        ({"funding_option": "99999"}, "Choose how it will be paid for from the list"),
    ],
)
def test_bad_enquiries_are_explained_and_not_saved(client, person, listing, overrides, message):
    client.force_login(person)
    response = client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data(**overrides))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "There is a problem" in page
    assert not Enquiry.objects.exists()


def test_errors_are_translated(client, person, listing):
    client.force_login(person)
    response = client.post(reverse("enquiries:new", args=[listing.slug]).replace("/enquiries", "/ur/enquiries", 1), {})
    assert response.status_code == 400
    assert 'lang="ur"' in response.content.decode()
    assert "Enter the first part of the postcode, or a town" not in response.content.decode()


@pytest.mark.usefixtures("listing")
class TestAnyInput(HypothesisTestCase):
    """Hypothesis over every field of the enquiry form: never a 500, and a 400 saves nothing."""

    @pytest.fixture(autouse=True)
    def _people(self, person, listing):
        self.person, self.listing = person, listing

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        area=HOSTILE,
        days=st.lists(HOSTILE, max_size=3),
        hours=HOSTILE,
        start=HOSTILE,
        message=HOSTILE,
        funding=HOSTILE,
        language=HOSTILE,
    )
    def test_never_a_server_error(self, area, days, hours, start, message, funding, language):
        self.client.force_login(self.person)
        data = {
            "area": area,
            "days": days,
            "hours_per_week": hours,
            "start_date": start,
            "message": message,
            "funding_option": funding,
            "language": language,
        }
        before = (Enquiry.objects.count(), Message.objects.count())
        response = self.client.post(reverse("enquiries:new", args=[self.listing.slug]), data)
        assert response.status_code in (302, 400, 429)
        if response.status_code != 302:
            assert (Enquiry.objects.count(), Message.objects.count()) == before
