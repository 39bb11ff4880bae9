"""The account page's panels: who acts for the person (for everyone), whom they act for (for helpers only)."""

import pytest
from django.urls import reverse

from .conftest import as_helper, make_invitation

pytestmark = pytest.mark.django_db


def test_everyone_learns_they_can_ask_someone_to_act_for_them(client, stranger):
    client.force_login(stranger)

    page = client.get(reverse("account_dashboard")).content.decode()

    assert "People who act for you" in page and "Nobody acts for you." in page
    assert reverse("acting:invite") in page and reverse("acting:helpers") in page
    assert "People you act for" not in page


def test_the_person_sees_who_acts_for_her_and_waiting_invitations(client, person, arrangement):
    make_invitation(person, "bilal@example.org", helper_name="Bilal")
    client.force_login(person)

    page = client.get(reverse("account_dashboard")).content.decode()

    assert "<bdi>Sana</bdi>" in page and "Find support and send enquiries" in page
    assert "1 invitation is waiting for an answer." in page
    assert "Bilal" not in page  # not acting for her until accepted


def test_the_helper_sees_whom_she_acts_for(client, arrangement):
    as_helper(client, arrangement)

    page = client.get(reverse("account_dashboard")).content.decode()

    assert "People you act for" in page and "<bdi>Amina Hussain</bdi>" in page
    assert "Acting for them now" in page and reverse("acting:switch") in page
