"""Background tasks that keep the listing search index in step with the database."""

from django_tasks import task

from . import index


@task()
def reindex_listings(listing_ids):
    """Reindex these listings: published ones are (re)written, the others removed from the index."""
    return index.index_listings(listing_ids)
