"""Private calendar feeds (iCalendar, RFC 5545) of visits, for a person or for one supplier.

What each side reads is what it already sees on its own pages: the person sees the supplier's public name and the
listing; the supplier sees the booking's reference and the rough place from the enquiry, never the person's name.
Contact details appear only once both sides of the thread agreed to share them. A feed stops working the moment it
is revoked, its owner's account is closed, or (for a supplier's feed) its owner stops being a member."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from marketplace.core.permissions import acts_for
from marketplace.core.urls_absolute import absolute_url

from .models import CalendarFeed, Visit
from .models.feeds import feed_token

PAST_DAYS = 30  # how far back a feed goes: recent visits stay in the calendar
MAX_EVENTS = 1000
SHOWN = (
    Visit.Status.PLANNED,
    Visit.Status.DELIVERED,
    Visit.Status.APPROVED,
    Visit.Status.DISPUTED,
    Visit.Status.REFERRED,
    Visit.Status.CANCELLED,
)


def feed_for(user, supplier=None):
    return CalendarFeed.objects.filter(user=user, supplier=supplier).first()


def create_or_renew(user, supplier=None):
    """A feed with a new address (the old one, if any, stops working)."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user, supplier=supplier)
        if not created:
            feed.token = feed_token()
            feed.created_at = timezone.now()
            feed.save(update_fields=["token", "created_at"])
    return feed


def revoke(user, supplier=None):
    CalendarFeed.objects.filter(user=user, supplier=supplier).delete()


def usable(feed):
    """Is the feed's owner still allowed to read what it shows?"""
    user = feed.user
    if not user.is_active:
        return False
    return feed.supplier is None or acts_for(user, "providers.act_for_supplier", feed.supplier)


def _visits(feed, now):
    visits = Visit.objects.filter(status__in=SHOWN, ends_at__gte=now - timedelta(days=PAST_DAYS))
    if feed.supplier_id:
        visits = visits.filter(booking__supplier_id=feed.supplier_id)
    else:
        visits = visits.filter(booking__person=feed.user)
    return visits.select_related("booking__supplier", "booking__enquiry", "booking__person").order_by("starts_at")[
        :MAX_EVENTS
    ]


def _contact_lines(booking, for_supplier):
    enquiry = booking.enquiry
    if enquiry is None or not enquiry.contact_shared:
        return []
    if for_supplier:
        person = booking.person
        return [_("Contact: %(email)s") % {"email": person.email}] if person and person.is_active else []
    supplier = booking.supplier
    return [_("Contact: %(contact)s") % {"contact": value} for value in (supplier.email, supplier.phone) if value]


def _event(visit, for_supplier, stamp):
    booking = visit.booking
    event = Event()
    event.add("uid", f"visit-{visit.pk}@{urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or 'localhost'}")
    event.add("dtstamp", stamp)
    event.add("dtstart", visit.actual_start or visit.starts_at)
    event.add("dtend", visit.actual_end or visit.ends_at)
    if for_supplier:
        summary = _("Visit: booking %(reference)s") % {"reference": booking.reference}
    else:
        summary = _("Visit from %(supplier)s") % {"supplier": booking.supplier.name}
    if visit.status == Visit.Status.CANCELLED:
        summary = _("Cancelled: %(summary)s") % {"summary": summary}
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    event.add("summary", summary)
    if booking.place:
        event.add("location", booking.place)
    lines = [booking.listing_title, _("Status: %(status)s") % {"status": visit.get_status_display()}]
    lines += _contact_lines(booking, for_supplier)
    link = absolute_url(reverse("bookings:visit", args=[visit.pk]))
    lines.append(link)
    event.add("description", "\n".join(lines))
    event.add("url", link)
    return event


def render(feed, now=None):
    """The feed as iCalendar bytes, in its owner's language."""
    now = now or timezone.now()
    language = feed.user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", f"-//{settings.SITE_NAME}//Visits//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _("Visits – %(site)s") % {"site": settings.SITE_NAME})
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        for visit in _visits(feed, now):
            calendar.add_component(_event(visit, feed.supplier_id is not None, now))
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=now)
    return calendar.to_ical()
