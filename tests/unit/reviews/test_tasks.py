"""Stamps re-checked at the moment they would lapse, where the task backend can wait."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reviews.tasks import schedule_refresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    """The production task backend, which can wait (the tests' immediate one cannot)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def test_a_lapse_is_scheduled_once_however_many_reviews_ask(
    listing, database_tasks, django_capture_on_commit_callbacks
):
    when = timezone.now() + timedelta(days=200)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            schedule_refresh(listing.pk, when)
    scheduled = DBTaskResult.objects.filter(task_path__endswith="refresh_listing_stamps")
    assert scheduled.count() == 1
    assert scheduled.get().run_after == when
