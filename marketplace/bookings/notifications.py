"""Emails about offers, bookings, visits and cover, each in its reader's chosen language, to those who have not
turned booking emails off. Every email links to the page to act on and carries a one-click way to stop them."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from marketplace.core.emails import queue_email
from marketplace.core.urls_absolute import absolute_url

from .models import EmailPreference

OFF_SALT = "bookings.emails.off"
_muted = ContextVar("booking_emails_muted", default=False)


@contextmanager
def muted():
    """No booking emails inside: demo data describes things that never happened to anyone."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def off_token(user):
    return signing.dumps({"id": user.pk}, salt=OFF_SALT)


def user_id_from_off_token(token):
    try:
        return signing.loads(token, salt=OFF_SALT)["id"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


def wants_email(user):
    if user is None or not user.is_active or not user.email or user.email.endswith("@invalid"):
        return False
    return not EmailPreference.objects.filter(user=user, send=False).exists()


def url_in(language, name, *args):
    """An absolute link to `name` in the reader's language."""
    with translation.override(language):
        return absolute_url(reverse(name, args=args))


def send(user, template, context):
    if _muted.get() or not wants_email(user):
        return False
    language = user.preferred_language or settings.LANGUAGE_CODE
    off_url = url_in(language, "bookings:email_off", off_token(user))
    queue_email(
        f"bookings/email/{template}",
        user.email,
        {**context, "off_url": off_url, "preferences_url": url_in(language, "bookings:email_preferences")},
        language=language,
        headers={"List-Unsubscribe": f"<{off_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    return True


def _context(booking, visit=None, **extra):
    context = {"booking": booking, "visit": visit, "reference": booking.reference, **extra}
    return context


def to_person(booking, template, visit=None, **extra):
    if booking.person is None:
        return
    language = booking.person.preferred_language or settings.LANGUAGE_CODE
    link = url_in(language, "bookings:visit", visit.pk) if visit else url_in(language, "bookings:detail", booking.pk)
    send(booking.person, template, _context(booking, visit, link=link, **extra))


def to_supplier(booking, template, visit=None, **extra):
    for user in booking.supplier.members.all():
        language = user.preferred_language or settings.LANGUAGE_CODE
        name, args = ("bookings:visit", [visit.pk]) if visit else ("bookings:detail", [booking.pk])
        send(user, template, _context(booking, visit, link=url_in(language, name, *args), **extra))


def to_side(side, booking, template, visit=None, **extra):
    """Tell the other side of whoever acted."""
    if side == "person":
        to_supplier(booking, template, visit, **extra)
    else:
        to_person(booking, template, visit, **extra)
