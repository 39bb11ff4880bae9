"""The council finance officer's list (flags, query counts) and the monitoring return."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from marketplace.budgets import monitoring, services
from tests.factories import UserFactory

from .conftest import record, spend

D = datetime.date


def _shared_holder(email, name, amount_pence=120_000):
    person = UserFactory(email=email, display_name=name)
    record(person, amount_pence=amount_pence)
    services.share(person, person)
    return person


@freeze_time("2026-11-20 12:00:00")
def test_flags(db, settings):
    settings.BUDGET_LARGE_PAYMENT_PENCE = 50_000
    quiet = _shared_holder("quiet@example.org", "Quiet")
    spend(quiet, 1_000, D(2026, 9, 20))  # more than eight weeks ago
    over = _shared_holder("over@example.org", "Over", amount_pence=10_000)
    spend(over, 10_001, D(2026, 11, 3))
    large = _shared_holder("large@example.org", "Large")
    spend(large, 50_001, D(2026, 11, 19))
    fine = _shared_holder("fine@example.org", "Fine")
    spend(fine, 50_000, D(2026, 11, 19))
    rows = {row.budget.person.display_name: row for row in monitoring.rows(services.shared_with_officer(_officer()))}
    flags = {name: (row.inactive, row.overspent, row.large_payment) for name, row in rows.items()}
    assert flags == {
        "Quiet": (True, False, False),
        "Over": (False, True, False),
        "Large": (False, False, True),
        "Fine": (False, False, False),
    }


def _officer():
    from .conftest import make_officer

    return make_officer("finance@example.org", "S12000036")


def test_the_list_takes_the_same_queries_for_two_budgets_or_ten(client, db):
    officer = _officer()
    client.force_login(officer)
    for number in range(2):
        person = _shared_holder(f"p{number}@example.org", f"Person {number}")
        spend(person, 500, datetime.date.today())
    client.get(reverse("budgets:council"))  # the first request also saves the session
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("budgets:council")).status_code == 200
    for number in range(2, 10):
        person = _shared_holder(f"p{number}@example.org", f"Person {number}")
        spend(person, 500, datetime.date.today())
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("budgets:council"))
    assert response.text.count('href="/budgets/council/') == 10
    assert len(many) == len(few)
    assert len(many) <= 15


@freeze_time("2026-11-20 12:00:00")
def test_the_monitoring_return_lists_the_period_and_adds_up(client, holder):
    record(holder, amount_pence=120_000)
    spend(holder, 30_000, D(2026, 11, 2), description='=HYPERLINK("http://evil")')
    spend(holder, 9_640, D(2026, 11, 9), kind="wages", description="PA wages")
    spend(holder, 5_000, D(2026, 10, 9))  # October: not in this return
    services.share(holder, holder)
    client.force_login(_officer())
    response = client.get(reverse("budgets:council_return", args=[holder.budget.pk]) + "?period=0")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Period", "2026-11-01", "2026-11-30"] in rows
    assert ["Spent (£)", "396.40"] in rows
    assert ["Remaining (£)", "803.60"] in rows
    descriptions = [row[3] for row in rows if len(row) == 6 and row[0].startswith("2026-")]
    assert descriptions == ['\'=HYPERLINK("http://evil")', "PA wages"]


@pytest.mark.parametrize("period", ["-1", "abc", "99999999999", "", "10000", "٣", "²"])
def test_nonsense_period_numbers_show_the_current_period(client, holder, period):
    record(holder)
    services.share(holder, holder)
    client.force_login(_officer())
    assert client.get(reverse("budgets:council_ledger", args=[holder.budget.pk]), {"period": period}).status_code == 200
    client.force_login(holder)
    assert client.get(reverse("budgets:overview"), {"period": period}).status_code == 200


def test_the_holders_ledger_takes_the_same_queries_for_two_entries_or_twelve(client, holder):
    from marketplace.budgets.services import correct

    record(holder)
    client.force_login(holder)
    today = datetime.date.today()
    correct(holder, holder, spend(holder, 500, today).pk)
    client.get(reverse("budgets:overview"))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("budgets:overview")).status_code == 200
    for _number in range(5):
        correct(holder, holder, spend(holder, 700, today).pk)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("budgets:overview"))
    assert response.text.count('<tr class="govuk-table__row">') >= 12
    assert len(many) == len(few)


@freeze_time("2026-11-20 12:00:00")
@pytest.mark.parametrize(("weeks", "label"), [(8, "Nothing spent for 8 weeks"), (1, "Nothing spent for 1 week")])
def test_the_quiet_flag_says_the_weeks_the_site_counts(client, db, settings, weeks, label):
    settings.BUDGET_INACTIVE_WEEKS = weeks
    quiet = _shared_holder("quiet@example.org", "Quiet")
    spend(quiet, 1_000, D(2026, 11, 20) - datetime.timedelta(weeks=weeks, days=1))
    client.force_login(_officer())
    page = client.get(reverse("budgets:council")).text
    assert f'<strong class="govuk-tag govuk-tag--grey">{label}</strong>' in page
    assert "Nothing spent for 8 weeks" not in page or weeks == 8
