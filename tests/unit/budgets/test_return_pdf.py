"""The monitoring return as a PDF: the same figures as the CSV, for the council finance officer the holder shares
with, and nobody else; every download is recorded as a look the holder can see."""

import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time
from reportlab.platypus import Paragraph, Table

from marketplace.budgets import services
from marketplace.budgets.models import Look
from marketplace.core import pdf
from tests.unit.bookings.conftest import act_for

from .conftest import record, spend

D = datetime.date


@pytest.fixture
def printed(monkeypatch):
    """The text of each PDF the site builds, cell by cell, as the reader sees it (the real PDF is built too)."""
    texts = []
    build = pdf.build

    def capture(story, **kwargs):
        for flowable in story:
            is_table = isinstance(flowable, Table)
            cells = [cell for row in flowable._cellvalues for cell in row] if is_table else [flowable]
            texts.extend(cell.text if isinstance(cell, Paragraph) else str(cell) for cell in cells)
        return build(story, **kwargs)

    monkeypatch.setattr(pdf, "build", capture)
    return texts


@freeze_time("2026-11-20 12:00:00")
def test_the_officer_downloads_the_periods_return_as_a_pdf_and_the_holder_sees_who_looked(
    client, holder, officer, printed
):
    record(holder, amount_pence=120_000)
    spend(holder, 30_000, D(2026, 11, 2), description="Day centre <b>fees</b>")
    spend(holder, 9_640, D(2026, 11, 9), kind="wages", description="PA wages")
    spend(holder, 5_000, D(2026, 10, 9), description="October outing")  # not in November's return
    services.share(holder, holder)
    client.force_login(officer)

    response = client.get(reverse("budgets:council_return_pdf", args=[holder.budget.pk]), {"period": 0})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="monitoring-return-{holder.budget.pk}-2026-11-01.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    assert "Budget holder: Amina Hussain" in printed
    assert "Period: 1 November 2026 to 30 November 2026" in printed
    assert "Budget for the period: £1,200.00" in printed
    assert "Day centre &lt;b&gt;fees&lt;/b&gt;" in printed  # printed as typed, never read as markup
    assert "PA wages" in printed and "October outing" not in printed
    totals = {label: printed[printed.index(label) + 1] for label in ("Spent", "Committed", "Remaining")}
    assert totals == {"Spent": "£396.40", "Committed": "£0.00", "Remaining": "£803.60"}
    assert list(Look.objects.values_list("viewer", "role", "what")) == [
        (officer.pk, Look.Role.COUNCIL_FINANCE, Look.What.RETURN)
    ]
    client.force_login(holder)
    assert "Fiona Finance" in client.get(reverse("budgets:overview")).text


def test_nobody_else_gets_the_pdf_and_nothing_is_recorded(
    client, holder, officer, other_officer, money_helper, stranger, budget
):
    url = reverse("budgets:council_return_pdf", args=[budget.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 404  # not shared yet

    services.share(holder, holder)
    for user in (other_officer, holder, stranger, money_helper):
        client.force_login(user)
        if user == money_helper:
            act_for(client, money_helper.arrangement)
        assert client.get(url).status_code == 404, user.email

    services.withdraw(holder, holder)
    client.force_login(officer)
    assert client.get(url).status_code == 404
    assert not Look.objects.exists()
