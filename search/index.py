"""The search engine's index of listings: its mapping, the client, and keeping it in step with the database.

Searches go through an alias (``settings.LISTING_SEARCH_INDEX``); `rebuild` fills a fresh, timestamped index and then
moves the alias in one step, so searches never see a half-built index, and a rebuild that could not index every
listing leaves the alias where it was.
"""

import contextlib
import logging

from django.conf import settings
from django.utils import timezone
from elasticsearch.dsl import Index, analyzer, token_filter

from providers.models import Listing

from . import clients, service_area, text
from .documents import CARD_FIELDS, card_source, documents_for

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
FAILURES_LOGGED = 10  # refused documents logged in full; the rest are counted

# Text fields hold the words of `search.text.tokens` joined by spaces (see `engine_document`), so the engine sees
# exactly the words the database backend sees; this analyzer then only splits them at the spaces. It folds case
# and accents too, for anyone querying the index with raw text.
folded = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Synonyms at search time, for plain `match` queries. The listing search itself expands synonyms in
# `search.text.parse` and queries with `folded`, so both backends mean the same thing.
folded_synonyms = analyzer(
    "folded_synonyms",
    tokenizer="standard",
    filter=[
        "lowercase",
        "asciifolding",
        token_filter(
            "listing_synonyms",
            type="synonym_graph",
            synonyms=[", ".join(" ".join(text.tokens(entry)) for entry in group) for group in text.SYNONYMS],
        ),
    ],
)

TEXT_FIELDS = tuple(text.FIELD_WEIGHTS)
KEYWORD_FIELDS = (
    "slug",
    "status",
    "kind",
    "owner",
    "area_kind",
    "council_areas",
    "needs",
    "service_types",
    "funding",
    "languages",
    "gender",
    "slots",
    "bands",
    "stamps",
)


def alias_name():
    return settings.LISTING_SEARCH_INDEX


INDEXING_TIMEOUT_SECONDS = 60
MERGE_TIMEOUT_SECONDS = 600  # 300,000 listings merged in about 15 s here


class IndexingFailed(Exception):
    """The engine refused `count` documents; `examples` holds its answers for the first few."""

    def __init__(self, count, examples):
        self.count = count
        self.examples = examples
        super().__init__(f"the search engine refused {count} listing document(s); the first: {examples[0]}")


def client(timeout=None):
    """A client for the listing search engine (`search.clients.EngineClient`). Searches fail fast (a slow engine
    means the database answers instead); indexing, in the background, passes a longer `timeout`."""
    return clients.connect(timeout or settings.LISTING_SEARCH_TIMEOUT_SECONDS)


PROPERTIES = {
    "id": {"type": "long"},
    **{field: {"type": "text", "analyzer": "folded", "search_analyzer": "folded_synonyms"} for field in TEXT_FIELDS},
    **{field: {"type": "keyword"} for field in KEYWORD_FIELDS},
    "location": {"type": "geo_point"},
    "radius_km": {"type": "double"},
    "days": {"type": "integer"},
    "short_notice": {"type": "boolean"},
    "accepting": {"type": "boolean"},
    "hourly_from": {"type": "double"},  # double, not float: fair prices need the exact amounts
    "visible_until": {"type": "date"},
    "fresh_until": {"type": "date"},
    "verified_until": {"type": "date"},
    "rating": {"type": "double"},  # the Bayesian ranking score
    "average_rating": {"type": "double"},  # the average people see, to one decimal place
    "review_count": {"type": "integer"},
    **service_area.FIELDS,
    "card": {"type": "object", "enabled": False},  # stored, never indexed: `documents.card_source`
}


def missing_fields(es):
    """The fields this version indexes that the live index lacks: it was built by an earlier version, and
    re-indexing a listing into it fails until `rebuild_listing_index` builds a new one."""
    return sorted(set(PROPERTIES) - es.field_names(alias_name()))


def index_definition(name):
    """The index with its analyzers (built with elasticsearch-dsl) and the strict mapping of `PROPERTIES`."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.analyzer(folded)
    index.analyzer(folded_synonyms)
    return index


def create_index(es, name):
    es.create_index(
        name,
        settings=index_definition(name).to_dict()["settings"],
        mappings={"dynamic": "strict", "properties": PROPERTIES},
    )


def engine_document(document):
    """The indexed form of a `search.documents` document: text as `search.text` tokens, no empty location.

    Storing the tokens rather than the raw text means both backends split and fold words identically (the standard
    tokenizer keeps "o'brien" and "18.50" whole, and no character filter could change that)."""
    body = {key: value for key, value in document.items() if key not in CARD_FIELDS}
    for field in TEXT_FIELDS:
        body[field] = " ".join(text.tokens(body[field]))
    if body["location"] is None:
        del body["location"]
    body.update(service_area.indexed_fields(document))
    body["card"] = card_source(document)
    return body


def _actions(index_name, documents):
    for document in documents:
        yield {
            "_op_type": "index",
            "_index": index_name,
            "_id": str(document["id"]),
            "_source": engine_document(document),
        }


class _Refusals:
    """Counts the documents the engine refused, logging the first few in full."""

    def __init__(self):
        self.count = 0
        self.examples = []

    def add(self, failures):
        for failure in failures[: FAILURES_LOGGED - len(self.examples)]:
            logger.error("The search engine refused a listing document: %s", failure)
            self.examples.append(failure)
        self.count += len(failures)

    def raise_if_any(self):
        if self.count:
            logger.error("The search engine refused %d listing document(s) in all.", self.count)
            raise IndexingFailed(self.count, self.examples)


def index_listings(ids, refresh=False, es=None):
    """Bring the index up to date for these listings: published ones (re)indexed, the rest removed.

    Raises `IndexingFailed` when the engine refuses any of them (the task is then recorded as failed)."""
    es = es or client(timeout=INDEXING_TIMEOUT_SECONDS)
    ids = set(ids)
    published = Listing.objects.filter(pk__in=ids, status=Listing.Status.PUBLISHED)
    documents = documents_for(published)
    actions = list(_actions(alias_name(), documents))
    gone = ids - {document["id"] for document in documents}
    # Deleting what is not there is fine: the listing was never published.
    actions += [{"_op_type": "delete", "_index": alias_name(), "_id": str(pk)} for pk in sorted(gone)]
    if actions:
        refusals = _Refusals()
        refusals.add(es.bulk(actions, refresh=refresh))
        refusals.raise_if_any()
    return len(documents)


def rebuild(progress=None, es=None):
    """Index every published listing into a new index, then point the alias at it and drop the old indices.

    `progress(done, total)` is called after each batch. Returns the number of listings indexed. If the engine
    refuses any document, the new index is dropped, the alias stays on the old one, and `IndexingFailed` says how
    many were refused (each is logged)."""
    es = es or client(timeout=INDEXING_TIMEOUT_SECONDS)
    alias = alias_name()
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    create_index(es, name)
    try:
        count = _fill(es, name, progress)
    except BaseException:
        with contextlib.suppress(clients.EngineError):  # the engine may be why: the original error matters
            es.delete_index(name)
        raise
    old = es.indices_behind(alias)
    if not old and es.index_exists(alias):
        # A plain index squats on the alias's name (an earlier version, or an index created by accident).
        es.delete_index(alias)
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    es.update_aliases([*actions, {"add": {"index": name, "alias": alias}}])
    for index in old:
        if index != name:
            es.delete_index(index)
    return count


def _fill(es, name, progress):
    ids = list(Listing.objects.filter(status=Listing.Status.PUBLISHED).order_by("pk").values_list("pk", flat=True))
    done = 0
    refusals = _Refusals()
    if progress:
        progress(done, len(ids))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        refusals.add(es.bulk(_actions(name, documents_for(Listing.objects.filter(pk__in=batch)))))
        done += len(batch)
        if progress:
            progress(done, len(ids))
    refusals.raise_if_any()
    es.refresh(name)
    _merge(es, name)
    es.refresh(name)  # searches see the merged segment
    return len(ids)


def _merge(es, name):
    """One segment for the new index before searches see it: bulk loading leaves a dozen, and a search's fuzzy words
    are expanded, and its filters run, once per segment (a quarter of a search's time at 100,000 listings). A
    failure leaves a complete index that is only slower, so the rebuild goes on."""
    try:
        es.merge_segments(name, MERGE_TIMEOUT_SECONDS)
    except clients.EngineError:
        logger.warning("could not merge the new listing index's segments: searches will be slower", exc_info=True)
