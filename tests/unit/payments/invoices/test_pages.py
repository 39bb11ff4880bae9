"""Invoice pages: the person, a helper with the money scope and the supplier's members see an invoice; another person,
another supplier and a helper without the money scope get a 404. Forms refuse bad input with a 400 and save nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import CreditNote, Invoice, SupplierVat

from .conftest import VISIT_PENCE, approve_past, past_booking, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoice(booking):
    return issuing.issue_due()[0]


def test_the_person_sees_their_invoices_and_each_invoice(person, invoice):
    client = signed_in(person)
    listing = client.get(reverse("invoices:mine"))
    assert listing.status_code == 200
    assert invoice.reference in listing.text
    page = client.get(reverse("invoices:detail", args=[invoice.pk]))
    assert page.status_code == 200
    assert "£74.00" in page.text
    assert "Leith home support" in page.text


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_invoice_lists_run_the_same_queries_however_many_invoices(person, owner, listing, invoice):
    person_client, owner_client = signed_in(person), signed_in(owner)
    mine, theirs = reverse("invoices:mine"), reverse("invoices:supplier", args=[invoice.supplier_id])
    _queries(person_client, mine), _queries(owner_client, theirs)  # sessions warmed
    few = _queries(person_client, mine), _queries(owner_client, theirs)
    more = past_booking(person, owner, listing, weeks=5)
    approve_past(more, person, owner)
    issuing.issue_due()
    issuing.credit(Invoice.objects.filter(status="issued").last(), owner, 100, "Short")
    assert Invoice.objects.count() > 5
    assert (_queries(person_client, mine), _queries(owner_client, theirs)) == few


def test_a_helper_with_the_money_scope_sees_the_persons_invoices(money_helper, invoice):
    client = signed_in(money_helper, acting=money_helper.arrangement)
    assert invoice.reference in client.get(reverse("invoices:mine")).text
    assert client.get(reverse("invoices:detail", args=[invoice.pk])).status_code == 200
    assert client.get(reverse("invoices:pdf", args=[invoice.pk])).status_code == 200


def test_the_person_reads_each_look_their_helper_took_at_their_invoices(money_helper, person, invoice):
    from marketplace.acting.models import LogEntry

    client = signed_in(money_helper, acting=money_helper.arrangement)
    client.get(reverse("invoices:mine"))
    client.get(reverse("invoices:detail", args=[invoice.pk]))
    entries = LogEntry.objects.filter(person=person, actor=money_helper).order_by("pk")
    assert len(entries) == 2
    assert invoice.reference in entries[1].action  # written in the person's language, naming the invoice
    signed_in(person).get(reverse("invoices:detail", args=[invoice.pk]))
    assert LogEntry.objects.count() == 2  # nothing when people look at their own


@pytest.mark.parametrize("who", ["stranger", "other_owner", "helper_without_money"])
def test_nobody_else_sees_an_invoice(who, request, invoice, helper):
    if who == "helper_without_money":
        client = signed_in(helper, acting=helper.arrangement)
    else:
        client = signed_in(request.getfixturevalue(who))
    for name in ("detail", "pdf", "credit"):
        assert client.get(reverse(f"invoices:{name}", args=[invoice.pk])).status_code == 404
    assert client.get(reverse("invoices:supplier", args=[invoice.supplier_id])).status_code == 404
    if who == "helper_without_money":
        assert client.get(reverse("invoices:mine")).status_code == 404
    else:
        assert invoice.reference not in client.get(reverse("invoices:mine")).text


def test_signed_out_visitors_are_sent_to_sign_in(client, invoice):
    response = client.get(reverse("invoices:detail", args=[invoice.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_suppliers_members_see_its_invoices_but_only_owners_credit_or_set_vat(owner, staff, invoice):
    staff_client = signed_in(staff)
    assert invoice.reference in staff_client.get(reverse("invoices:supplier", args=[invoice.supplier_id])).text
    assert staff_client.get(reverse("invoices:detail", args=[invoice.pk])).status_code == 200
    assert staff_client.get(reverse("invoices:credit", args=[invoice.pk])).status_code == 404
    assert staff_client.get(reverse("invoices:vat", args=[invoice.supplier_id])).status_code == 404
    owner_client = signed_in(owner)
    assert owner_client.get(reverse("invoices:credit", args=[invoice.pk])).status_code == 200
    assert owner_client.get(reverse("invoices:vat", args=[invoice.supplier_id])).status_code == 200


def test_the_person_cannot_credit_their_own_invoice(person, invoice):
    assert (
        signed_in(person)
        .post(reverse("invoices:credit", args=[invoice.pk]), {"amount": "1", "reason": "x"})
        .status_code
        == 404
    )
    assert not CreditNote.objects.exists()


def test_the_pdf_is_a_pdf_named_after_the_invoice(person, invoice):
    response = signed_in(person).get(reverse("invoices:pdf", args=[invoice.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert invoice.reference in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_a_credit_note_shows_on_the_invoice_for_both_sides(owner, person, invoice):
    response = signed_in(owner).post(
        reverse("invoices:credit", args=[invoice.pk]), {"amount": "£10.00", "reason": "Monday's visit was short"}
    )
    assert response.status_code == 302
    for user in (owner, person):
        page = signed_in(user).get(reverse("invoices:detail", args=[invoice.pk])).text
        assert "Monday&#x27;s visit was short" in page
        assert "£64.00" in page  # still to pay
        assert "£74.00" in page  # the invoice's total, unchanged


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"amount": "", "reason": "Short"},
        {"amount": "ten", "reason": "Short"},
        {"amount": "-5", "reason": "Short"},
        {"amount": "0", "reason": "Short"},
        {"amount": "1e3", "reason": "Short"},
        {"amount": "10.555", "reason": "Short"},
        {"amount": "10", "reason": "   "},
        {"amount": "10", "reason": "x" * 1001},
        {"amount": str(VISIT_PENCE * 2 / 100 + 0.01), "reason": "More than owed"},
    ],
)
def test_bad_credit_notes_are_refused_with_a_clear_error_and_nothing_saved(owner, invoice, data):
    response = signed_in(owner).post(reverse("invoices:credit", args=[invoice.pk]), data)
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert not CreditNote.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"charges_vat": "on", "vat_number": ""},
        {"charges_vat": "on", "vat_number": "123"},
        {"charges_vat": "on", "vat_number": "GB12345678901234567890"},
        {"vat_number": "FR123456789"},
    ],
)
def test_bad_vat_settings_are_refused_and_nothing_saved(owner, booking, data):
    response = signed_in(owner).post(reverse("invoices:vat", args=[booking.supplier_id]), data)
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert not SupplierVat.objects.exists()


def test_the_owner_sets_vat_and_new_invoices_charge_it(owner, booking):
    response = signed_in(owner).post(
        reverse("invoices:vat", args=[booking.supplier_id]), {"charges_vat": "on", "vat_number": "gb 123 4567 89"}
    )
    assert response.status_code == 302
    assert SupplierVat.objects.get().vat_number == "GB123456789"
    assert issuing.issue_due()[0].vat_pence == 1480


def test_the_account_page_and_the_dashboard_link_to_invoices(person, owner, invoice):
    account = signed_in(person).get(reverse("account_dashboard")).text
    assert reverse("invoices:mine") in account
    assert "3 invoices to pay" in account  # three finished weeks
    dashboard = signed_in(owner).get(reverse("providers:home")).text
    assert reverse("invoices:supplier", args=[invoice.supplier_id]) in dashboard
