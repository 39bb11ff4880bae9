"""Background work for bookings: approving a delivered visit the moment its approval time runs out.

The hourly `update_bookings` command approves every visit that is due whatever the task backend; where the backend
can wait (`supports_defer`), confirming a visit also queues this task for the exact moment, so the supplier does not
wait up to an hour more. Both go through `planning.auto_approve`, which locks the visit and approves it only if it is
still delivered and due: running either twice, or both, approves it once."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django_tasks import default_task_backend, task


@task()
def approve_if_due(visit_id):
    from . import planning

    return planning.auto_approve(visit_ids=[visit_id])


def schedule_approval(visit):
    """Queue `approve_if_due` for when `visit` (just confirmed or corrected) is approved if nobody answers."""
    if not default_task_backend.supports_defer:
        return
    when = visit.confirmed_at + timedelta(hours=settings.BOOKING_AUTO_APPROVE_HOURS)
    visit_id = visit.pk
    transaction.on_commit(lambda: approve_if_due.using(run_after=when).enqueue(visit_id))
