"""Saving a search in a real browser: by email with double opt-in, then unsubscribing; and a signed-in person's
list of saved searches. axe-core checks every page, the error page included."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from providers.seed import seed_default_taxonomies
from tests.browser.test_accounts import sign_in
from tests.factories import UserFactory
from tests.search_data import published_listing
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory(transactional_db):
    build_site()
    seed_default_taxonomies()
    published_listing("Leith dementia care", needs=["dementia"])


def emailed_path(kind):
    return re.search(rf"https?://[^/\s]+(\S*/find-support/saved/{kind}/\S+/)", mail.outbox[-1].body).group(1)


def test_saving_a_search_by_email_then_leaving(visitor, directory):
    page = visitor.page
    visitor.visit("/find-support/?where=EH6+5AA&need=dementia")
    page.get_by_role("button", name="Save this search").click()
    visitor.check()
    expect(page.locator("h1")).to_have_text("Get emails about this search")

    page.get_by_role("button", name="Save this search").click()  # no address yet
    visitor.check()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")

    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_role("button", name="Save this search").click()
    visitor.check()
    expect(page.locator("h1")).to_have_text("Check your email")

    confirm_path = emailed_path("confirm")
    visitor.visit(confirm_path)
    page.get_by_role("button", name="Start my emails").click()
    visitor.check()
    expect(page.locator("h1")).to_have_text("Your search is saved")

    # Alert emails carry the unsubscribe link: the same secret token, under /unsubscribe/.
    visitor.visit(confirm_path.replace("/confirm/", "/unsubscribe/"))
    page.get_by_role("button", name="Delete this saved search").click()
    visitor.check()
    expect(page.locator("h1")).to_have_text("Your saved search is deleted")


def test_a_signed_in_person_sees_and_deletes_their_saved_searches(visitor, directory):
    UserFactory(email="sam@example.org")
    page = visitor.page
    sign_in(visitor, "sam@example.org")
    visitor.visit("/find-support/?where=EH6+5AA&need=dementia")
    page.get_by_role("button", name="Save this search").click()
    visitor.check()
    visitor.visit("/find-support/saved/")
    expect(page.locator("h1")).to_have_text("Your saved searches")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Dementia")
    page.get_by_role("button", name=re.compile("^Delete")).click()
    visitor.check()
    expect(page.locator(".govuk-summary-list")).to_have_count(0)
