"""Alert sign-up with topic or audience ids too big (or too small) for any database column: the usual "Select a valid
choice" error in the reader's language, a 400 and no subscription, never a 500."""

import pytest
from django.utils import translation

from home.models import AlertSubscription

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["topics", "audiences"])
@pytest.mark.parametrize("value", ["9223372036854775808", "-9223372036854775809"])
@pytest.mark.parametrize("language", ["en", "ur"])
def test_alert_sign_up_with_an_impossible_id(client, site_tree, field, value, language):
    prefix = "" if language == "en" else f"/{language}"

    response = client.post(f"{prefix}/alerts/", {"email": "sam@example.org", field: [value]})

    with translation.override(language):
        expected = translation.gettext("Select a valid choice. %(value)s is not one of the available choices.")
    assert response.status_code == 400
    assert expected % {"value": value} in response.content.decode()
    assert not AlertSubscription.objects.exists()
