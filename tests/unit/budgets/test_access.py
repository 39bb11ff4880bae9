"""Nobody sees another's budget: another person, a helper without the money scope, a finance officer of another
council, or of the right council before the holder shares and after they withdraw (from the very next request).
Every look by anyone other than the holder is recorded, and the holder sees it."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from marketplace.budgets import services
from marketplace.budgets.models import Look
from tests.unit.bookings.conftest import act_for

from .conftest import spend


@pytest.fixture
def spending(budget, holder):
    return spend(holder, 4_250, timezone.localdate(), description="Swimming with my PA")


def _page(client, user, url, arrangement=None):
    client.force_login(user)
    if arrangement is not None:
        act_for(client, arrangement)
    return client.get(url)


def test_the_holder_sees_their_budget_and_spending(client, holder, spending):
    response = _page(client, holder, reverse("budgets:overview"))
    assert response.status_code == 200
    assert "Swimming with my PA" in response.text
    assert not Look.objects.exists()  # the holder looking is not someone else looking


def test_another_person_sees_only_their_own_empty_budget(client, stranger, spending):
    response = _page(client, stranger, reverse("budgets:overview"))
    assert response.status_code == 200
    assert "Swimming with my PA" not in response.text
    assert _page(client, stranger, reverse("budgets:receipt", args=[spending.pk])).status_code == 404


def test_a_helper_without_the_money_scope_is_refused(client, booking_helper, spending):
    response = _page(client, booking_helper, reverse("budgets:overview"), booking_helper.arrangement)
    assert response.status_code == 403
    assert "Swimming with my PA" not in response.text
    response = client.post(reverse("budgets:spend"), {"kind": "other", "amount": "5", "description": "x"})
    assert response.status_code == 403


def test_a_helper_with_the_money_scope_sees_it_and_the_holder_sees_they_looked(client, money_helper, holder, spending):
    response = _page(client, money_helper, reverse("budgets:overview"), money_helper.arrangement)
    assert response.status_code == 200
    assert "Swimming with my PA" in response.text
    look = Look.objects.get()
    assert (look.viewer, look.role) == (money_helper, Look.Role.HELPER)
    client.force_login(holder)
    page = client.get(reverse("budgets:overview")).text
    assert "Sana Hussain" in page


def test_a_helper_cannot_share_for_the_holder(client, money_helper, budget):
    client.force_login(money_helper)
    act_for(client, money_helper.arrangement)
    response = client.post(reverse("budgets:sharing"), {"choice": "share"})
    assert response.status_code == 403
    budget.refresh_from_db()
    assert not budget.shared_with


def test_finance_officers_see_only_ledgers_shared_with_their_council(
    client, holder, officer, other_officer, budget, spending
):
    ledger_url = reverse("budgets:council_ledger", args=[budget.pk])
    return_url = reverse("budgets:council_return", args=[budget.pk])
    receipt_url = reverse("budgets:council_receipt", args=[budget.pk, spending.pk])
    # Before sharing: not even the right council.
    assert _page(client, officer, ledger_url).status_code == 404
    assert "Amina" not in client.get(reverse("budgets:council")).text

    services.share(holder, holder)
    response = _page(client, officer, ledger_url)
    assert response.status_code == 200
    assert "Swimming with my PA" in response.text
    assert "Amina Hussain" in client.get(reverse("budgets:council")).text
    assert client.get(return_url).status_code == 200
    assert client.get(receipt_url).status_code == 404  # no receipt on this entry
    # Another council's officer: never.
    assert _page(client, other_officer, ledger_url).status_code == 404
    assert _page(client, other_officer, return_url).status_code == 404
    assert "Amina" not in client.get(reverse("budgets:council")).text

    # Withdrawn: gone from the officer's very next request.
    client.force_login(officer)
    services.withdraw(holder, holder)
    assert client.get(ledger_url).status_code == 404
    assert client.get(return_url).status_code == 404
    assert "Amina" not in client.get(reverse("budgets:council")).text

    looks = list(Look.objects.order_by("at", "pk").values_list("viewer__email", "what"))
    assert looks == [("finance@example.org", "ledger"), ("finance@example.org", "return")]


def test_people_who_are_not_finance_officers_cannot_open_council_pages(client, holder, stranger, budget):
    services.share(holder, holder)
    for user in (holder, stranger):
        client.force_login(user)
        assert client.get(reverse("budgets:council")).status_code == 404
        assert client.get(reverse("budgets:council_ledger", args=[budget.pk])).status_code == 404


def test_council_finance_needs_two_factor_authentication(client, holder, budget):
    from tests.factories import UserFactory

    user = UserFactory(email="new.finance@example.org")
    services.make_finance_officer(user, "S12000036")
    services.share(holder, holder)
    client.force_login(user)
    response = client.get(reverse("budgets:council_ledger", args=[budget.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == [
        "Set up two-factor authentication first: these pages show people's money, so they need more than a password."
    ]
    assert not Look.objects.exists()


def test_finance_officers_get_short_sessions(officer):
    from marketplace.core import account_rules

    assert account_rules.sees_others_data(officer)


def test_the_account_page_shows_what_is_left_and_the_way_to_the_budget(client, holder, spending):
    client.force_login(holder)
    page = client.get(reverse("account_dashboard")).text
    assert "/budgets/" in page
    assert "£1,157.50" in page  # £1,200 less £42.50


def test_moving_the_budget_to_another_council_stops_sharing_with_the_first(holder, budget, officer):
    from .conftest import GLASGOW, record

    services.share(holder, holder)
    assert list(services.shared_with_officer(officer)) == [budget]
    record(holder, council=GLASGOW)
    assert not services.shared_with_officer(officer).exists()


def test_an_officer_row_without_a_council_sees_no_unshared_ledger(client, officer, holder, budget):
    from marketplace.budgets.models import FinanceOfficer

    FinanceOfficer.objects.filter(user=officer).update(council="")  # as a careless admin edit might leave it
    client.force_login(officer)
    assert client.get(reverse("budgets:council_ledger", args=[budget.pk])).status_code in (403, 404)
    assert not services.shared_with_officer(officer).exists()
    with pytest.raises(ValueError):
        services.make_finance_officer(officer, "")
