"""The demo budgets: one shared with the council, one not, spending by hand (one corrected), once however often it
runs, and a finance officer who sees only the shared one."""

from django.urls import reverse

from marketplace.budgets import ledger, services
from marketplace.budgets.models import Budget, Entry
from marketplace.demo.budgets import load
from tests.factories import UserFactory
from tests.mfa import enable_totp


def test_demo_budgets(db, client):
    amina = UserFactory(email="person@example.org", display_name="Amina Hussain", preferred_language="ur")
    mairi = UserFactory(email="second.person@example.org", display_name="Màiri MacLeod", preferred_language="gd")
    finance = UserFactory(email="finance@example.org", display_name="Fiona Finance", groups=["Council finance"])
    enable_totp(finance)
    counts = load()
    assert counts == {"budgets": 2, "entries": 10}
    assert load() == {}
    assert Entry.objects.count() == 10
    shared = Budget.objects.get(person=amina)
    assert shared.shared_with == "S12000036"
    assert not Budget.objects.get(person=mairi).shared_with
    summary = ledger.summarise(shared, shared.current, ledger.current_span(shared.current))
    assert summary.spent_pence == 41_250 * 2 + 3_480 + 1_200

    client.force_login(finance)
    page = client.get(reverse("budgets:council"))
    assert "Amina Hussain" in page.text
    assert "Màiri" not in page.text
    assert list(services.shared_with_officer(finance)) == [shared]
