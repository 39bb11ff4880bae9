from django import template

from marketplace.bookings.money import as_pounds

register = template.Library()


@register.filter
def pounds(amount_pence):
    """Whole pence as pounds: 1850 → £18.50."""
    return as_pounds(amount_pence or 0)
