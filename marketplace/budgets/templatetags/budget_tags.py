from django import template

from marketplace.bookings.money import as_pounds

register = template.Library()


@register.filter
def pounds(amount_pence):
    """Pence as pounds to read: 123450 → £1,234.50."""
    return as_pounds(amount_pence or 0)
