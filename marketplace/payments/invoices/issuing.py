"""Issuing invoices from approved visits, one per booking and period, and correcting them with credit notes.

`issue_due()` (the `issue_invoices` command, from cron) invoices every payable visit of a finished period that is on no
invoice yet; running it again, or twice at once, invoices nothing twice (a visit has at most one invoice line, and
the supplier's counter row is locked while a number is taken, so a failed invoice gives its number back).
"""

import datetime
from collections import defaultdict

import stripe
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.bookings.models import Visit
from marketplace.core.permissions import acts_for
from marketplace.core.workflow import Transition, Workflow

from .. import stripe_api
from .models import CreditNote, DocumentCounter, Invoice, InvoiceLine, Payment, SupplierVat

Status = Invoice.Status
PERIOD_ANCHOR = datetime.date(2024, 1, 1)  # a Monday: weekly periods run Monday to Sunday

WORKFLOW = Workflow(
    "invoice",
    [
        Transition("issue", ("",), Status.ISSUED, gettext_lazy("Issued")),
        Transition("pay", (Status.ISSUED,), Status.PAID, gettext_lazy("Paid")),
        Transition("cancel", (Status.ISSUED,), Status.CANCELLED, gettext_lazy("Cancelled by credit notes")),
    ],
)


def period_of(day, days=None):
    """The first and last day of the invoicing period `day` falls in."""
    days = days or settings.INVOICE_PERIOD_DAYS
    start = day - datetime.timedelta(days=(day - PERIOD_ANCHOR).days % days)
    return start, start + datetime.timedelta(days=days - 1)


def vat_on(net_pence, basis_points):
    """VAT on a net amount, rounded half up to a penny."""
    return (net_pence * basis_points * 2 + 10_000) // 20_000


def vat_within(total_pence, basis_points):
    """The VAT part of an amount that includes VAT, rounded half up."""
    divisor = 10_000 + basis_points
    return (total_pence * basis_points * 2 + divisor) // (2 * divisor)


def vat_rate_for(supplier):
    setting = SupplierVat.objects.filter(supplier=supplier).first()
    if setting is None or not setting.charges_vat:
        return 0, ""
    return settings.INVOICE_VAT_RATE_BASIS_POINTS, setting.vat_number


def _local_date(moment):
    return timezone.localtime(moment).date()


def uninvoiced(before):
    """Payable visits starting before the date `before` that are on no invoice, for bookings with a person."""
    midnight = timezone.make_aware(datetime.datetime.combine(before, datetime.time()))
    return (
        Visit.objects.payable()
        .filter(invoice_line__isnull=True, booking__person__isnull=False, starts_at__lt=midnight)
        .order_by("starts_at", "pk")
    )


def issue_due(now=None):
    """Invoice every payable visit of a finished period that is not invoiced yet. Returns the new invoices."""
    now = now or timezone.now()
    current_start, _end = period_of(_local_date(now))
    groups = defaultdict(list)
    for visit_pk, booking_pk, starts_at in uninvoiced(current_start).values_list("pk", "booking_id", "starts_at"):
        groups[(booking_pk, period_of(_local_date(starts_at)))].append(visit_pk)
    issued = []
    for (booking_pk, (start, end)), visit_pks in sorted(groups.items()):
        invoice = issue(booking_pk, start, end, visit_pks, now=now)
        if invoice is not None:
            issued.append(invoice)
    return issued


def _line(visit):
    minutes = visit.minutes_delivered if visit.minutes_delivered is not None else visit.minutes_planned
    return InvoiceLine(
        visit=visit,
        description=visit.booking.listing_title,
        starts_at=visit.starts_at,
        minutes=max(minutes, 0),
        cancelled=visit.status == Visit.Status.CANCELLED,
        net_pence=visit.amount_due_pence,
    )


def _counter(supplier_pk):
    DocumentCounter.objects.get_or_create(supplier_id=supplier_pk)
    return DocumentCounter.objects.select_for_update().get(supplier_id=supplier_pk)


def issue(booking_pk, period_start, period_end, visit_pks, now=None):
    """One invoice for the booking's given visits that are payable and not invoiced yet (None if none are left)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            visits = list(
                Visit.objects.payable()
                .select_for_update(of=("self",))
                .select_related("booking__supplier", "booking__person")
                .filter(pk__in=visit_pks, booking_id=booking_pk, invoice_line__isnull=True)
                .order_by("starts_at", "pk")
            )
            if not visits:
                return None
            booking = visits[0].booking
            counter = _counter(booking.supplier_id)
            counter.last_invoice += 1
            counter.save(update_fields=["last_invoice"])
            lines = [_line(visit) for visit in visits]
            net = sum(line.net_pence for line in lines)
            rate, vat_number = vat_rate_for(booking.supplier)
            vat = vat_on(net, rate)
            person = booking.person
            invoice = Invoice.objects.create(
                supplier=booking.supplier,
                number=counter.last_invoice,
                booking=booking,
                person=person,
                supplier_name=booking.supplier.name,
                person_name=(getattr(person, "display_name", "") or person.email)[:255],
                vat_number=vat_number,
                vat_rate_basis_points=rate,
                period_start=period_start,
                period_end=period_end,
                net_pence=net,
                vat_pence=vat,
                total_pence=net + vat,
                issued_at=now,
            )
            for line in lines:
                line.invoice = invoice
            InvoiceLine.objects.bulk_create(lines)
            WORKFLOW.record(WORKFLOW, invoice, WORKFLOW["issue"], "", None, "", now)
    except IntegrityError:  # issued at the same moment by another run: those visits are invoiced already
        return None
    return invoice


def credited_pence(invoice):
    return sum(note.total_pence for note in invoice.credit_notes.all())


def outstanding_pence(invoice):
    """What the invoice still asks for: its total less its credit notes."""
    return invoice.total_pence - credited_pence(invoice)


def may_credit(user, invoice):
    return acts_for(user, "providers.manage_supplier", invoice.supplier)


CANCELLED = "canceled"  # a Payment's failure code when the site cancelled it (as Stripe spells it)
PAYING_MESSAGE = gettext_lazy(
    "A card payment of this invoice is going through. Wait until it has finished: you can then refund part of it."
)


def _check_creditable(invoice, total_pence):
    if invoice.status != Status.ISSUED:
        raise ValidationError(_("Only an unpaid invoice can be credited."), code="wrong_state")
    if not 0 < total_pence <= outstanding_pence(invoice):
        raise ValidationError(
            _("The credit must be more than nothing and no more than what the invoice still asks for."),
            code="amount",
        )


def _cancel_unfinished_payments(invoice, now):
    """A card payment started for the old amount could still be confirmed after the credit (a 3-D Secure step left
    open), charging too much: cancel it at Stripe first. One that has just gone through cannot be cancelled, and then
    nothing is credited. Stripe errors other than that refusal propagate."""
    unfinished = list(invoice.payments.filter(status=Payment.Status.STARTED))
    client = stripe_api.client() if any(not payment.demo for payment in unfinished) else None
    for payment in unfinished:
        if not payment.demo:
            try:
                client.v1.payment_intents.cancel(payment.stripe_id)
            except stripe.InvalidRequestError as error:
                raise ValidationError(PAYING_MESSAGE, code="paying") from error
        Payment.objects.filter(pk=payment.pk, status=Payment.Status.STARTED).update(
            status=Payment.Status.FAILED, failure_code=CANCELLED, state_as_of=now
        )


def credit(invoice, by, total_pence, reason, now=None):
    """A credit note for `total_pence` (VAT included, where charged) off an unpaid invoice, with the reason. An
    invoice credited in full is cancelled."""
    if not may_credit(by, invoice):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why you are crediting this invoice: the person will see it."), code="reason")
    now = now or timezone.now()
    _check_creditable(invoice, total_pence)
    _cancel_unfinished_payments(invoice, now)
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
        _check_creditable(invoice, total_pence)
        if invoice.payments.filter(status=Payment.Status.STARTED).exists():  # started since the cancelling above
            raise ValidationError(PAYING_MESSAGE, code="paying")
        outstanding = outstanding_pence(invoice)
        counter = _counter(invoice.supplier_id)
        counter.last_credit_note += 1
        counter.save(update_fields=["last_credit_note"])
        vat = vat_within(total_pence, invoice.vat_rate_basis_points)
        note = CreditNote.objects.create(
            invoice=invoice,
            supplier_id=invoice.supplier_id,
            number=counter.last_credit_note,
            net_pence=total_pence - vat,
            vat_pence=vat,
            total_pence=total_pence,
            reason=reason[:1000],
            created_by=by,
            created_at=now,
        )
        if total_pence == outstanding:
            WORKFLOW.apply(invoice, "cancel", by, reason=reason[:1000], now=now)
    return note


def set_vat(supplier, by, charges_vat, vat_number):
    """Record whether the supplier charges VAT (on invoices issued from now on) and its number."""
    if not acts_for(by, "providers.manage_supplier", supplier):
        raise PermissionDenied
    setting, _created = SupplierVat.objects.update_or_create(
        supplier=supplier,
        defaults={"charges_vat": charges_vat, "vat_number": vat_number, "updated_by": by},
    )
    return setting
