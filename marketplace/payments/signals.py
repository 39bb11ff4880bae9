"""What the payments app tells the layers above it when money moves, so that they (the personal budget first) need not
read payments' models. Each signal is sent once per change, after the transaction that recorded it commits, with plain
values:

- ``person``: the user whose budget pays (the invoice's customer, never a helper acting for them);
- ``amount_pence``: a positive integer;
- ``occurred_at``: when the money moved (Stripe's time where Stripe said it);
- ``reference``: words a person recognises, e.g. the invoice number;
- ``supplier_name``: the supplier's public name;
- ``key``: unique for this movement (e.g. ``"invoice-payment:42"``, ``"refund:re_123"``), so a receiver can record
  it once however often it hears it.
"""

from django.dispatch import Signal

payment_received = Signal()
refund_made = Signal()
