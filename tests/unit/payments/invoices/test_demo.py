"""The demo invoices: issued from approved visits, most paid, one credited, one left to pay; never through Stripe."""

import pytest

from marketplace.demo.invoices import load_invoices
from marketplace.payments.cards.models import SavedCard
from marketplace.payments.invoices.models import CreditNote, Invoice, Payment, Refund
from marketplace.payments.models import StripeRequest

pytestmark = pytest.mark.django_db


def test_demo_invoices_are_paid_unpaid_and_credited_without_stripe(booking, settings):
    settings.STRIPE_SECRET_KEY = ""  # any call to Stripe would fail

    counts = load_invoices()

    assert counts == {
        "invoices": 3,
        "paid": 2,
        "unpaid": 1,
        "with a credit note": 1,
        "refunded in part": 1,
        "saved cards": 1,
    }
    card = SavedCard.objects.get()
    assert card.demo and card.person == Invoice.objects.get(status="issued").person
    assert Refund.objects.get(status="succeeded").amount_pence == 1000
    assert Invoice.objects.filter(status="paid").count() == 2
    assert Invoice.objects.filter(status="issued").count() == 1
    assert CreditNote.objects.count() == 1
    assert all(payment.demo for payment in Payment.objects.all())
    assert not StripeRequest.objects.exists()
    assert load_invoices() == {}
