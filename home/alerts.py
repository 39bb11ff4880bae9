"""Guidance alerts: double opt-in subscriptions, digests of new and changed pages, one-click unsubscribe."""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from marketplace.core.subscriptions import Page, SignedTokens, Subscriptions
from marketplace.core.urls_absolute import absolute_url

from .models import AlertSubscription, GuidanceChange, GuidancePage


class GuidanceAlerts(SignedTokens, Subscriptions):
    """One subscription per address: the newest confirmed choice of topics and audiences replaces earlier ones, and
    unsubscribing stops every alert to the address."""

    model = AlertSubscription
    purpose = "alerts"
    namespace = "alerts"
    salt = "home.alerts"

    def pages(self):
        return {
            "check_email": Page(text=_("We have sent you an email with a link. Select the link to start your alerts.")),
            "confirm": Page(title=_("Confirm your email alerts"), button=_("Start my alerts")),
            "confirmed": Page(
                title=_("Your alerts have started"), text=_("Every email has a link to stop the alerts.")
            ),
            "link_invalid": Page(link="alerts:subscribe", link_text=_("Sign up for email alerts again")),
            "unsubscribe": Page(title=_("Stop email alerts"), button=_("Stop all my alerts")),
            "unsubscribed": Page(
                title=_("You will not get any more alerts"),
                text=_("We have deleted your email address from our alerts list."),
            ),
            "too_many": Page(
                text=_("Many alerts have been asked for from your connection in the last hour. Try again later.")
            ),
        }

    @transaction.atomic
    def confirm(self, subscription):
        if not subscription.is_confirmed:
            AlertSubscription.objects.filter(email=subscription.email).exclude(pk=subscription.pk).delete()
        return super().confirm(subscription)

    def unsubscribe(self, subscription):
        AlertSubscription.objects.filter(email=subscription.email).delete()


ALERTS = GuidanceAlerts()


@transaction.atomic
def request_subscription(email, topics, audiences, language):
    """Record a pending subscription and email a confirmation link. Nothing is sent to the list until confirmed."""
    subscription = AlertSubscription.objects.create(email=email.lower(), language=language)
    subscription.topics.set(topics)
    subscription.audiences.set(audiences)
    ALERTS.send_confirmation(subscription, "home/email/alert_confirm", {"subscription": subscription})
    return subscription


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
        ALERTS.send(
            subscription,
            "home/email/alert_digest",
            {
                "items": [
                    {"kind": change.kind, "title": page.title, "summary": page.summary, "url": absolute_url(page.url)}
                    for change, page in items
                ]
            },
        )
    GuidanceChange.objects.filter(pk__in=[c.pk for c in changes]).update(sent_at=timezone.now())
    return len(digests)
