"""Email subscriptions anyone may ask for with an address (guidance alerts, saved searches, and later ones).

Every kind works the same way:
- double opt-in: asking records a pending subscription and emails a link; nothing else is sent until it is confirmed;
- the confirmation link's GET only shows a button (mail scanners follow links), its POST confirms;
- every email after that carries a one-click unsubscribe link and RFC 8058 `List-Unsubscribe` headers; a mail
  client's POST to it needs no CSRF token (the secret token in the link is the proof);
- sign-ups are limited per address and per client (`ratelimits`), and the pages never say whether an address is
  known or over its limit.

A kind is a `Subscriptions` subclass: its model (with `email`, `language` and `confirmed_at`), how its links carry
a token (`SignedTokens` or `StoredTokens`), its URL namespace and the words its pages say. The pages themselves are
shared (`templates/subscriptions/`, views in `subscription_views`, URLs from `urls_subscriptions.urlpatterns`).
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation

from . import ratelimits
from .emails import queue_email
from .urls_absolute import absolute_url


@dataclass(frozen=True)
class Page:
    """What one shared page says for one kind of subscription. `text` may name the subscription's placeholders
    (`%(label)s`); `link` is a URL name, or a function of the subscription that returns a URL."""

    title: str = ""
    text: str = ""
    button: str = ""
    link_text: str = ""
    link: str | Callable = ""


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058 headers: mail clients show an unsubscribe button that POSTs to `url` in one click."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


class Subscriptions:
    """One kind of email subscription. Subclasses set the attributes, `pages()` and the token methods (from a
    token mixin below), and may refine `confirm` and `unsubscribe`."""

    model = None
    purpose = ""  # names its rate limits, e.g. "alerts"
    namespace = ""  # URL namespace of its check_email, confirm, unsubscribe and unsubscribed pages
    confirmation_max_age = timedelta(days=7)
    client_limit_setting = "EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT"
    address_limit_setting = "EMAILS_TO_OTHERS_PER_HOUR_PER_RECIPIENT"

    # --- Tokens (see SignedTokens and StoredTokens) ---

    def confirmation_token(self, subscription):
        raise NotImplementedError

    def unsubscribe_token(self, subscription):
        raise NotImplementedError

    def awaiting_confirmation(self, token):
        """The subscription a confirmation link is for while the link works, else None."""
        raise NotImplementedError

    def to_unsubscribe(self, token):
        """The subscription an unsubscribe link is for, else None."""
        raise NotImplementedError

    # --- What happens ---

    def confirm(self, subscription):
        if subscription.confirmed_at is None:
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["confirmed_at"])
        return subscription

    def unsubscribe(self, subscription):
        subscription.delete()

    # --- Words ---

    def pages(self):
        """{page name: Page} for "check_email", "confirm", "confirmed", "link_invalid", "unsubscribe",
        "unsubscribed", and "too_many" (whose `text` a client over its limit reads)."""
        raise NotImplementedError

    def placeholders(self, subscription):
        return {}

    def page(self, name, subscription=None):
        """A page's words for the template, with the subscription's placeholders filled and its link resolved."""
        page = self.pages()[name]
        text = str(page.text)
        if text and subscription is not None:
            text = text % self.placeholders(subscription)
        link = page.link(subscription) if callable(page.link) else (reverse(page.link) if page.link else "")
        return {"title": page.title, "text": text, "button": page.button, "link": link, "link_text": page.link_text}

    # --- Links and emails ---

    def url_name(self, page):
        return f"{self.namespace}:{page}"

    def _link(self, page, token, language):
        with translation.override(language):
            return absolute_url(reverse(self.url_name(page), kwargs={"token": token}))

    def confirm_url(self, subscription):
        """The absolute confirmation link, in the subscription's language."""
        return self._link("confirm", self.confirmation_token(subscription), subscription.language)

    def unsubscribe_url(self, subscription):
        return self._link("unsubscribe", self.unsubscribe_token(subscription), subscription.language)

    def send_confirmation(self, subscription, template_prefix, context=None):
        """Email the confirmation link (as `confirm_url`) in the subscription's language, after commit."""
        queue_email(
            template_prefix,
            subscription.email,
            {"confirm_url": self.confirm_url(subscription), **(context or {})},
            language=subscription.language,
        )

    def send(self, subscription, template_prefix, context=None):
        """Email a confirmed subscriber, with the unsubscribe link (as `unsubscribe_url`) and its headers."""
        url = self.unsubscribe_url(subscription)
        queue_email(
            template_prefix,
            subscription.email,
            {"unsubscribe_url": url, **(context or {})},
            language=subscription.language,
            headers=unsubscribe_headers(url),
        )

    # --- Asking ---

    def sign_up(self, request, email, start):
        """Ask for a subscription for `email`: `start(email)` records it and sends the confirmation.

        The answer is the same page whether or not anything was sent: over the address's limit nothing is, and the
        page must not reveal that. Only a client that asked for too many this hour is told (429)."""
        if not ratelimits.may_send_from(request, self.purpose, getattr(settings, self.client_limit_setting)):
            return ratelimits.too_many(request, self.pages()["too_many"].text)
        if ratelimits.may_send_to(email, self.purpose, getattr(settings, self.address_limit_setting)):
            start(email.lower())
        return redirect(self.url_name("check_email"))


class SignedTokens:
    """Links that carry the subscription's id and address, signed: nothing to store, and a link stops working when
    the subscription it names is gone. Confirmation links expire; unsubscribe links do not."""

    salt = ""  # e.g. "home.alerts": ".confirm" and ".unsubscribe" are added

    def _sign(self, subscription, use):
        return signing.dumps({"id": subscription.pk, "email": subscription.email}, salt=f"{self.salt}.{use}")

    def _read(self, token, use, max_age=None):
        try:
            data = signing.loads(token, salt=f"{self.salt}.{use}", max_age=max_age)
        except signing.BadSignature:
            return None
        return self.model.objects.filter(pk=data.get("id"), email=data.get("email")).first()

    def confirmation_token(self, subscription):
        return self._sign(subscription, "confirm")

    def unsubscribe_token(self, subscription):
        return self._sign(subscription, "unsubscribe")

    def awaiting_confirmation(self, token):
        return self._read(token, "confirm", max_age=self.confirmation_max_age)

    def to_unsubscribe(self, token):
        return self._read(token, "unsubscribe")


def new_token():
    return secrets.token_urlsafe(32)


class StoredTokens:
    """One random token stored on the subscription (field `token`) serves both links. A confirmation link works for
    `confirmation_max_age` after the last request (`created_at`), and for good once confirmed."""

    def confirmation_token(self, subscription):
        return subscription.token

    def unsubscribe_token(self, subscription):
        return subscription.token

    def _by_token(self, token):
        return self.model.objects.filter(token=token).first() if token else None

    def awaiting_confirmation(self, token):
        subscription = self._by_token(token)
        if subscription is None:
            return None
        if subscription.confirmed_at is None and subscription.created_at < timezone.now() - self.confirmation_max_age:
            return None
        return subscription

    def to_unsubscribe(self, token):
        return self._by_token(token)
