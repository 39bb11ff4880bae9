"""Absolute addresses for emails and feeds, from the site's configured base URL (never from the request's host)."""

from django.conf import settings


def absolute_url(path):
    """`path` (like "/dashboard/") on this site, e.g. https://sds.example.org/dashboard/."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
