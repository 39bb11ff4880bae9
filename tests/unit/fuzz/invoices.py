"""The invoices part of the fuzzing site and its targets: the bookings world's past visits not yet used there are
delivered and approved, then invoiced (the person's invoices from the provider's organisation)."""

from django.utils import timezone

from marketplace.bookings import visits
from marketplace.bookings.models import Booking, Visit
from marketplace.payments.invoices import issuing, paying


def build(world):
    """Add invoices to `world` (after bookings.build)."""
    person, provider = world.users["person"], world.users["provider"]
    booking = Booking.objects.get(pk=world.real("booking")[1])
    used = set(world.real("visit"))
    now = timezone.now()
    for visit in booking.visits.filter(status=Visit.Status.PLANNED, ends_at__lt=now).exclude(pk__in=used):
        visits.confirm(visit, provider, visit.starts_at, visit.ends_at, "", now=visit.ends_at)
        visits.approve(visit, person, person, now=visit.ends_at)
    invoices = issuing.issue_due(now=now)
    if invoices:
        paying.record_demo_payment(invoices[0], now)
    world.ids.update({"invoice": [invoice.pk for invoice in invoices[:2]], "invoice_supplier": [booking.supplier_id]})


def _credit(world, role):
    return {"amount": "1.00", "reason": "Monday's visit was ten minutes short."}


def _refund(world, role):
    return {"amount": "1.00", "reason": "The visit ended early.", "attempt": "fuzz-attempt-0123456789"}


def _vat(world, role):
    return {"charges_vat": "on", "vat_number": "GB123456789"}


def targets(Target, GET_POST):
    person_side = ("anonymous", "person", "provider", "helper")
    supplier_side = ("anonymous", "provider", "person")
    invoice = {"pk": "invoice"}
    return [
        Target("invoices:mine", roles=person_side, examples=40),
        Target("invoices:detail", roles=person_side, kwargs=invoice, examples=60),
        Target("invoices:pdf", roles=person_side, kwargs=invoice, examples=30),
        Target("invoices:pay", roles=person_side, methods=GET_POST, kwargs=invoice, form=lambda w, r: {}, examples=40),
        Target("invoices:credit", roles=supplier_side, methods=GET_POST, kwargs=invoice, form=_credit, examples=120),
        Target("invoices:refund", roles=supplier_side, methods=GET_POST, kwargs=invoice, form=_refund, examples=80),
        Target("invoices:supplier", roles=supplier_side, kwargs={"pk": "invoice_supplier"}, examples=40),
        Target("invoices:vat", roles=supplier_side, methods=GET_POST, kwargs={"pk": "invoice_supplier"}, form=_vat),
    ]
