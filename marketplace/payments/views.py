"""Payments pages for a supplier's owners (connect a Stripe account, come back from Stripe) and Stripe's webhook.

Only someone who may manage the supplier sees its payments pages; anyone else gets a 404, as for a supplier that
does not exist. With no Stripe key set, the pages say payments are not set up. Stripe being unreachable gives a page
saying so (503), never a server error.
"""

import logging

import stripe
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, RawPostDataException
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from marketplace.core.form_errors import error_list
from marketplace.core.permissions import acts_for
from providers.models import Supplier

from . import connect, requirements, stripe_api, webhooks
from .forms import ConnectForm, new_attempt

logger = logging.getLogger(__name__)


def _supplier(request, pk):
    supplier = get_object_or_404(Supplier, pk=pk)
    if not acts_for(request.user, "providers.manage_supplier", supplier):
        raise Http404
    return supplier


def _page(request, supplier, *, form=None, status=200, problem=""):
    account = connect.account_for(supplier)
    context = {
        "supplier": supplier,
        "account": account,
        "needs": requirements.describe(account.currently_due) if account else [],
        "configured": stripe_api.is_configured(),
        "form": form or ConnectForm(initial={"attempt": new_attempt()}),
        "problem": problem,
    }
    # The only field is hidden: its errors point at the button that sends the form again.
    context["errors"] = [("connect", message) for _anchor, message in error_list(form)] if form is not None else []
    return render(request, "payments/supplier.html", context, status=status)


def _unreachable(request, supplier, error):
    logger.warning("Stripe refused or did not answer for supplier %s: %s", supplier.pk, error)
    problem = _("Stripe could not be reached just now. Nothing has changed: try again in a few minutes.")
    return _page(request, supplier, status=503, problem=problem)


@login_required
@require_http_methods(["GET", "POST"])
def supplier(request, pk):
    """The supplier's payments: whether it can take payments, what Stripe still needs, and the way to Stripe."""
    supplier = _supplier(request, pk)
    if request.method == "GET" or not stripe_api.is_configured():
        return _page(request, supplier)
    form = ConnectForm(request.POST)
    if not form.is_valid():
        return _page(request, supplier, form=form, status=400)
    existing = connect.account_for(supplier)
    if existing is not None and existing.status == existing.Status.DISCONNECTED:
        return _page(request, supplier, status=409)  # the page says to contact the council
    try:
        account = connect.ensure_account(supplier, request.user)
        url = connect.onboarding_link(account, form.cleaned_data["attempt"])
    except stripe.StripeError as error:
        return _unreachable(request, supplier, error)
    return HttpResponseRedirect(url)


@login_required
@require_GET
def refresh(request, pk):
    """Stripe sends the supplier here when an onboarding link has expired or was used: give them a new one."""
    supplier = _supplier(request, pk)
    account = connect.account_for(supplier)
    if account is None or not stripe_api.is_configured():
        return redirect("payments:supplier", pk=supplier.pk)
    try:
        url = connect.onboarding_link(account, new_attempt())
    except stripe.StripeError as error:
        return _unreachable(request, supplier, error)
    return HttpResponseRedirect(url)


@login_required
@require_GET
def came_back(request, pk):
    """Stripe sends the supplier here after onboarding: read the account again, so the page shows Stripe's word."""
    supplier = _supplier(request, pk)
    account = connect.account_for(supplier)
    if account is None or not stripe_api.is_configured():
        return redirect("payments:supplier", pk=supplier.pk)
    try:
        account = connect.refresh_from_stripe(account, request.user)
    except stripe.StripeError as error:
        return _unreachable(request, supplier, error)
    if account.can_take_payments:
        messages.success(request, _("Your Stripe account is ready: you can take payments."))
    else:
        messages.info(request, _("Thank you. Stripe still needs a few things before you can take payments."))
    return redirect("payments:supplier", pk=supplier.pk)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's events: 400 unless genuine and fresh; 200 once stored (or already stored); processed later."""
    try:
        event = webhooks.verify(request.body, request.headers.get("Stripe-Signature", ""))
    except RawPostDataException:  # a multipart form, already read by a middleware: never Stripe's JSON
        return HttpResponse(status=400)
    except webhooks.Refused as refusal:
        logger.info("Refused a Stripe webhook: %s", refusal)
        return HttpResponse(status=400)
    webhooks.store(event)
    return HttpResponse(status=200)
