"""Saved cards: the person's list (or that of whom a helper with the money scope acts for), saving a card with
Stripe.js, and removing one. Anyone else's card is a 404."""

import logging
import re

import stripe
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.acting import context
from marketplace.acting.models import Scope

from .. import stripe_api, stripe_js
from ..forms import new_attempt
from ..invoices import access
from . import saving

logger = logging.getLogger(__name__)
ATTEMPT = re.compile(r"^[A-Za-z0-9_-]{16,64}\Z")


def _unreachable():
    return _("Stripe could not be reached just now. Nothing was saved: try again in a few minutes.")


@login_required
@require_http_methods(["GET", "POST"])
def cards(request):
    """GET: the saved cards and the form to save one. POST (from the page's script): a SetupIntent's client secret
    as JSON, the same one however often the page's form is sent."""
    person = access.person_for(request)
    if request.method == "POST":
        if not stripe_js.wants_json(request):  # no script on the page: the page explains saving needs JavaScript
            return redirect("invoices:cards")
        if not ATTEMPT.match(request.POST.get("attempt", "")):
            return JsonResponse({"error": _("The form was not sent as shown: open the page again.")}, status=400)
        try:
            client_secret = saving.start_setup(person, request.user, request.POST["attempt"])
        except ValidationError as error:
            return JsonResponse({"error": error.messages[0]}, status=409)
        except stripe.StripeError as error:
            logger.warning("Stripe refused or did not answer saving a card for %s: %s", person.pk, error)
            return JsonResponse({"error": _unreachable()}, status=503)
        return JsonResponse({"client_secret": client_secret})
    response = render(
        request,
        "payments/cards/list.html",
        {
            "cards": list(saving.saved_cards(person)),
            "attempt": new_attempt(),
            "configured": stripe_api.is_configured(),
            "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
            "stripe_js_url": settings.STRIPE_JS_URL,
            "acting_for": context.arrangement(request),
        },
    )
    return stripe_js.allow(response) if stripe_api.is_configured() else response


@login_required
@require_POST
def saved(request):
    """The page's script says Stripe.js confirmed a SetupIntent: keep its card (checked with Stripe)."""
    person = access.person_for(request)
    try:
        card = saving.finish_setup(person, request.user, request.POST.get("setup_intent", ""))
    except ValidationError as error:
        return JsonResponse({"error": error.messages[0]}, status=400)
    except stripe.StripeError as error:
        logger.warning("Stripe refused or did not answer keeping a card for %s: %s", person.pk, error)
        return JsonResponse({"error": _unreachable()}, status=503)
    context.record(
        request,
        Scope.MONEY,
        gettext_lazy("Saved a card ending %(last4)s for paying invoices"),
        reverse("invoices:cards"),
        last4=card.last4,
    )
    messages.success(request, _("Card ending %(last4)s saved.") % {"last4": card.last4})
    return JsonResponse({"next": reverse("invoices:cards")})


@login_required
@require_http_methods(["GET", "POST"])
def remove(request, pk):
    person = access.person_for(request)
    try:
        card = saving.card_of(person, pk)
    except PermissionDenied:
        raise Http404 from None
    problem, status = "", 200
    if request.method == "POST":
        try:
            saving.remove(card, request.user)
        except ValidationError as error:
            problem, status = error.messages[0], 409
        except stripe.StripeError as error:
            status = 503
            logger.warning("Stripe refused or did not answer removing card %s: %s", card.pk, error)
            problem = _("Stripe could not be reached just now. The card was not removed: try again in a few minutes.")
        else:
            context.record(
                request,
                Scope.MONEY,
                gettext_lazy("Removed the saved card ending %(last4)s"),
                reverse("invoices:cards"),
                last4=card.last4,
            )
            messages.success(request, _("Card ending %(last4)s removed.") % {"last4": card.last4})
            return redirect("invoices:cards")
    return render(
        request,
        "payments/cards/remove.html",
        {"card": card, "problem": problem, "acting_for": context.arrangement(request)},
        status=status,
    )
