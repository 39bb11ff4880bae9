"""Automatic approval runs as a job: queued for the moment it is due where the task backend can wait, and the
hourly command for every backend. Either, run any number of times, approves a visit once and only when due."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from marketplace.bookings import tasks, visits
from marketplace.bookings.models import Visit
from marketplace.core.workflow import history

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    """The production task backend, which can wait (the tests' immediate one cannot)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def _confirm(booking, owner):
    visit = booking.visits.order_by("starts_at").first()
    visits.confirm(visit, owner, visit.starts_at, visit.ends_at, now=visit.ends_at)
    visit.refresh_from_db()
    return visit


def test_confirming_queues_the_approval_for_when_it_is_due(
    booking, owner, database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        visit = _confirm(booking, owner)
    queued = DBTaskResult.objects.get(task_path__endswith="approve_if_due")
    assert queued.run_after == visit.confirmed_at + timedelta(hours=48)


def test_the_task_approves_only_when_due_and_only_once(booking, owner, django_capture_on_commit_callbacks):
    visit = _confirm(booking, owner)
    with freeze_time(visit.confirmed_at + timedelta(hours=47)):
        assert tasks.approve_if_due.call(visit.pk) == 0
    with freeze_time(visit.confirmed_at + timedelta(hours=48, minutes=1)):
        mail.outbox = []
        with django_capture_on_commit_callbacks(execute=True):
            assert tasks.approve_if_due.call(visit.pk) == 1
            assert tasks.approve_if_due.call(visit.pk) == 0
            call_command("update_bookings", stdout=StringIO())
    visit.refresh_from_db()
    assert visit.status == Visit.Status.APPROVED and visit.auto_approved
    assert [change.transition for change in history(visit)] == ["confirm", "auto_approve"]
    assert len(mail.outbox) == 1  # the supplier is told once


def test_a_visit_the_person_answered_is_left_alone(booking, owner, person):
    visit = _confirm(booking, owner)
    visits.dispute(visit, person, person, "Shorter than that", now=visit.confirmed_at)
    with freeze_time(visit.confirmed_at + timedelta(days=5)):
        call_command("update_bookings", stdout=StringIO())
        assert tasks.approve_if_due.call(visit.pk) == 0
    visit.refresh_from_db()
    assert visit.status == Visit.Status.DISPUTED
