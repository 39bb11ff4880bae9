from django import template

from ..aggregates import stars

register = template.Library()
register.filter("stars", stars)
