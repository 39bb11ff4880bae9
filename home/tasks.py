from django_tasks import task

from . import alerts, reviews


@task()
def send_alert_digests():
    return alerts.send_alert_digests()


@task()
def send_review_reminders():
    return reviews.send_review_reminders()
