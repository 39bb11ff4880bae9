"""The demo helpers: a daughter acting for person@example.org, a broker for second.person@example.org."""

import pytest
from django.contrib.auth import authenticate

from marketplace.acting.models import Arrangement
from marketplace.demo import acting
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_two_helpers_act_for_demo_people_and_a_second_run_adds_nothing():
    UserFactory(email="person@example.org", display_name="Amina Hussain")

    counts, users = acting.load("demo-password-2026")
    again, users_again = acting.load("demo-password-2026")

    assert counts == {"users": 3, "arrangements": 2} and again == {}
    daughter = Arrangement.objects.in_force().get(helper__email="daughter@example.org")
    broker = Arrangement.objects.in_force().get(helper__email="broker@example.org")
    assert daughter.person.email == "person@example.org"
    assert daughter.scopes == ["enquire", "book", "money"] and daughter.until is None
    assert broker.person.email == "second.person@example.org" and broker.scopes == ["enquire"]
    assert broker.until is not None
    assert authenticate(email="daughter@example.org", password="demo-password-2026") is not None
    assert [created for _email, _role, created in users] == [True, True, True]
    assert [created for _email, _role, created in users_again] == [False, False, False]
    assert Arrangement.objects.count() == 2
