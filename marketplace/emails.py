"""Render emails from templates in a given language and hand them to the background task."""

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def queue_email(template_prefix, to, context, *, language=None, headers=None):
    """Render `<template_prefix>_subject.txt`, `_message.txt` and optional `_message.html`; send after commit."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        context = {"site_name": settings.SITE_NAME, "base_url": settings.WAGTAILADMIN_BASE_URL, **context}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_message.txt", context).strip()
        try:
            html_body = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:  # an HTML part is optional; a broken one must still fail loudly
            html_body = None
    recipients = [to] if isinstance(to, str) else list(to)
    transaction.on_commit(
        lambda: send_email.enqueue(
            subject=subject,
            body=body,
            to=recipients,
            from_email=settings.DEFAULT_FROM_EMAIL,
            html_body=html_body,
            headers=headers,
        )
    )
