from django_tasks import task

from . import webhooks


@task()
def process_webhook_event(event_pk):
    """Apply one stored Stripe event (see webhooks.process: safe to run twice)."""
    return webhooks.process(event_pk)
