"""The budget's panel on the person's account page (and the way to shared budgets for a council finance officer)."""

from . import ledger, services
from .models import Budget


def account_panel(user, request):
    budget = Budget.objects.filter(person=user).first()
    version = budget.current if budget else None
    summary = ledger.summarise(budget, version, ledger.current_span(version)) if version else None
    return {
        "template": "budgets/_account_panel.html",
        "summary": summary,
        "officer": services.is_finance_officer(user),
    }
