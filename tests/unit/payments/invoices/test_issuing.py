"""Invoices from approved visits: one per booking and period, numbered per supplier without gaps, never changed,
VAT only where the supplier charges it, and a visit invoiced once whatever runs again."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from marketplace.bookings.models import Visit
from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import CreditNote, Invoice, InvoiceLine

from .conftest import VISIT_PENCE, approve_past, past_booking

pytestmark = pytest.mark.django_db


def _payable_before_this_week():
    start, _end = issuing.period_of(timezone.localdate())
    midnight = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
    return Visit.objects.payable().filter(starts_at__lt=midnight).count()


def test_each_finished_week_of_approved_visits_becomes_one_invoice_at_the_bookings_prices(booking):
    issued = issuing.issue_due()

    # Three finished weeks, two visits each (Mondays and Thursdays); this week's visits wait for the week to end.
    assert [invoice.number for invoice in issued] == [1, 2, 3]
    for invoice in issued:
        assert invoice.lines.count() == 2
        assert (invoice.net_pence, invoice.vat_pence, invoice.total_pence) == (2 * VISIT_PENCE, 0, 2 * VISIT_PENCE)
        assert invoice.period_end - invoice.period_start == datetime.timedelta(days=6)
        assert all(invoice.period_start <= timezone.localtime(line.starts_at).date() <= invoice.period_end
                   for line in invoice.lines.all())  # fmt: skip
    assert issued[0].reference == f"INV-{booking.supplier_id}-00001"


def test_issuing_again_invoices_nothing_twice(booking):
    first = issuing.issue_due()
    call_command("issue_invoices")
    issuing.issue_due()

    assert Invoice.objects.count() == len(first)
    assert InvoiceLine.objects.count() == _payable_before_this_week()


def test_a_visit_approved_late_goes_on_a_new_invoice_of_its_own_period_and_numbers_stay_without_gaps(
    person, owner, listing
):
    booking = past_booking(person, owner, listing)
    approve_past(booking, person, owner, count=1)
    assert [invoice.number for invoice in issuing.issue_due()] == [1]

    approve_past(booking, person, owner)  # the rest, approved late
    later = issuing.issue_due()

    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(later) == 3  # the first week's other visit, and the two weeks after
    assert InvoiceLine.objects.count() == _payable_before_this_week()


def test_numbers_are_per_supplier(booking, person, other_owner, other_organisation):
    from tests.unit.bookings.conftest import publish
    from tests.unit.providers.conftest import make_listing

    other_listing = publish(make_listing(organisation=other_organisation, title="Glasgow support"))
    other = past_booking(person, other_owner, other_listing, weeks=2)
    approve_past(other, person, other_owner)

    issuing.issue_due()

    assert sorted(Invoice.objects.filter(supplier=booking.supplier).values_list("number", flat=True)) == [1, 2, 3]
    assert sorted(Invoice.objects.filter(supplier=other.supplier).values_list("number", flat=True)) == [1, 2]


def test_an_issued_invoice_and_its_lines_cannot_be_changed(booking):
    invoice = issuing.issue_due()[0]

    invoice.total_pence = 1
    with pytest.raises(ValidationError):
        invoice.save()
    with pytest.raises(ValidationError):
        invoice.save(update_fields=["total_pence"])
    line = invoice.lines.first()
    line.net_pence = 1
    with pytest.raises(ValidationError):
        line.save()
    invoice.refresh_from_db()
    assert invoice.total_pence == 2 * VISIT_PENCE


def test_vat_is_added_only_where_the_supplier_charges_it(booking, owner, settings):
    settings.INVOICE_VAT_RATE_BASIS_POINTS = 2000
    issuing.set_vat(booking.supplier, owner, True, "GB123456789")

    invoice = issuing.issue_due()[0]

    assert (invoice.net_pence, invoice.vat_pence, invoice.total_pence) == (7400, 1480, 8880)
    assert invoice.vat_number == "GB123456789"
    assert invoice.vat_percent == "20"


def test_vat_rounds_half_up_to_a_penny():
    assert issuing.vat_on(1, 2000) == 0  # 0.2p
    assert issuing.vat_on(3, 2000) == 1  # 0.6p
    assert issuing.vat_on(5, 1000) == 1  # 0.5p
    assert issuing.vat_within(120, 2000) == 20


def test_only_an_owner_sets_vat(booking, staff):
    with pytest.raises(PermissionDenied):
        issuing.set_vat(booking.supplier, staff, True, "GB123456789")


def test_credit_notes_lower_what_is_owed_and_a_full_credit_cancels_the_invoice(booking, owner):
    invoice = issuing.issue_due()[0]

    first = issuing.credit(invoice, owner, 1000, "Visit on Monday was 30 minutes short")
    assert (first.number, first.total_pence, first.vat_pence) == (1, 1000, 0)
    assert issuing.outstanding_pence(invoice) == 2 * VISIT_PENCE - 1000

    with pytest.raises(ValidationError):
        issuing.credit(invoice, owner, 2 * VISIT_PENCE, "Too much")  # more than still asked for
    second = issuing.credit(invoice, owner, 2 * VISIT_PENCE - 1000, "Cancelled by agreement")
    invoice.refresh_from_db()
    assert second.number == 2
    assert invoice.status == Invoice.Status.CANCELLED
    assert invoice.total_pence == 2 * VISIT_PENCE  # the invoice itself never changes
    with pytest.raises(ValidationError):
        issuing.credit(invoice, owner, 1, "Again")
    assert CreditNote.objects.count() == 2


def test_credit_notes_need_a_reason_and_an_owner(booking, owner, staff, other_owner):
    invoice = issuing.issue_due()[0]
    with pytest.raises(ValidationError):
        issuing.credit(invoice, owner, 100, "   ")
    for user in (staff, other_owner):
        with pytest.raises(PermissionDenied):
            issuing.credit(invoice, user, 100, "Because")
    assert not CreditNote.objects.exists()


def test_a_credit_note_splits_out_vat_when_the_invoice_charged_it(booking, owner):
    issuing.set_vat(booking.supplier, owner, True, "GB123456789")
    invoice = issuing.issue_due()[0]

    note = issuing.credit(invoice, owner, 1200, "Short visit")

    assert (note.net_pence, note.vat_pence, note.total_pence) == (1000, 200, 1200)
