"""Background work for saved searches (search/tasks.py holds the indexing tasks)."""

from django_tasks import task

from . import saved


@task()
def notify_for_listing(listing_id):
    """Email the saved searches a newly public listing matches."""
    return saved.notify_for_listing(listing_id)
