"""The Elasticsearch index of listings: its mapping, the client, and keeping it in step with the database.

Searches go through an alias (``settings.LISTING_SEARCH_INDEX``); `rebuild` fills a fresh, timestamped index and then
moves the alias in one step, so searches never see a half-built index.
"""

import contextlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.module_loading import import_string
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Index, analyzer, token_filter

from providers.models import Listing

from . import text
from .documents import documents_for

BATCH_SIZE = 500

# Text fields hold the words of `search.text.tokens` joined by spaces (see `engine_document`), so the engine sees
# exactly the words the database backend sees; this analyzer then only splits them at the spaces. It folds case
# and accents too, for anyone querying the index with raw text.
folded = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Synonyms at search time, for plain `match` queries. The listing search itself expands synonyms in
# `search.text.parse` and queries with `folded`, so both backends (and osmem-server, which ignores synonym filters)
# mean the same thing.
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


def radii_cache_key():
    return f"listing-search-radii:{alias_name()}"


def forget_radii():
    cache.delete(radii_cache_key())


def alias_name():
    return settings.LISTING_SEARCH_INDEX


INDEXING_TIMEOUT_SECONDS = 60


def client(timeout=None):
    """A client for the listing search engine. Searches fail fast (a slow engine means the database answers
    instead); indexing, in the background, passes a longer `timeout`."""
    options = {
        "request_timeout": timeout or settings.LISTING_SEARCH_TIMEOUT_SECONDS,
        "max_retries": 0,
        "retry_on_timeout": False,
    }
    node_class = getattr(settings, "LISTING_SEARCH_NODE_CLASS", None)
    if node_class:
        options["node_class"] = import_string(node_class) if isinstance(node_class, str) else node_class
    return Elasticsearch(settings.LISTING_SEARCH_URL, **options)


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
}


def index_definition(name):
    """The index with its analyzers (built with elasticsearch-dsl) and the strict mapping of `PROPERTIES`."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.analyzer(folded)
    index.analyzer(folded_synonyms)
    return index


def create_index(es, name):
    es.indices.create(
        index=name,
        settings=index_definition(name).to_dict()["settings"],
        mappings={"dynamic": "strict", "properties": PROPERTIES},
    )


def engine_document(document):
    """The indexed form of a `search.documents` document: text as `search.text` tokens, no empty location.

    Storing the tokens rather than the raw text means both backends split and fold words identically (the standard
    tokenizer keeps "o'brien" and "18.50" whole; osmem-server ignores character filters that could change that)."""
    body = dict(document)
    for field in TEXT_FIELDS:
        body[field] = " ".join(text.tokens(body[field]))
    if body["location"] is None:
        del body["location"]
    return body


def _actions(index_name, documents):
    for document in documents:
        yield {
            "_op_type": "index",
            "_index": index_name,
            "_id": str(document["id"]),
            "_source": engine_document(document),
        }


def _bulk(es, actions, refresh=False):
    helpers.bulk(es, actions, refresh=refresh, raise_on_error=True, max_retries=0)


def index_listings(ids, refresh=False, es=None):
    """Bring the index up to date for these listings: published ones (re)indexed, the rest removed."""
    es = es or client(timeout=INDEXING_TIMEOUT_SECONDS)
    ids = set(ids)
    published = Listing.objects.filter(pk__in=ids, status=Listing.Status.PUBLISHED)
    documents = documents_for(published)
    actions = list(_actions(alias_name(), documents))
    gone = ids - {document["id"] for document in documents}
    actions += [{"_op_type": "delete", "_index": alias_name(), "_id": str(pk)} for pk in sorted(gone)]
    if actions:
        # Deleting what is not there is fine: the listing was never published.
        helpers.bulk(es, actions, refresh=refresh, raise_on_error=False, max_retries=0)
        forget_radii()
    return len(documents)


def delete_listing(listing_id, refresh=False, es=None):
    es = es or client(timeout=INDEXING_TIMEOUT_SECONDS)
    with contextlib.suppress(NotFoundError):  # never indexed (never published): nothing to do
        es.delete(index=alias_name(), id=str(listing_id), refresh=refresh)


def _current_indices(es, alias):
    try:
        return sorted(es.indices.get_alias(name=alias).body)
    except NotFoundError:
        return []


def rebuild(progress=None, es=None):
    """Index every published listing into a new index, then point the alias at it and drop the old indices.

    `progress(done, total)` is called after each batch. Returns the number of listings indexed."""
    es = es or client(timeout=INDEXING_TIMEOUT_SECONDS)
    alias = alias_name()
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    create_index(es, name)
    ids = list(Listing.objects.filter(status=Listing.Status.PUBLISHED).order_by("pk").values_list("pk", flat=True))
    done = 0
    if progress:
        progress(done, len(ids))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        _bulk(es, _actions(name, documents_for(Listing.objects.filter(pk__in=batch))))
        done += len(batch)
        if progress:
            progress(done, len(ids))
    es.indices.refresh(index=name)
    old = _current_indices(es, alias)
    if not old and es.indices.exists(index=alias):
        # A plain index squats on the alias's name (an earlier version, or an index created by accident).
        es.indices.delete(index=alias)
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    es.indices.update_aliases(actions=[*actions, {"add": {"index": name, "alias": alias}}])
    forget_radii()
    for index in old:
        if index != name:
            es.indices.delete(index=index)
    return len(ids)


def ensure_index(es=None):
    """Create an empty index behind the alias if there is none (first deployment, tests)."""
    es = es or client(timeout=INDEXING_TIMEOUT_SECONDS)
    alias = alias_name()
    if not es.indices.exists(index=alias):
        name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        create_index(es, name)
        es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
