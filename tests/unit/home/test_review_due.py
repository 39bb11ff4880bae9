"""Keeping guidance current: the editors' dashboard panel and reminder emails to page owners."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from home.reviews import send_review_reminders
from marketplace.core.models import EDITORS_GROUP
from tests.factories import UserFactory
from tests.mfa import enable_totp
from tests.site_tree import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(site_tree):
    user = UserFactory(email="owner@example.org", display_name="Morag", groups=[EDITORS_GROUP])
    enable_totp(user)
    return user


def make_overdue(page, owner, days=10):
    page.owner = owner
    page.next_review_due = timezone.localdate() - timedelta(days=days)
    page.last_reviewed = timezone.localdate() - timedelta(days=400)
    return publish(page)


def test_dashboard_lists_overdue_guidance_with_its_owner(client, site_tree, owner):
    make_overdue(site_tree["guidance"], owner)
    client.force_login(owner)
    content = client.get("/admin/").content.decode()
    assert "1 guidance page overdue for review" in content
    assert "Employing a personal assistant" in content
    assert f"/admin/pages/{site_tree['guidance'].pk}/edit/" in content
    assert "Morag" in content


def test_dashboard_is_quiet_when_nothing_is_overdue(client, site_tree, owner):
    client.force_login(owner)
    content = client.get("/admin/").content.decode()
    assert "No guidance is overdue for review." in content


def test_reviewing_a_page_takes_it_off_the_panel(client, site_tree, owner):
    page = make_overdue(site_tree["guidance"], owner)
    page.last_reviewed = timezone.localdate()
    page.next_review_due = timezone.localdate() + timedelta(days=365)
    publish(page)
    client.force_login(owner)
    assert "No guidance is overdue for review." in client.get("/admin/").content.decode()


def test_owner_gets_one_reminder_listing_their_overdue_pages(site_tree, owner, django_capture_on_commit_callbacks):
    make_overdue(site_tree["guidance"], owner)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_review_reminders() == 1
    assert len(mail.outbox) == 1
    reminder = mail.outbox[0]
    assert reminder.to == ["owner@example.org"]
    assert "1 guidance page needs reviewing" in reminder.subject
    assert "Employing a personal assistant" in reminder.body
    assert "overdue since" in reminder.body
    assert f"/admin/pages/{site_tree['guidance'].pk}/edit/" in reminder.body


def test_no_reminder_when_reviews_are_far_off(site_tree, owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_review_reminders() == 0
    assert mail.outbox == []


def test_next_review_must_come_after_last_review(site_tree):
    from home.models import GuidancePage

    form_class = GuidancePage.get_edit_handler().get_form_class()
    page = site_tree["guidance"]
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body-count": "0",
        "last_reviewed": "2026-01-10",
        "next_review_due": "2026-01-01",
    }
    form = form_class(data, instance=page, parent_page=page.get_parent(), for_user=UserFactory(is_superuser=True))
    assert not form.is_valid()
    assert "The next review must be after the last review." in str(form.errors["next_review_due"])
