"""Ids too big (or too small) for any database column, in the listing editor's and the PA profile's choices: the
field's usual "Select a valid choice" error, a 400 and nothing saved, never a 500."""

import pytest
from django.urls import reverse
from django.utils import translation

from providers.models import PersonalAssistant

from .conftest import listing_form_data, snapshot

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = ["9223372036854775808", "-9223372036854775809", "18446744073709551616"]
LISTING_CHOICES = ["needs", "service_types", "funding_options", "languages", "council_areas"]


def _says_select_a_valid_choice(response, value, language="en"):
    with translation.override(language):
        expected = translation.gettext("Select a valid choice. %(value)s is not one of the available choices.") % {
            "value": value
        }
    assert response.status_code == 400
    assert expected in response.content.decode()


@pytest.mark.parametrize("field", LISTING_CHOICES)
@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_listing_editor_choices(client, owner, listing, taxonomies, field, value):
    client.force_login(owner)
    before = snapshot(listing)

    response = client.post(
        reverse("providers:listing_edit", args=[listing.pk]), listing_form_data(listing, **{field: [value]})
    )

    _says_select_a_valid_choice(response, value)
    assert snapshot(listing) == before


def test_listing_editor_error_is_translated(client, owner, listing, taxonomies):
    client.force_login(owner)
    with translation.override("pl"):
        url = reverse("providers:listing_edit", args=[listing.pk])

    response = client.post(url, listing_form_data(listing, needs=[OUT_OF_RANGE[0]]))

    _says_select_a_valid_choice(response, OUT_OF_RANGE[0], "pl")


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_pa_profile_languages(client, pa_user, pa, taxonomies, value):
    client.force_login(pa_user)
    data = {
        "display_name": "Amira K",
        "experience_years": "3",
        "employment": "self_employed",
        "home_postcode": "EH1 1YZ",
        "languages": [value],
    }

    response = client.post(reverse("providers:pa_profile"), data)

    _says_select_a_valid_choice(response, value)
    assert list(PersonalAssistant.objects.get(pk=pa.pk).languages.all()) == []
