"""The demand figures as a background task, for a worker to run after a large import of the search log."""

from django_tasks import task

from . import demand


@task()
def refresh_demand(full=False):
    return demand.refresh(full=full)
