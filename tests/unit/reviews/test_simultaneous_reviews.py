"""Several submissions of one review at the same moment (a double click, two tabs, a flaky connection resending):
one review is saved and every submission gets a page, never a server error.

The requests run in real threads against the real views and database. Each waits at a barrier just before saving,
so all of them have passed the view's first eligibility check before any has saved: the race the site must survive.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from reviews import services
from reviews.models import Review, ReviewInvitation
from reviews.seed import seed_quality_stamps

from .conftest import review_data

SUBMISSIONS = 4

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def stamps(transactional_db):
    """The reviews' stamps, after another transactional test may have emptied the tables migrations filled."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    seed_quality_stamps()


def _submit_together(monkeypatch, user, url):
    """POST the same review form from SUBMISSIONS signed-in browsers at once; their responses."""
    barrier = threading.Barrier(SUBMISSIONS, timeout=30)
    real_write = services.write

    def write_when_all_are_ready(*args, **kwargs):
        barrier.wait()
        return real_write(*args, **kwargs)

    monkeypatch.setattr(services, "write", write_when_all_are_ready)
    browsers = []
    for _ in range(SUBMISSIONS):
        browser = Client(raise_request_exception=False)
        browser.force_login(user)
        browsers.append(browser)

    def submit(browser):
        try:
            return browser.post(url, review_data())
        finally:
            connection.close()  # each thread's own connection

    with ThreadPoolExecutor(SUBMISSIONS) as pool:
        return list(pool.map(submit, browsers))


def _assert_one_review_and_every_answer_leads_to_it(responses, listing, user):
    assert [response.status_code for response in responses] == [302] * SUBMISSIONS
    review = Review.objects.get(listing=listing, author=user)
    edit_url = reverse("reviews:edit", args=[review.pk])
    to_edit = [response for response in responses if response.url == edit_url]
    assert len(to_edit) == SUBMISSIONS - 1  # the others find the review already written and open it
    assert Review.objects.count() == 1


def test_simultaneous_peer_reviews_save_one_review(monkeypatch, peer, listing):
    responses = _submit_together(monkeypatch, peer, reverse("reviews:write", args=[listing.slug]))

    _assert_one_review_and_every_answer_leads_to_it(responses, listing, peer)


def test_simultaneous_reviews_through_one_invitation_save_one_review(monkeypatch, invitation, client_user, listing):
    responses = _submit_together(monkeypatch, client_user, reverse("reviews:invitation", args=[invitation.token]))

    _assert_one_review_and_every_answer_leads_to_it(responses, listing, client_user)
    assert ReviewInvitation.objects.get(pk=invitation.pk).used_at is not None
