"""A NUL character in a web address, a query or a form never reaches a view (PostgreSQL refuses text containing one):
the visitor gets a 400 page saying what is wrong, in their language, and nothing is saved. A cookie holding one is
ignored."""

import pytest
from django.utils import translation

from home.models import AlertSubscription

pytestmark = pytest.mark.django_db

EXPLANATION = (
    "The web address or the form you sent contains a character that cannot be part of any address or answer "
    "(a “null” character, sometimes left behind by copying from another program)."
)


def _explained(response, language="en"):
    with translation.override(language):
        expected = translation.gettext(EXPLANATION)
    assert response.status_code == 400
    assert expected in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/alerts/confirm/%00/",
        "/find-support/saved/unsubscribe/abc%00def/",
        "/reviews/invitation/%00/",
        "/dashboard/invitations/%00/",
        "/guidance/?topic=%00",
        "/find-support/?where=EH6%005AA",
        "/search/?q=%00",
        "/alerts/?%00=1",
    ],
)
def test_in_the_address(client, site_tree, url):
    _explained(client.get(url))


def test_in_a_form_nothing_is_saved(client, site_tree):
    response = client.post("/alerts/", {"email": "sam\x00@example.org", "topics": [site_tree["topic"].pk]})

    _explained(response)
    assert not AlertSubscription.objects.exists()


def test_explained_in_the_readers_language(client, site_tree):
    _explained(client.get("/ur/search/?q=%00"), "ur")


def test_a_cookie_holding_one_is_ignored(client, site_tree):
    octal_nuls = '"' + "\\000" * 8 + '"'  # a quoted cookie value may carry octal escapes, which Django decodes

    response = client.get("/search/", {"q": "care"}, HTTP_COOKIE=f"sessionid={octal_nuls}")

    assert response.status_code == 200
