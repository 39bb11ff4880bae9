"""Bookings (an offer, then the agreed arrangement), their items and weekly slots, visits, short-notice cover
requests, calendar feeds and each person's email choice. Money is whole pence throughout."""

from .bookings import Booking, BookingItem, BookingSlot, Side
from .cover import CoverInvitation, CoverRequest
from .feeds import CalendarFeed
from .visits import Visit, VisitQuerySet

__all__ = [
    "Booking",
    "BookingItem",
    "BookingSlot",
    "CalendarFeed",
    "CoverInvitation",
    "CoverRequest",
    "Side",
    "Visit",
    "VisitQuerySet",
]
