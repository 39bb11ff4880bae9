"""Payments tell the budget when money moves (marketplace.payments.signals); each movement is recorded once."""

from . import services


def on_payment_received(sender, *, person, amount_pence, occurred_at, reference, supplier_name, key, **extra):
    services.record_movement(
        person=person,
        amount_pence=amount_pence,
        occurred_at=occurred_at,
        reference=reference,
        supplier_name=supplier_name,
        key=key,
        refund=False,
    )


def on_refund_made(sender, *, person, amount_pence, occurred_at, reference, supplier_name, key, **extra):
    services.record_movement(
        person=person,
        amount_pence=amount_pence,
        occurred_at=occurred_at,
        reference=reference,
        supplier_name=supplier_name,
        key=key,
        refund=True,
    )
