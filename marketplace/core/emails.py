"""Render emails from templates in the reader's language and hand them to the background task."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def language_for(email, fallback=None):
    """The language an email to `email` is written in: its account's chosen language, else `fallback` or the page's."""
    chosen = get_user_model().objects.filter(email__iexact=email).values_list("preferred_language", flat=True).first()
    return chosen or fallback or translation.get_language() or settings.LANGUAGE_CODE


def queue_email(template_prefix, to, context, *, language=None, headers=None):
    """Render `<template_prefix>_subject.txt`, `_message.txt` and optional `_message.html`; send after commit.

    Without a `language`, each recipient with an account gets it in the language they chose on their account page."""
    recipients = [to] if isinstance(to, str) else list(to)
    by_language = defaultdict(list)
    for address in recipients:
        by_language[language or language_for(address)].append(address)
    for chosen, addresses in by_language.items():
        _queue_one(template_prefix, addresses, context, chosen, headers)


def _queue_one(template_prefix, recipients, context, language, headers):
    with translation.override(language):
        context = {"site_name": settings.SITE_NAME, "base_url": settings.WAGTAILADMIN_BASE_URL, **context}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_message.txt", context).strip()
        try:
            html_body = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:  # an HTML part is optional; a broken one must still fail loudly
            html_body = None
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
