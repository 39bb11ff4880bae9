"""Only commissioners, with two-factor authentication, see market insight; everyone else is refused."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from marketplace.core import account_rules
from marketplace.core.models import EDITORS_GROUP, MODERATORS_GROUP
from tests.factories import UserFactory

from .conftest import QUERY

pytestmark = pytest.mark.django_db

ADDRESSES = [
    reverse("insight:index"),
    reverse("insight:summary") + "?" + QUERY,
    *[reverse("insight:page", args=[slug]) + "?" + QUERY for slug in ("supply", "demand", "unmet", "prices", "flow")],
    reverse("insight:download", args=["demand", "demand-months", "csv"]) + "?" + QUERY,
    reverse("insight:download", args=["supply", "supply-needs", "xlsx"]) + "?" + QUERY,
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_signed_out_visitor_is_asked_to_sign_in(client, address, edinburgh):
    response = client.get(address)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("groups", [[], [EDITORS_GROUP], [MODERATORS_GROUP]])
@pytest.mark.parametrize("address", ADDRESSES)
def test_people_who_are_not_commissioners_are_refused(client, address, groups, edinburgh):
    user = UserFactory(groups=groups)
    from tests.mfa import enable_totp

    enable_totp(user)
    client.force_login(user)
    response = client.get(address)
    assert response.status_code == 403
    assert b"Edinburgh" not in response.content or b"insight-" not in response.content


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_commissioner_sees_every_page(commissioner_client, address, edinburgh):
    assert commissioner_client.get(address).status_code == 200


def test_a_commissioner_without_two_factor_authentication_sets_it_up_first(client, edinburgh):
    from marketplace.core.models import COMMISSIONERS_GROUP

    user = UserFactory(groups=[COMMISSIONERS_GROUP])
    client.force_login(user)
    response = client.get(reverse("insight:page", args=["demand"]) + "?" + QUERY)
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == [
        "Set up two-factor authentication first: these pages show the whole market's figures, so they need more "
        "than a password."
    ]


def test_commissioners_get_short_sessions(commissioner):
    assert account_rules.sees_others_data(commissioner)
    assert account_rules.mfa_required(commissioner, "/insight/demand/")
    assert account_rules.mfa_required(commissioner, "/ur/insight/")
    assert not account_rules.mfa_required(UserFactory(), "/insight/")


def test_only_get_is_allowed(commissioner_client, edinburgh):
    assert commissioner_client.post(reverse("insight:page", args=["demand"]) + "?" + QUERY).status_code == 405
