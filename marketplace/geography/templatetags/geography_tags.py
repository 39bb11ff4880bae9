from django import template

from ..places import ATTRIBUTIONS

register = template.Library()


@register.simple_tag
def data_attributions():
    """The licence notices the offline place data requires, in the licensor's own (English) words."""
    return ATTRIBUTIONS
