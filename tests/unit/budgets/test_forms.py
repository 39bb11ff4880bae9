"""Bad input on every form: a clear error in the person's language, a 4xx, and nothing saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from marketplace.budgets.models import Budget, BudgetVersion, ConsentChange, Entry

from .conftest import EDINBURGH

GOOD_BUDGET = {
    "amount": "1200.00",
    "period": "monthly",
    "start_date": "2026-11-01",
    "held_as": "direct_payment",
    "managed_by": "self",
    "council": EDINBURGH,
}


def _good_spending():
    return {"kind": "wages", "amount": "96.40", "occurred_on": timezone.localdate().isoformat(), "description": "PA"}


def _png():
    output = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(output, format="PNG")
    return SimpleUploadedFile("receipt.png", output.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": ""}, "Enter the amount for each period."),
        ({"amount": "twelve"}, "Enter the amount in pounds, like 1250 or 312.50."),
        ({"amount": "-5"}, "Enter an amount more than £0."),
        ({"amount": "0"}, "Enter an amount more than £0."),
        ({"amount": "1e400"}, "Enter the amount in pounds, like 1250 or 312.50."),
        ({"amount": "123456789"}, "Enter an amount of £1,000,000 or less."),
        ({"amount": "1000000.01"}, "Enter an amount of £1,000,000 or less."),
        ({"amount": "NaN"}, "Enter the amount in pounds, like 1250 or 312.50."),
        ({"amount": "12.345"}, "no more than 2 decimal places"),
        ({"period": "daily"}, "Choose how often the amount comes."),
        ({"start_date": "2026-02-30"}, "Enter the start date as a real date"),
        ({"start_date": "1899-01-01"}, "Enter a start date between 2000 and a year from today."),
        ({"held_as": ""}, "Choose how the budget is held."),
        ({"managed_by": "neighbour"}, "Choose who manages the budget."),
        ({"council": "X99999999"}, "Choose the council from the list."),
    ],
)
def test_bad_budget_is_refused_and_nothing_saved(client, holder, changes, message):
    client.force_login(holder)
    response = client.post(reverse("budgets:record"), {**GOOD_BUDGET, **changes})
    assert response.status_code == 400
    assert message in response.text
    assert "There is a problem" in response.text
    assert not BudgetVersion.objects.exists()


def test_a_good_budget_is_saved_as_a_new_version(client, holder):
    client.force_login(holder)
    assert client.post(reverse("budgets:record"), GOOD_BUDGET).status_code == 302
    assert client.post(reverse("budgets:record"), {**GOOD_BUDGET, "amount": "1,300"}).status_code == 302
    assert list(BudgetVersion.objects.values_list("amount_pence", flat=True)) == [130_000, 120_000]


def test_errors_are_in_the_persons_language(client, holder):
    client.force_login(holder)
    response = client.post("/ur" + reverse("budgets:record"), {**GOOD_BUDGET, "period": ""})
    assert response.status_code == 400
    assert 'lang="ur"' in response.text
    assert not BudgetVersion.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "payment"}, "Choose what kind of spending this was."),
        ({"kind": "correction"}, "Choose what kind of spending this was."),
        ({"amount": ""}, "Enter how much was spent."),
        ({"amount": "£-3"}, "Enter an amount more than £0."),
        ({"occurred_on": "2999-01-01"}, "The date cannot be in the future."),
        ({"occurred_on": "yesterday"}, "Enter the date as a real date"),
        ({"description": ""}, "Say what the money was for."),
        ({"description": "x" * 201}, "200 characters or fewer"),
        ({"description": "bad\x00byte"}, "There is a problem"),
        ({"description": "bell\x07"}, "Remove the invisible control characters"),
        ({"supplier_name": "y" * 201}, "200 characters or fewer"),
    ],
)
def test_bad_spending_is_refused_and_nothing_saved(client, holder, changes, message):
    client.force_login(holder)
    response = client.post(reverse("budgets:spend"), {**_good_spending(), **changes})
    assert response.status_code == 400
    assert message in response.text
    assert not Entry.objects.exists()


def test_a_receipt_that_is_not_an_image_is_refused(client, holder):
    client.force_login(holder)
    fake = SimpleUploadedFile("receipt.png", b"<html><script>alert(1)</script>", content_type="image/png")
    response = client.post(reverse("budgets:spend"), {**_good_spending(), "receipt": fake})
    assert response.status_code == 400
    assert "The receipt must be a JPEG, PNG or WebP image" in response.text
    assert not Entry.objects.exists()


def test_a_receipt_is_stored_privately_and_served_only_to_the_holder(client, holder, stranger, settings):
    client.force_login(holder)
    response = client.post(reverse("budgets:spend"), {**_good_spending(), "receipt": _png()})
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert entry.receipt.name.startswith("budget-receipts/") and entry.receipt.name.endswith(".png")
    assert entry.receipt.storage.location == settings.PRIVATE_MEDIA_ROOT
    download = client.get(reverse("budgets:receipt", args=[entry.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")
    client.force_login(stranger)
    assert client.get(reverse("budgets:receipt", args=[entry.pk])).status_code == 404


def test_correcting_nonsense_or_someone_elses_entry_changes_nothing(client, holder, stranger):
    from .conftest import spend

    entry = spend(holder, 1_000, timezone.localdate())
    client.force_login(stranger)
    assert client.post(reverse("budgets:correct"), {"entry": entry.pk}).status_code == 404
    assert client.post(reverse("budgets:correct"), {"entry": "abc"}).status_code == 400
    client.force_login(holder)
    assert client.post(reverse("budgets:correct"), {"entry": entry.pk}).status_code == 302
    assert client.post(reverse("budgets:correct"), {"entry": entry.pk}).status_code == 409  # a double submit
    assert Entry.objects.count() == 2


def test_sharing_needs_a_recorded_budget_and_a_real_choice(client, holder):
    client.force_login(holder)
    response = client.post(reverse("budgets:sharing"), {"choice": "share"})
    assert response.status_code == 409
    assert "Record your budget first" in response.text
    assert client.post(reverse("budgets:sharing"), {"choice": "everyone"}).status_code == 400
    assert not ConsentChange.objects.exists()
    assert not Budget.objects.filter(shared_with__gt="").exists()


def test_sharing_twice_records_one_consent(client, holder, budget):
    client.force_login(holder)
    client.post(reverse("budgets:sharing"), {"choice": "share"})
    client.post(reverse("budgets:sharing"), {"choice": "share"})
    client.post(reverse("budgets:sharing"), {"choice": "withdraw"})
    client.post(reverse("budgets:sharing"), {"choice": "withdraw"})
    assert list(ConsentChange.objects.order_by("pk").values_list("shared", flat=True)) == [True, False]
