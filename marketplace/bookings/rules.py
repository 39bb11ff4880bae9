"""Who may do what to bookings (django-rules). The supplier's side is membership of the booking's supplier; the
person's side is decided per request through `marketplace.acting.context` (see `access.py`); editors decide
visits in dispute."""

import rules

from marketplace.core import admin


@rules.predicate
def is_editor(user):
    return admin.is_editor(user)


@rules.predicate
def acts_for_booking_supplier(user, booking):
    return user.is_authenticated and booking is not None and booking.supplier.memberships.filter(user=user).exists()


rules.add_perm("bookings.act_as_supplier", acts_for_booking_supplier)
rules.add_perm("bookings.decide_visit", is_editor)
