"""Emails about what happens on someone's own account (new messages, offers, visits...), grouped in topics that each
app registers. Each topic is on unless its reader turns it off: on their account, or in one click from any of its
emails (RFC 8058 headers, so mail clients show an unsubscribe button). Each email is in the reader's chosen language.

Emails people asked for by subscribing (alerts, saved searches) use `marketplace.core.subscriptions` instead."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .emails import queue_email
from .models import EmailChoice
from .subscriptions import unsubscribe_headers
from .urls_absolute import absolute_url

OFF_SALT = "core.email_choices.off"


@dataclass(frozen=True)
class Topic:
    name: str
    label: str  # lazily translated: "Messages about your enquiries"
    description: str  # what the emails are about, on the choices page


_topics = {}


def register(name, label, description):
    _topics[name] = Topic(name, label, description)


def topics():
    return list(_topics.values())


def topic(name):
    return _topics.get(name)


def wants(user, topic_name):
    if user is None or not user.is_active or not user.email or user.email.endswith("@invalid"):
        return False
    return not EmailChoice.objects.filter(user=user, topic=topic_name, send=False).exists()


def choices_of(user):
    """{topic name: True if emails of that topic are on} for every registered topic."""
    off = set(EmailChoice.objects.filter(user=user, send=False).values_list("topic", flat=True))
    return {name: name not in off for name in _topics}


def set_choice(user, topic_name, send):
    EmailChoice.objects.update_or_create(user=user, topic=topic_name, defaults={"send": send})


def off_token(user, topic_name):
    return signing.dumps({"id": user.pk, "topic": topic_name}, salt=OFF_SALT)


def read_off_token(token):
    """(active user, topic) that a one-click link turns off, else (None, None)."""
    try:
        data = signing.loads(token, salt=OFF_SALT)
        user_id, topic_name = int(data["id"]), str(data["topic"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None, None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    return (user, topic_name) if user is not None and topic_name in _topics else (None, None)


def url_in(language, name, *args):
    """An absolute link to the URL `name` in `language`."""
    with translation.override(language):
        return absolute_url(reverse(name, args=args))


def language_of(user):
    return user.preferred_language or settings.LANGUAGE_CODE


def send(user, topic_name, template_prefix, context):
    """Email `user` about `topic_name` unless they turned it off; True if queued. The templates read `off_url` (one
    click to stop this topic) and `choices_url` (the page with every choice)."""
    if not wants(user, topic_name):
        return False
    language = language_of(user)
    off_url = url_in(language, "email_choices:off", off_token(user, topic_name))
    queue_email(
        template_prefix,
        user.email,
        {**context, "off_url": off_url, "choices_url": url_in(language, "email_choices:choices")},
        language=language,
        headers=unsubscribe_headers(off_url),
    )
    return True
