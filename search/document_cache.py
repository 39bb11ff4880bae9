"""Listing documents kept between searches, in each process, for the database backend.

Building a document reads a listing's rows from eight tables; a search builds one for every listing that serves the
place (hundreds in a town), so most of a search's time went there. Documents change far less often than they are
read, so each process keeps those it built and rebuilds one only when something may have changed it:

- whenever anything a document holds is saved or deleted, `search.signals` calls `documents_changed` (the same
  moments that queue a reindex for the search engine): this process forgets its documents at once, and every other
  process within a second of the commit (`marketplace.core.generations`);
- each document remembers its listing's `updated_at` as read by the search's own query, so a listing row written
  without signals (a bulk create; an update that sets `updated_at`) is rebuilt as soon as it is read again, and a
  listing rolled back and created again under the same id is never mistaken for the old one;
- documents hold things that time changes (the quality stamps held now), so none is kept longer than `MAX_AGE`.
"""

from datetime import timedelta

from marketplace.core.generations import ProcessMemo

from . import documents as building

MAX_AGE = timedelta(minutes=10)
MAX_DOCUMENTS = 50_000  # about 100 MB at most; beyond it the process starts again from nothing

_kept = ProcessMemo("search-documents")
documents_changed = _kept.changed
SHARED_GENERATION_KEY = _kept.key


def _entries():
    """{listing id: (updated_at, built at, document, its tokens or None)} of the current generation."""
    return _kept.get("documents", dict)


def documents(updated, listings, now):
    """Documents for the listings whose ids are the keys of `updated` ({id: updated_at}), built as of `now`, in no
    particular order. `listings` is a queryset of those listings, read only for the ones not kept."""
    entries = _entries()
    found, missing = [], []
    for listing_id, updated_at in updated.items():
        entry = entries.get(listing_id)
        if entry is not None and entry[0] == updated_at and timedelta(0) <= now - entry[1] <= MAX_AGE:
            found.append(entry[2])
        else:
            missing.append(listing_id)
    if missing:
        built = building.documents_for(listings.filter(pk__in=missing), now)
        if len(entries) + len(built) > MAX_DOCUMENTS:
            entries.clear()
        for document in built:
            if document["id"] in updated:
                entries[document["id"]] = (updated[document["id"]], now, document, None)
        found.extend(built)
    return found


def tokens(documents):
    """{listing id: its words per text field (`documents.field_tokens`)} for these documents, each worked out once
    while its document is kept."""
    entries = _entries()
    found = {}
    for document in documents:
        entry = entries.get(document["id"])
        if entry is None or entry[2] is not document:
            found[document["id"]] = building.field_tokens(document)
            continue
        if entry[3] is None:
            entry = entries[document["id"]] = (*entry[:3], building.field_tokens(document))
        found[document["id"]] = entry[3]
    return found


def remember(key, build):
    """`build()`, worked out once and kept until anything a document holds next changes: for what every search
    page reads from the directory, such as the filters' terms in each language."""
    return _kept.get(key, build)


forget = _kept.forget
