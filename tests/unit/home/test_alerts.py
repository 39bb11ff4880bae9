"""Guidance alerts: double opt-in, one digest per subscriber on publish, one-click unsubscribe."""

import re

import pytest
from django.core import mail

from home.models import AlertSubscription, GuidancePage
from tests.factories import GuidancePageFactory
from tests.site_tree import publish, translate

pytestmark = pytest.mark.django_db


def link_in(message, kind):
    return re.search(rf"http://testserver(/\S*/alerts/{kind}/\S+/|/alerts/{kind}/\S+/)", message.body).group(1)


def subscribe(client, email, topic, on_commit, language_prefix=""):
    with on_commit(execute=True):
        response = client.post(f"{language_prefix}/alerts/", {"email": email, "topics": [topic.pk]})
    assert response.status_code == 302
    return AlertSubscription.objects.get(email=email.lower())


def confirm(client, on_commit):
    url = link_in(mail.outbox[-1], "confirm")
    assert client.get(url).status_code == 200
    with on_commit(execute=True):
        assert client.post(url).status_code == 200


def new_guidance(index, title, topic):
    page = GuidancePageFactory(parent=index, title=title, summary=f"About {title}.")
    page.topics.add(topic)
    return page


def test_subscribing_sends_a_confirmation_and_nothing_else(client, site_tree, django_capture_on_commit_callbacks):
    subscription = subscribe(client, "Sam@Example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    assert subscription.email == "sam@example.org"
    assert not subscription.is_confirmed
    assert len(mail.outbox) == 1
    assert "Confirm your email alerts" in mail.outbox[0].subject
    assert "/alerts/confirm/" in mail.outbox[0].body


def test_unconfirmed_subscribers_get_no_digest(client, site_tree, django_capture_on_commit_callbacks):
    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        publish(new_guidance(site_tree["index"], "Payroll services", site_tree["topic"]))
    assert mail.outbox == []


def test_confirm_link_only_shows_a_button_until_posted(client, site_tree, django_capture_on_commit_callbacks):
    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0], "confirm")
    response = client.get(url)
    assert b"Start my alerts" in response.content
    assert not AlertSubscription.objects.get().is_confirmed
    client.post(url)
    assert AlertSubscription.objects.get().is_confirmed


def test_tampered_confirm_link_is_refused(client, site_tree, django_capture_on_commit_callbacks):
    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0], "confirm")
    tampered = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    assert client.post(tampered).status_code == 404
    assert not AlertSubscription.objects.get().is_confirmed


def test_publishing_sends_one_digest_with_every_matching_page(client, site_tree, django_capture_on_commit_callbacks):
    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        publish(new_guidance(site_tree["index"], "Payroll services", site_tree["topic"]))
        publish(new_guidance(site_tree["index"], "Holiday pay for PAs", site_tree["topic"]))
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["sam@example.org"]
    assert "Payroll services" in digest.body and "Holiday pay for PAs" in digest.body
    assert "/alerts/unsubscribe/" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_pages_on_other_topics_send_nothing(client, site_tree, django_capture_on_commit_callbacks):
    from home.models import Topic

    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    other = Topic.objects.create(name="Complaints", slug="complaints", locale=site_tree["topic"].locale)
    with django_capture_on_commit_callbacks(execute=True):
        publish(new_guidance(site_tree["index"], "How to complain", other))
    assert mail.outbox == []


def test_only_substantial_updates_send_alerts(client, site_tree, django_capture_on_commit_callbacks):
    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    page = site_tree["guidance"]
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Employing a PA: a small typo fixed"
        publish(page)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        page.notify_subscribers = True
        page.summary = "New rules on pensions for PAs."
        publish(page)
    assert len(mail.outbox) == 1
    assert "Updated:" in mail.outbox[0].body


def test_subscriber_gets_the_page_in_their_language(client, site_tree, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="ur")
    subscribe(
        client, "amina@example.org", site_tree["topic"], django_capture_on_commit_callbacks, language_prefix="/ur"
    )
    assert AlertSubscription.objects.get().language == "ur"
    confirm(client, django_capture_on_commit_callbacks)
    translate(site_tree["guidance"], "ur", title="ذاتی معاون کو ملازم رکھنا")
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        page = GuidancePage.objects.get(pk=site_tree["guidance"].pk)
        page.notify_subscribers = True
        publish(page)
    assert len(mail.outbox) == 1
    assert "ذاتی معاون کو ملازم رکھنا" in mail.outbox[0].body
    assert "/ur/" in mail.outbox[0].body


def test_unsubscribe_link_shows_a_button_and_post_deletes_the_address(
    client, site_tree, django_capture_on_commit_callbacks
):
    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        publish(new_guidance(site_tree["index"], "Payroll services", site_tree["topic"]))
    url = link_in(mail.outbox[-1], "unsubscribe")
    assert b"Stop all my alerts" in client.get(url).content
    assert AlertSubscription.objects.exists()
    response = client.post(url, follow=True)
    assert b"You will not get any more alerts" in response.content
    assert not AlertSubscription.objects.exists()


def test_mail_client_one_click_unsubscribe(client, site_tree, django_capture_on_commit_callbacks):
    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        publish(new_guidance(site_tree["index"], "Payroll services", site_tree["topic"]))
    url = link_in(mail.outbox[-1], "unsubscribe")
    # Mail clients send no CSRF cookie or token: the check must not stop them.
    client_without_csrf_cookie = client.__class__(enforce_csrf_checks=True)
    response = client_without_csrf_cookie.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not AlertSubscription.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "topics": []}, "Enter your email address"),
        ({"email": "not-an-email", "topics": ["TOPIC"]}, "correct format"),
        ({"email": "sam@example.org"}, "Choose at least one topic"),
        ({"email": "sam@example.org", "topics": ["999999"]}, "Select a valid choice"),
    ],
)
def test_bad_sign_up_gives_a_clear_error_and_saves_nothing(client, site_tree, data, message):
    data = {
        key: [site_tree["topic"].pk if v == "TOPIC" else v for v in value] if isinstance(value, list) else value
        for key, value in data.items()
    }
    response = client.post("/alerts/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not AlertSubscription.objects.exists()
    assert mail.outbox == []


def test_a_new_translation_alerts_subscribers_in_that_language(client, site_tree, django_capture_on_commit_callbacks):
    from wagtail.models import Locale

    from tests.site_tree import sync_aliases

    Locale.objects.get_or_create(language_code="ur")
    sync_aliases(["ur"])  # the Urdu tree starts as aliases of the English pages
    subscribe(
        client, "amina@example.org", site_tree["topic"], django_capture_on_commit_callbacks, language_prefix="/ur"
    )
    confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        translate(site_tree["guidance"], "ur", title="ذاتی معاون کو ملازم رکھنا")
    assert len(mail.outbox) == 1
    assert "ذاتی معاون کو ملازم رکھنا" in mail.outbox[0].body


def test_translations_share_the_source_pages_topics(site_tree):
    from home.models import Topic

    urdu = translate(site_tree["guidance"], "ur", title="ذاتی معاون")
    complaints = Topic.objects.create(name="Complaints", slug="complaints", locale=site_tree["topic"].locale)
    page = site_tree["guidance"]
    page.topics.add(complaints)
    publish(page)
    assert set(urdu.topics.values_list("slug", flat=True)) == {"employing-a-pa", "complaints"}


def test_digest_queries_do_not_grow_with_subscribers(site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from home.alerts import send_alert_digests
    from home.models import GuidanceChange

    def subscribers(count, start):
        for number in range(start, start + count):
            subscription = AlertSubscription.objects.create(
                email=f"reader{number}@example.org", confirmed_at=timezone.now()
            )
            subscription.topics.add(site_tree["topic"])

    def digest_queries():
        GuidanceChange.objects.create(page=site_tree["guidance"], kind=GuidanceChange.Kind.UPDATED)
        with CaptureQueriesContext(connection) as queries:
            assert send_alert_digests() == AlertSubscription.objects.count()
        return len(queries)

    subscribers(2, 0)
    digest_queries()  # warm caches (content types, locales) that every run shares
    with_few = digest_queries()
    subscribers(10, 2)
    assert digest_queries() == with_few


def test_an_expired_confirmation_link_offers_to_sign_up_again(client, site_tree, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    subscribe(client, "sam@example.org", site_tree["topic"], django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0], "confirm")
    later = timezone.now() + timedelta(days=8)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: later.timestamp())
        response = client.post(url)
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert 'href="/alerts/"' in response.content.decode()
    assert not AlertSubscription.objects.get().is_confirmed


def test_an_unsubscribe_post_answers_the_same_for_a_made_up_link(client, site_tree):
    response = client.post("/alerts/unsubscribe/not-a-real-token/")
    assert (response.status_code, response["Location"]) == (302, "/alerts/unsubscribed/")
    assert client.get("/alerts/unsubscribe/not-a-real-token/").status_code == 404
