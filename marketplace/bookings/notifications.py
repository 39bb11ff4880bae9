"""Emails about offers, bookings, visits and cover, each in its reader's chosen language, to those who have not
turned booking emails off. Every email links to the page to act on and carries a one-click way to stop them."""

from contextlib import contextmanager
from contextvars import ContextVar

from marketplace.core import email_choices
from marketplace.core.email_choices import language_of, url_in

TOPIC = "bookings"
_muted = ContextVar("booking_emails_muted", default=False)


@contextmanager
def muted():
    """No booking emails inside: demo data describes things that never happened to anyone."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def send(user, template, context):
    if _muted.get():
        return False
    return email_choices.send(user, TOPIC, f"bookings/email/{template}", context)


def _context(booking, visit=None, **extra):
    context = {"booking": booking, "visit": visit, "reference": booking.reference, **extra}
    return context


def to_person(booking, template, visit=None, **extra):
    if booking.person is None:
        return
    language = language_of(booking.person)
    link = url_in(language, "bookings:visit", visit.pk) if visit else url_in(language, "bookings:detail", booking.pk)
    send(booking.person, template, _context(booking, visit, link=link, **extra))


def to_supplier(booking, template, visit=None, **extra):
    for user in booking.supplier.members.all():
        language = language_of(user)
        name, args = ("bookings:visit", [visit.pk]) if visit else ("bookings:detail", [booking.pk])
        send(user, template, _context(booking, visit, link=url_in(language, name, *args), **extra))


def to_side(side, booking, template, visit=None, **extra):
    """Tell the other side of whoever acted."""
    if side == "person":
        to_supplier(booking, template, visit, **extra)
    else:
        to_person(booking, template, visit, **extra)
