"""Stored files that must go with the records that named them."""

from django.db import transaction


def delete_file_later(storage, name):
    """Remove a stored file once the transaction commits (a failure part way leaves data and files together)."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
