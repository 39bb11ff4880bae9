"""Pages that load Stripe.js (paying, saving a card) widen the Content-Security-Policy for that page only."""

from urllib.parse import urlsplit

from django.conf import settings


def _origin():
    parts = urlsplit(settings.STRIPE_JS_URL)
    return f"{parts.scheme}://{parts.netloc}"


def allow(response):
    """Let this page, and only this page, load Stripe.js from its origin (and its frames and requests)."""
    origin = _origin()
    extra = {"script-src": [origin], "frame-src": [origin], "connect-src": [origin]}
    if origin == "https://js.stripe.com":  # Stripe's own documented origins for card payments and 3-D Secure
        extra["frame-src"].append("https://hooks.stripe.com")
        extra["connect-src"].append("https://api.stripe.com")
    response._csp_update = extra
    return response


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")
