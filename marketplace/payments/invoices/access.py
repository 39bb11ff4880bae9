"""Who may see an invoice: the person it is addressed to (or a helper acting for them with the money scope), and the
members of the supplier that issued it. Anyone else gets a 404, as if it did not exist."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from marketplace.acting import context
from marketplace.acting.models import Scope
from marketplace.core.permissions import acts_for
from providers.models import Supplier

from .models import Invoice

PERSON, SUPPLIER = "person", "supplier"


def person_for(request):
    """The person whose invoices this request may see (themself, or whom a helper with money scope acts for)."""
    if not request.user.is_authenticated or not context.may(request, Scope.MONEY):
        raise Http404
    return context.principal(request)


def is_person(request, invoice):
    return (
        request.user.is_authenticated
        and invoice.person_id is not None
        and context.principal(request).pk == invoice.person_id
        and context.may(request, Scope.MONEY)
    )


def is_supplier(request, invoice):
    return acts_for(request.user, "providers.act_for_supplier", invoice.supplier)


def invoice_for(request, pk):
    invoice = get_object_or_404(Invoice.objects.select_related("supplier", "booking", "person"), pk=pk)
    if is_person(request, invoice):
        return invoice, PERSON
    if is_supplier(request, invoice):
        return invoice, SUPPLIER
    raise Http404


def supplier_for(request, pk, permission="providers.act_for_supplier"):
    supplier = get_object_or_404(Supplier, pk=pk)
    if not acts_for(request.user, permission, supplier):
        raise Http404
    return supplier
