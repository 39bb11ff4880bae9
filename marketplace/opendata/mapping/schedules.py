"""Availability as ORUK schedules: one weekly schedule per time of day, on the days the listing offers it.

The site records availability as days and bands of the day, without hours. These are the hours each band is taken to
mean when published (UK local time, so no offset from UTC is given: it changes with summer time).
"""

from django.utils.translation import gettext as _

from providers.models import AvailabilitySlot

from .. import ids
from .common import compact

Band = AvailabilitySlot.Band
BAND_HOURS = {
    Band.MORNING: ("07:00", "12:00"),
    Band.AFTERNOON: ("12:00", "17:00"),
    Band.EVENING: ("17:00", "22:00"),
    Band.NIGHT: ("22:00", "07:00"),
    Band.OVERNIGHT: ("22:00", "07:00"),
}
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # AvailabilitySlot.Day 0 (Monday) to 6 (Sunday)


def _description(band):
    opens, closes = BAND_HOURS[band]
    values = {"band": Band(band).label, "opens": opens, "closes": closes}
    if closes < opens:
        return _("%(band)s: from %(opens)s until %(closes)s the next morning (UK time).") % values
    return _("%(band)s: from %(opens)s to %(closes)s (UK time).") % values


def schedules(listing):
    days_by_band = {}
    for slot in listing.availability.all():
        days_by_band.setdefault(slot.band, set()).add(slot.day)
    service_id = ids.service(listing.pk)
    shapes = []
    for band in Band:  # in the order of the day
        if band.value not in days_by_band:
            continue
        opens, closes = BAND_HOURS[band]
        shapes.append(
            compact(
                id=ids.stable_id("schedule", listing.pk, band.value),
                service_id=service_id,
                freq="WEEKLY",
                interval=1,
                byday=",".join(ICAL_DAYS[day] for day in sorted(days_by_band[band.value])),
                opens_at=opens,
                closes_at=closes,
                description=_description(band),
            )
        )
    return shapes
