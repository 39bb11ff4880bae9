"""What invoices add to the person's account page and each supplier's dashboard (a fixed number of queries)."""

from django.db.models import Count, Q

from .models import Invoice


def account_panel(user, request):
    counts = Invoice.objects.filter(person=user).aggregate(
        total=Count("pk"), unpaid=Count("pk", filter=Q(status=Invoice.Status.ISSUED))
    )
    if not counts["total"]:
        return None
    return {"template": "payments/invoices/_account_panel.html", **counts}


def dashboard_panel(supplier, request):
    counts = Invoice.objects.filter(supplier=supplier).aggregate(
        total=Count("pk"), unpaid=Count("pk", filter=Q(status=Invoice.Status.ISSUED))
    )
    return {"template": "payments/invoices/_dashboard_panel.html", **counts}
