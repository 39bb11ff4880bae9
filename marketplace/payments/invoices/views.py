"""Invoice pages: the person's invoices (or those of whom a helper with the money scope acts for), a supplier's
invoices, one invoice (page and PDF), a credit note, and the supplier's VAT setting. Anyone else gets a 404."""

import logging

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from marketplace.acting import context
from marketplace.acting.models import Scope
from marketplace.core.form_errors import error_list
from marketplace.core.workflow import history

from .. import stripe_js
from ..cards import saving
from ..forms import new_attempt
from . import access, disputes, issuing, paying, pdf, refunds
from .forms import CreditNoteForm, RefundForm, VatForm
from .models import Dispute, Invoice, Refund, SupplierVat

logger = logging.getLogger(__name__)
PAGE_SIZE = 100


def _with_outstanding(invoices):
    return invoices.select_related("supplier").annotate(credited=Coalesce(Sum("credit_notes__total_pence"), 0))


def _page(request, template, context_data, form=None):
    context_data["errors"] = error_list(form) if form is not None else []
    status = 400 if context_data["errors"] else 200
    return render(request, template, context_data, status=status)


@login_required
@require_GET
def mine(request):
    person = access.person_for(request)
    context.record(request, Scope.MONEY, gettext_lazy("Looked at the invoices"), request.path)
    invoices = list(_with_outstanding(Invoice.objects.filter(person=person))[:PAGE_SIZE])
    return render(
        request,
        "payments/invoices/mine.html",
        {"invoices": invoices, "acting_for": context.arrangement(request)},
    )


@login_required
@require_GET
def supplier_invoices(request, pk):
    supplier = access.supplier_for(request, pk)
    invoices = list(_with_outstanding(Invoice.objects.filter(supplier=supplier))[:PAGE_SIZE])
    return render(
        request,
        "payments/invoices/supplier.html",
        {
            "supplier": supplier,
            "invoices": invoices,
            "vat": SupplierVat.objects.filter(supplier=supplier).first(),
            "may_manage": access.acts_for(request.user, "providers.manage_supplier", supplier),
        },
    )


def _invoice_data(pk, request):
    invoice, side = access.invoice_for(request, pk)
    invoice = (
        Invoice.objects.select_related("supplier")
        .prefetch_related("lines", Prefetch("credit_notes"))
        .get(pk=invoice.pk)
    )
    lines, notes = list(invoice.lines.all()), list(invoice.credit_notes.all())
    outstanding = invoice.total_pence - sum(note.total_pence for note in notes)
    if side == access.PERSON:  # a helper's look at someone's money is in the log the person reads
        looked = gettext_lazy("Looked at invoice %(reference)s")
        context.record(request, Scope.MONEY, looked, request.path, reference=invoice.reference)
    return invoice, side, lines, notes, outstanding


@login_required
@require_GET
def detail(request, pk):
    invoice, side, lines, notes, outstanding = _invoice_data(pk, request)
    statuses = dict(Invoice.Status.choices)
    return render(
        request,
        "payments/invoices/detail.html",
        {
            "invoice": invoice,
            "side": side,
            "lines": lines,
            "credit_notes": notes,
            "outstanding": outstanding,
            "history": [(change.at, statuses.get(change.to_status, change.to_status)) for change in history(invoice)],
            "may_credit": side == access.SUPPLIER
            and invoice.status == Invoice.Status.ISSUED
            and issuing.may_credit(request.user, invoice),
            "may_pay": side == access.PERSON and invoice.status == Invoice.Status.ISSUED and outstanding > 0,
            "waiting": invoice.status == Invoice.Status.ISSUED and invoice.payments.filter(status="started").exists(),
            "acting_for": context.arrangement(request),
            "disputes": [
                (dispute, disputes.words_for(dispute)) for dispute in Dispute.objects.filter(payment__invoice=invoice)
            ],
            "refunds": list(Refund.objects.filter(payment__invoice=invoice).exclude(status=Refund.Status.FAILED)),
            "may_refund": side == access.SUPPLIER
            and invoice.status == Invoice.Status.PAID
            and issuing.may_credit(request.user, invoice),
        },
    )


@login_required
@require_GET
def invoice_pdf(request, pk):
    invoice, _side, lines, notes, outstanding = _invoice_data(pk, request)
    response = HttpResponse(pdf.render(invoice, lines, notes, outstanding), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.reference}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def credit(request, pk):
    invoice, side = access.invoice_for(request, pk)
    if side != access.SUPPLIER or not issuing.may_credit(request.user, invoice):
        raise Http404
    outstanding = issuing.outstanding_pence(invoice)
    if request.method == "GET" and invoice.status != Invoice.Status.ISSUED:
        return render(request, "payments/invoices/credit.html", {"invoice": invoice, "closed": True}, status=409)
    form = CreditNoteForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            note = issuing.credit(invoice, request.user, form.cleaned_data["amount"], form.cleaned_data["reason"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error("amount" if error.code == "amount" else None, message)
        except stripe.StripeError as error:
            logger.warning("Stripe did not answer while crediting invoice %s: %s", invoice.pk, error)
            form.add_error(None, _("Stripe could not be reached just now. Nothing was credited: try again."))
        else:
            messages.success(request, _("Credit note %(reference)s issued.") % {"reference": note.reference})
            return redirect("invoices:detail", pk=invoice.pk)
    return _page(
        request, "payments/invoices/credit.html", {"invoice": invoice, "form": form, "outstanding": outstanding}, form
    )


@login_required
@require_http_methods(["GET", "POST"])
def vat(request, pk):
    supplier = access.supplier_for(request, pk, "providers.manage_supplier")
    setting = SupplierVat.objects.filter(supplier=supplier).first()
    form = VatForm(request.POST if request.method == "POST" else None, instance=setting)
    if form.is_valid():
        issuing.set_vat(supplier, request.user, form.cleaned_data["charges_vat"], form.cleaned_data["vat_number"])
        messages.success(request, _("Saved. Invoices issued from now on follow this setting."))
        return redirect("invoices:supplier", pk=supplier.pk)
    return _page(request, "payments/invoices/vat.html", {"supplier": supplier, "form": form}, form)


@login_required
@require_http_methods(["GET", "POST"])
def pay(request, pk):
    """Pay an invoice by card. GET: the page with Stripe's card field. POST (from the page's script): the payment's
    client secret as JSON, the same payment however often it is sent."""
    invoice, side = access.invoice_for(request, pk)
    if side != access.PERSON:
        raise Http404
    if request.method == "POST":
        if not stripe_js.wants_json(request):  # no script on the page: the page explains card payment needs JavaScript
            return redirect("invoices:pay", pk=invoice.pk)
        person = context.principal(request)
        try:
            card = saving.card_of(person, request.POST["card"]) if request.POST.get("card") else None
        except PermissionDenied:
            return JsonResponse({"error": _("Choose one of your saved cards, or a new card.")}, status=400)
        try:
            payment, client_secret = paying.start(invoice, request.user, person, card)
        except ValidationError as error:
            return JsonResponse({"error": error.messages[0]}, status=409)
        except stripe.StripeError as error:
            logger.warning("Stripe refused or did not answer for invoice %s: %s", invoice.pk, error)
            message = _("Stripe could not be reached just now. Nothing was paid: try again in a few minutes.")
            return JsonResponse({"error": message}, status=503)
        context.record(
            request,
            Scope.MONEY,
            gettext_lazy("Started paying invoice %(reference)s by card"),
            reverse("invoices:detail", args=[invoice.pk]),
            reference=invoice.reference,
        )
        return JsonResponse(
            {
                "client_secret": client_secret,
                "payment": payment.pk,
                "payment_method": card.stripe_id if card else "",
            }
        )
    problem = ""
    try:
        paying.check_payable(invoice)
    except ValidationError as error:
        problem = error.messages[0]
    response = render(
        request,
        "payments/invoices/pay.html",
        {
            "invoice": invoice,
            "outstanding": issuing.outstanding_pence(invoice),
            "problem": problem,
            "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
            "stripe_js_url": settings.STRIPE_JS_URL,
            "acting_for": context.arrangement(request),
            "saved_cards": list(saving.saved_cards(context.principal(request))),
        },
        status=409 if problem else 200,
    )
    return stripe_js.allow(response) if not problem else response


@login_required
@require_http_methods(["GET", "POST"])
def refund(request, pk):
    """The supplier's owner gives back all or part of the invoice's payment, with a reason."""
    invoice, side = access.invoice_for(request, pk)
    if side != access.SUPPLIER or not issuing.may_credit(request.user, invoice):
        raise Http404
    payment = refunds.paid_payment(invoice)
    if payment is None:
        return render(request, "payments/invoices/refund.html", {"invoice": invoice, "closed": True}, status=409)
    form = RefundForm(request.POST if request.method == "POST" else None, initial={"attempt": new_attempt()})
    if form.is_valid():
        data = form.cleaned_data
        try:
            refunds.refund(invoice, request.user, data["amount"], data["reason"], data["attempt"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error("amount" if error.code == "amount" else None, message)
        except stripe.StripeError as error:
            logger.warning("Stripe refused or did not answer a refund of invoice %s: %s", invoice.pk, error)
            form.add_error(None, _("Stripe could not be reached just now. Nothing was refunded: try again."))
        else:
            messages.success(request, _("Refund asked of Stripe. The person sees it on the invoice."))
            return redirect("invoices:detail", pk=invoice.pk)
    context_data = {"invoice": invoice, "form": form, "refundable": refunds.refundable_pence(payment)}
    return _page(request, "payments/invoices/refund.html", context_data, form if form.is_bound else None)
