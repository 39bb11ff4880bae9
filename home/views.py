from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from marketplace.core import ratelimits

from . import alerts
from .forms import AlertSubscriptionForm


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = AlertSubscriptionForm(request.POST or None, initial=request.GET or None)
    if request.method == "POST":
        if form.is_valid():
            if not ratelimits.may_send_from(request, "alerts"):
                return ratelimits.too_many(
                    request,
                    _("Many alerts have been asked for from your connection in the last hour. Try again later."),
                )
            email = form.cleaned_data["email"]
            # Over the per-address limit nothing is sent, and the page says the same: it must not reveal the address.
            if ratelimits.may_send_to(email, "alerts"):
                alerts.request_subscription(
                    email, form.cleaned_data["topics"], form.cleaned_data["audiences"], get_language()
                )
            return redirect("alerts:check_email")
        return render(request, "home/alerts/subscribe.html", {"form": form}, status=400)
    return render(request, "home/alerts/subscribe.html", {"form": form})


def check_email(request):
    return render(request, "home/alerts/check_email.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    # Confirming changes state, so a GET (which mail scanners follow) only shows a button.
    if request.method == "GET":
        if alerts._subscription_from(token, alerts.CONFIRM_SALT, max_age=alerts.CONFIRMATION_MAX_AGE) is None:
            return render(request, "home/alerts/link_invalid.html", status=404)
        return render(request, "home/alerts/confirm.html")
    subscription = alerts.confirm_subscription(token)
    if subscription is None:
        return render(request, "home/alerts/link_invalid.html", status=404)
    return render(request, "home/alerts/confirmed.html", {"subscription": subscription})


@csrf_exempt  # mail clients' RFC 8058 one-click POSTs carry no CSRF token; the secret token in the URL is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows one button; POST (the button, or a mail client's RFC 8058 one-click request) unsubscribes."""
    if request.method == "POST":
        alerts.unsubscribe(token)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return render(request, "home/alerts/unsubscribed.html")
        return redirect("alerts:unsubscribed")
    if alerts.subscription_for_unsubscribe(token) is None:
        raise Http404
    return render(request, "home/alerts/unsubscribe.html")


def unsubscribed(request):
    return render(request, "home/alerts/unsubscribed.html")
