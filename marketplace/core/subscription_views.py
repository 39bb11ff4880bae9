"""The pages every kind of email subscription shares: check your email, confirm, unsubscribe (one click, RFC 8058).

Each view takes the kind (`marketplace.core.subscriptions.Subscriptions`) as its first argument; `urls_subscriptions`
binds them to a kind's URLs. The words come from the kind; the templates are `templates/subscriptions/`.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods


def _render(request, kind, name, subscription=None, status=200):
    context = {"page": kind.page(name, subscription), "subscription": subscription}
    return render(request, f"subscriptions/{name}.html", context, status=status)


def check_email(request, kind):
    return _render(request, kind, "check_email")


@require_http_methods(["GET", "POST"])
def confirm(request, kind, token):
    # Confirming changes state, so a GET (which mail scanners follow) only shows a button.
    subscription = kind.awaiting_confirmation(token)
    if subscription is None:
        return _render(request, kind, "link_invalid", status=404)
    if request.method == "POST":
        return _render(request, kind, "confirmed", kind.confirm(subscription))
    return _render(request, kind, "confirm", subscription)


@csrf_exempt  # mail clients' RFC 8058 one-click POSTs carry no CSRF token; the secret token in the URL is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, kind, token):
    """GET shows one button; POST (the button, or a mail client's one-click request) unsubscribes. A POST gets the
    same answer whether or not the link named anything: there is nothing to say about what was there."""
    subscription = kind.to_unsubscribe(token)
    if request.method == "POST":
        if subscription is not None:
            kind.unsubscribe(subscription)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return _render(request, kind, "unsubscribed")
        return redirect(kind.url_name("unsubscribed"))
    if subscription is None:
        raise Http404
    return _render(request, kind, "unsubscribe", subscription)


def unsubscribed(request, kind):
    return _render(request, kind, "unsubscribed")
