"""Bad answers on the review form: a clear, translated error next to the question, a 400, nothing saved, and
everything else the reviewer typed kept."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews.models import Review

from .conftest import review_data

pytestmark = pytest.mark.django_db

NEXT_YEAR = str(timezone.localdate().year + 1)
CASES = [
    ({"overall": ""}, "Choose an overall rating from 1 to 5 stars"),
    ({"overall": "6"}, "Choose a rating from 1 to 5 stars"),
    ({"overall": "0"}, "Choose a rating from 1 to 5 stars"),
    ({"overall": "-1"}, "Choose a rating from 1 to 5 stars"),
    ({"reliability": "11"}, "Choose a rating from 1 to 5 stars"),
    ({"value": "five"}, "Choose a rating from 1 to 5 stars"),
    ({"text": ""}, "Write your review"),
    ({"text": "   "}, "Write your review"),
    ({"text": "Great."}, "Write at least 30 characters"),
    ({"text": "x" * 5001}, "Write 5000 characters or fewer"),
    ({"text": "<script>alert('hi')</script> Lovely carer who always came on time."}, "without HTML tags"),
    ({"started_month": "13"}, "as a number from 1 to 12"),
    ({"started_month": ""}, "Enter the month your support started"),
    ({"started_year": "twenty"}, "Enter the year your support started"),
    ({"started_year": "1900"}, "Enter a year from 1950 onwards"),
    ({"started_year": NEXT_YEAR}, "this month or earlier"),
    ({"stamps": ["not-a-stamp"]}, "Choose only from the stamps shown"),
    ({"language": "klingon"}, "Choose a language from the list"),
    ({"reason_reliable": ""}, "Say why you endorse “Reliable”"),
    ({"reason_reliable": "y" * 301}, "Write 300 characters or fewer"),
    ({"reason_reliable": "<img src=x onerror=alert(1)>"}, "without HTML tags"),
]


@pytest.mark.parametrize(("change", "message"), CASES)
def test_bad_answers_are_explained_and_nothing_is_saved(client, invitation, client_user, change, message):
    client.force_login(client_user)

    response = client.post(reverse("reviews:invitation", args=[invitation.token]), review_data(**change))

    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert not Review.objects.exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None  # the invitation still works for the corrected review
    if "text" not in change:
        assert "Comes every morning on time" in page  # what they wrote is kept


def test_errors_are_translated(client, invitation, client_user):
    client.force_login(client_user)
    with translation.override("pl"):
        url = reverse("reviews:invitation", args=[invitation.token])
    response = client.post(url, review_data(overall="9"))
    with translation.override("pl"):
        expected = translation.gettext("Choose a rating from 1 to 5 stars")
    assert response.status_code == 400 and expected in response.content.decode()
    assert expected != "Choose a rating from 1 to 5 stars"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    overall=st.text(max_size=5),
    month=st.text(max_size=4),
    year=st.text(max_size=6),
    text=st.text(max_size=400),
    stamps=st.lists(st.text(max_size=30), max_size=3),
)
def test_any_answers_give_a_page_never_a_server_error(client, peer, listing, overall, month, year, text, stamps):
    client.force_login(peer)
    data = review_data(overall=overall, started_month=month, started_year=year, text=text, stamps=stamps)
    data = {key: value.replace("\x00", "") if isinstance(value, str) else value for key, value in data.items()}
    data["stamps"] = [value.replace("\x00", "") for value in data["stamps"]]

    response = client.post(reverse("reviews:write", args=[listing.slug]), data)

    assert response.status_code in (302, 400)
    Review.objects.all().delete()
