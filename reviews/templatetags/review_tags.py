from django import template

register = template.Library()


@register.filter
def stars(value):
    """Five stars, filled to the nearest whole star: decoration beside a rating that is also written in words."""
    if value is None:
        return ""
    filled = max(0, min(5, int(float(value) + 0.5)))
    return "★" * filled + "☆" * (5 - filled)
