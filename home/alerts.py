"""Guidance alerts: double opt-in subscriptions, digests of new and changed pages, one-click unsubscribe."""

from collections import defaultdict

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from marketplace.core.emails import queue_email
from marketplace.core.urls_absolute import absolute_url

from .models import AlertSubscription, GuidanceChange, GuidancePage

CONFIRM_SALT = "home.alerts.confirm"
UNSUBSCRIBE_SALT = "home.alerts.unsubscribe"
CONFIRMATION_MAX_AGE = 60 * 60 * 24 * 7


def confirmation_token(subscription):
    return signing.dumps({"id": subscription.pk, "email": subscription.email}, salt=CONFIRM_SALT)


def unsubscribe_token(subscription):
    return signing.dumps({"id": subscription.pk, "email": subscription.email}, salt=UNSUBSCRIBE_SALT)


def _subscription_from(token, salt, max_age=None):
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return AlertSubscription.objects.filter(pk=data.get("id"), email=data.get("email")).first()


def _localized_url(name, token, language):
    with translation.override(language):
        return absolute_url(reverse(name, kwargs={"token": token}))


@transaction.atomic
def request_subscription(email, topics, audiences, language):
    """Record a pending subscription and email a confirmation link. Nothing is sent to the list until confirmed."""
    subscription = AlertSubscription.objects.create(email=email.lower(), language=language)
    subscription.topics.set(topics)
    subscription.audiences.set(audiences)
    queue_email(
        "home/email/alert_confirm",
        subscription.email,
        {
            "confirm_url": _localized_url("alerts:confirm", confirmation_token(subscription), language),
            "subscription": subscription,
        },
        language=language,
    )
    return subscription


@transaction.atomic
def confirm_subscription(token):
    subscription = _subscription_from(token, CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)
    if subscription is None:
        return None
    if not subscription.is_confirmed:
        # The newest confirmed choice replaces any earlier subscription for the same address.
        AlertSubscription.objects.filter(email=subscription.email).exclude(pk=subscription.pk).delete()
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def subscription_for_unsubscribe(token):
    return _subscription_from(token, UNSUBSCRIBE_SALT)


def unsubscribe(token):
    subscription = subscription_for_unsubscribe(token)
    if subscription is None:
        return False
    AlertSubscription.objects.filter(email=subscription.email).delete()
    return True


def record_guidance_change(page, *, is_new):
    if not isinstance(page, GuidancePage) or page.alias_of_id is not None:
        return None
    if not is_new and not page.notify_subscribers:
        return None
    change = GuidanceChange.objects.create(
        page=page, kind=GuidanceChange.Kind.NEW if is_new else GuidanceChange.Kind.UPDATED
    )
    from .tasks import send_alert_digests

    transaction.on_commit(send_alert_digests.enqueue)
    return change


def _matches(subscription, topic_keys, audience_keys):
    wanted_topics = {topic.translation_key for topic in subscription.topics.all()}
    wanted_audiences = {audience.translation_key for audience in subscription.audiences.all()}
    return bool(wanted_topics & topic_keys or wanted_audiences & audience_keys)


def _page_for_language(page, language):
    """The subscriber's language version of a page when one is published, else the page as written."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale and locale.pk != page.locale_id:
        translated = (
            GuidancePage.objects.live()
            .filter(translation_key=page.translation_key, locale=locale, alias_of__isnull=True)
            .first()
        )
        if translated:
            return translated
    return page


def send_alert_digests():
    """Send each confirmed subscriber one email listing every unsent change that matches their choices."""
    changes = list(GuidanceChange.objects.filter(sent_at__isnull=True).select_related("page"))
    if not changes:
        return 0
    default_locale_id = Locale.get_default().pk
    pages = {
        page.pk: page
        for page in GuidancePage.objects.filter(pk__in=[c.page_id for c in changes]).prefetch_related(
            "topics", "audiences"
        )
    }
    digests = defaultdict(list)
    versions = {}  # (page id, language) → the page to show: looked up once, not once per subscriber
    subscriptions = AlertSubscription.objects.filter(confirmed_at__isnull=False).prefetch_related("topics", "audiences")
    for change in changes:
        page = pages.get(change.page_id)
        if page is None or not page.live:
            continue
        topic_keys = {topic.translation_key for topic in page.topics.all()}
        audience_keys = {audience.translation_key for audience in page.audiences.all()}
        for subscription in subscriptions:
            if change.created_at < subscription.confirmed_at:
                continue  # Published before they joined: not news to them.
            same_language = page.locale.language_code == subscription.language
            if (page.locale_id == default_locale_id or same_language) and _matches(
                subscription, topic_keys, audience_keys
            ):
                key = (page.pk, subscription.language)
                if key not in versions:
                    versions[key] = _page_for_language(page, subscription.language)
                digests[subscription].append((change, versions[key]))
    for subscription, items in digests.items():
        unsubscribe_url = _localized_url("alerts:unsubscribe", unsubscribe_token(subscription), subscription.language)
        queue_email(
            "home/email/alert_digest",
            subscription.email,
            {
                "items": [
                    {"kind": change.kind, "title": page.title, "summary": page.summary, "url": absolute_url(page.url)}
                    for change, page in items
                ],
                "unsubscribe_url": unsubscribe_url,
            },
            language=subscription.language,
            headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
    GuidanceChange.objects.filter(pk__in=[c.pk for c in changes]).update(sent_at=timezone.now())
    return len(digests)
