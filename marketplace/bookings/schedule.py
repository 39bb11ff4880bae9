"""Dates and times of a booking's visits, in the council's time zone (Europe/London, summer time included)."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class SlotTimes:
    weekday: int
    start_time: time
    end_time: time


def aware(day, at):
    return timezone.make_aware(datetime.combine(day, at))


def span(day, start_time, end_time):
    """(start, end) of a visit on `day`; an end at or before the start is the next day's."""
    starts_at = aware(day, start_time)
    end_day = day + timedelta(days=1) if end_time <= start_time else day
    return starts_at, aware(end_day, end_time)


def occurrences(slots, first_day, last_day):
    """(starts_at, ends_at) of every visit the weekly `slots` give from `first_day` to `last_day` inclusive."""
    by_weekday = {}
    for slot in slots:
        by_weekday.setdefault(slot.weekday, []).append(slot)
    day = first_day
    while day <= last_day:
        for slot in sorted(by_weekday.get(day.weekday(), ()), key=lambda s: s.start_time):
            yield span(day, slot.start_time, slot.end_time)
        day += timedelta(days=1)


def minutes_between(start, end):
    return round((end - start).total_seconds() / 60)
