"""A person's budget is in their data download, and goes when they close their account."""

import datetime

from marketplace.budgets import services
from marketplace.budgets.models import Budget, Entry, FinanceOfficer
from marketplace.core.privacy import export_user_data

from .conftest import spend


def test_the_budget_is_in_the_download(holder, budget, money_helper, client):
    spend(holder, 4_250, datetime.date(2026, 11, 3), description="Swimming")
    services.share(holder, holder)
    services.record_look(budget, money_helper, "helper", "ledger")
    data = export_user_data(holder)["budget"]
    assert data["versions"][0]["amount_pence"] == 120_000
    assert data["entries"][0]["description"] == "Swimming"
    assert data["consent"][0]["shared"] is True
    assert data["who_looked"][0]["who"] == "Sana Hussain"


def test_closing_the_account_deletes_the_budget_and_the_officer_role(holder, budget, officer):
    spend(holder, 4_250, datetime.date(2026, 11, 3))
    services.share(holder, holder)
    from marketplace.core.privacy import sections

    for section in sections():
        if section.name == "budgets":
            section.erase(holder, [])
            section.erase(officer, [])
    assert not Budget.objects.exists()
    assert not Entry.objects.exists()
    assert not FinanceOfficer.objects.exists()
