from django import template
from django.utils import timezone
from django.utils.formats import date_format

from ..forms import WEEKDAYS
from ..money import as_pounds

register = template.Library()


@register.filter
def money(amount_pence):
    """Whole pence as pounds: 1850 → £18.50."""
    return as_pounds(amount_pence or 0)


@register.filter
def weekday_name(day):
    return dict(WEEKDAYS).get(day, "")


@register.simple_tag
def when(start, end):
    """A visit's date and times, in the reader's language: "Monday 3 March 2027, 09:00–11:00"."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    day = date_format(start, "l j F Y")
    if end.date() != start.date():
        return f"{day}, {start:%H:%M}–{date_format(end, 'l')} {end:%H:%M}"
    return f"{day}, {start:%H:%M}–{end:%H:%M}"
