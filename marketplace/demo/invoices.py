"""Demo invoices: the demo bookings' approved visits of finished weeks invoiced through the real service, then most of
them marked paid, one corrected by a credit note, one refunded in part, and the newest left to pay. Payments and the
refund are recorded directly as demo ones (marked so, nothing at Stripe): the demo never calls Stripe. The person of
the unpaid invoice has a demo saved card (shown on /invoices/cards/; it cannot pay, a new card can). Idempotent."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from marketplace.payments.cards import saving
from marketplace.payments.invoices import issuing, paying, refunds
from marketplace.payments.invoices.models import Invoice
from providers.models import Membership


@transaction.atomic
def load_invoices(now=None):
    """Issue and settle the demo invoices once; returns {what: how many} (empty when already loaded)."""
    if Invoice.objects.exists():
        return {}
    now = now or timezone.now()
    issued = sorted(issuing.issue_due(now=now), key=lambda invoice: (invoice.period_start, invoice.pk))
    if not issued:
        return {}
    *older, newest = issued
    credited = refunded = 0
    for position, invoice in enumerate(older):
        if position == 1:  # one correction before it is paid: a visit cut short
            owner = Membership.objects.filter(supplier=invoice.supplier, role=Membership.Role.OWNER).first()
            if owner is not None and invoice.total_pence > 500:
                issuing.credit(invoice, owner.user, 500, "The visit on Thursday ended 15 minutes early.", now=now)
                credited += 1
        paying.record_demo_payment(invoice, invoice.issued_at + timedelta(days=2))
        if position == 0:  # and one paid invoice refunded in part
            owner = Membership.objects.filter(supplier=invoice.supplier, role=Membership.Role.OWNER).first()
            if owner is not None and invoice.total_pence > 1000:
                reason = "The Monday visit was cancelled by us on the day."
                refunds.refund(invoice, owner.user, 1000, reason, f"demo-refund-{invoice.pk}", now=now)
                refunded += 1
    saved_cards = 0
    if newest.person is not None:
        saving.record_demo_card(newest.person, brand="visa", last4="4242", exp_month=9, exp_year=now.year + 3, at=now)
        saved_cards = 1
    return {
        "invoices": len(issued),
        "paid": len(older),
        "unpaid": 1,
        "with a credit note": credited,
        "refunded in part": refunded,
        "saved cards": saved_cards,
    }
