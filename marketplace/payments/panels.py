"""What payments add to a supplier's dashboard: whether it can take payments, and what Stripe still needs."""

from marketplace.core.permissions import acts_for

from . import requirements, stripe_api
from .models import ConnectedAccount


def supplier_panel(supplier, request):
    account = ConnectedAccount.objects.filter(supplier=supplier).first()
    return {
        "template": "payments/panels/supplier.html",
        "configured": stripe_api.is_configured(),
        "account": account,
        "needs": requirements.describe(account.currently_due) if account else [],
        "may_manage": acts_for(request.user, "providers.manage_supplier", supplier),
    }
