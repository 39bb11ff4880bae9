"""A person's budget in their data download, and what deleting their account does to it.

The ledger is append-only while the account lives; closing the account is the one time it goes: the budget is marked
erased (which the database triggers require before any entry may be deleted), then its entries, receipts, versions,
consent history and record of who looked are deleted."""

from django.db import transaction
from django.utils import timezone

from marketplace.core.files import delete_file_later
from marketplace.core.privacy import iso

from .models import Budget, Entry, FinanceOfficer


def export(user, emails):
    budget = Budget.objects.filter(person=user).first()
    if budget is None:
        return {"budget": None}
    return {
        "budget": {
            "shared_with_council": budget.shared_with or None,
            "versions": [
                {
                    "amount_pence": version.amount_pence,
                    "period": version.period,
                    "start_date": iso(version.start_date),
                    "held_as": version.held_as,
                    "managed_by": version.managed_by,
                    "council": version.council,
                    "recorded_at": iso(version.recorded_at),
                }
                for version in budget.versions.order_by("recorded_at", "pk")
            ],
            "entries": [
                {
                    "kind": entry.kind,
                    "amount_pence": entry.amount_pence,
                    "date": iso(entry.occurred_on),
                    "description": entry.description,
                    "paid_to": entry.supplier_name,
                    "has_receipt": bool(entry.receipt),
                    "reverses": entry.reverses_id,
                    "id": entry.pk,
                    "recorded_at": iso(entry.recorded_at),
                }
                for entry in budget.entries.order_by("occurred_on", "pk")
            ],
            "consent": [
                {"council": change.council, "shared": change.shared, "at": iso(change.at)}
                for change in budget.consent_changes.order_by("at", "pk")
            ],
            "who_looked": [
                {"who": look.viewer_name, "role": look.role, "what": look.what, "at": iso(look.at)}
                for look in budget.looks.order_by("at", "pk")
            ],
        }
    }


@transaction.atomic
def erase(user, emails):
    FinanceOfficer.objects.filter(user=user).delete()
    for budget in Budget.objects.select_for_update().filter(person=user):
        forget(budget)


def forget(budget):
    """Delete a ledger and everything in it (closing the account; tests that must empty the database)."""
    Budget.objects.filter(pk=budget.pk).update(erased_at=timezone.now(), shared_with="", person=None)
    entries = Entry.objects.filter(budget=budget)
    storage = Entry._meta.get_field("receipt").storage
    for name in entries.exclude(receipt="").values_list("receipt", flat=True):
        delete_file_later(storage, name)
    Entry.objects.filter(budget=budget, reverses__isnull=False)._erase()
    entries._erase()
    Budget.objects.filter(pk=budget.pk).delete()
