from django_tasks import task

from . import freshness


@task()
def send_listing_reminders():
    return freshness.send_listing_reminders()


@task()
def send_verification_reminders():
    return freshness.send_verification_reminders()
