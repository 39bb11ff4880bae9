"""The listing index speaks to Elasticsearch 8/9 through elasticsearch-py and to OpenSearch 2/3 through opensearch-py
(`settings.LISTING_SEARCH_ENGINE`). The elasticsearch client refuses any server that does not say it is
Elasticsearch, and OpenSearch refuses the client's versioned media type, so each engine gets its own library.

Queries are built once, with elasticsearch-dsl, and sent as plain dicts through either. `EngineClient` is the little
that the index and the backend need, the same for both: answers are plain dicts, and every failure (unreachable,
too slow, refused) is an `EngineError`.
"""

import os
from contextlib import contextmanager
from functools import lru_cache

import elastic_transport
import elasticsearch
import opensearchpy
from django.conf import settings
from django.utils.module_loading import import_string
from elasticsearch import helpers as elasticsearch_helpers
from opensearchpy import helpers as opensearch_helpers


class EngineError(Exception):
    """The engine could not be reached, did not answer in time, or refused the request."""


class NotFound(EngineError):
    """No such index, alias or document."""


class EngineClient:
    """What the listing index asks of an engine. Subclasses adapt one client library."""

    def __init__(self, raw):
        self.raw = raw  # the library's own client, for what this class does not cover

    def msearch(self, index, bodies):
        """Several searches in one request, which the engine runs side by side: their answers, in order. Any of
        them failing is an `EngineError`, as a whole search failing would be."""
        with self.errors():
            answer = self._body(self._msearch(index, [line for body in bodies for line in ({}, body)]))
        responses = answer["responses"]
        if failed := [response["error"] for response in responses if "error" in response]:
            raise EngineError(f"msearch: {failed[0]}")
        return {"took": answer.get("took"), "responses": responses}

    def create_index(self, name, settings, mappings):
        with self.errors():
            self._create_index(name, settings, mappings)

    def delete_index(self, name):
        with self.errors():
            self.raw.indices.delete(index=name)

    def index_names(self, pattern):
        """The names of the indices matching `pattern` (e.g. "sds-listings-*")."""
        with self.errors():
            return sorted(self._body(self.raw.indices.get(index=pattern)))

    def index_exists(self, name):
        with self.errors():
            return bool(self.raw.indices.exists(index=name))

    def field_names(self, index):
        """The top-level fields mapped in the index (or in each index behind an alias)."""
        with self.errors():
            answer = self._body(self.raw.indices.get_mapping(index=index))
        return {name for mapping in answer.values() for name in mapping.get("mappings", {}).get("properties", {})}

    def refresh(self, name):
        with self.errors():
            self.raw.indices.refresh(index=name)

    def merge_segments(self, name, timeout):
        """Merge the index's segments into one (for an index no longer written to in bulk), waiting up to `timeout`
        seconds: longer than an ordinary request, as a large index takes a while."""
        with self.errors():
            self._force_merge(name, timeout)

    def segment_count(self, name):
        with self.errors():
            answer = self._body(self.raw.indices.segments(index=name))
        return sum(len(shard["segments"]) for shards in answer["indices"][name]["shards"].values() for shard in shards)

    def indices_behind(self, alias):
        """The indices the alias points to (none when there is no such alias)."""
        try:
            with self.errors():
                return sorted(self._body(self.raw.indices.get_alias(name=alias)))
        except NotFound:
            return []

    def update_aliases(self, actions):
        """All `actions` ({"add": …} / {"remove": …}) in one step: a search sees the aliases before or after."""
        with self.errors():
            self._update_aliases(actions)

    def bulk(self, actions, refresh=False):
        """Send the actions in chunks; return the failed items ({"index": {...}} or {"delete": {...}} with the
        engine's status and error). A missing document to delete is not a failure."""
        failures = []
        with self.errors():
            for ok, item in self._streaming_bulk(actions, refresh):
                if ok:
                    continue
                [(operation, detail)] = item.items()
                if operation == "delete" and detail.get("status") == 404:
                    continue
                failures.append(item)
        return failures

    @contextmanager
    def errors(self):
        """The library's exceptions as `EngineError` (its not-found answer as `NotFound`)."""
        try:
            yield
        except self.FAILURES as error:
            kind = NotFound if isinstance(error, self.NOT_FOUND) else EngineError
            raise kind(f"{type(error).__name__}: {error}") from error

    # What differs between the libraries ----------------------------------------------------------------------

    @staticmethod
    def _body(response):
        return response


class ElasticsearchClient(EngineClient):
    FAILURES = (elasticsearch.ApiError, elastic_transport.TransportError)
    NOT_FOUND = elasticsearch.NotFoundError

    @staticmethod
    def _body(response):
        return response.body

    def _msearch(self, index, lines):
        return self.raw.msearch(index=index, searches=lines)

    def _force_merge(self, name, timeout):
        self.raw.options(request_timeout=timeout).indices.forcemerge(index=name, max_num_segments=1)

    def _create_index(self, name, settings, mappings):
        self.raw.indices.create(index=name, settings=settings, mappings=mappings)

    def _update_aliases(self, actions):
        self.raw.indices.update_aliases(actions=actions)

    def _streaming_bulk(self, actions, refresh):
        return elasticsearch_helpers.streaming_bulk(
            self.raw, actions, refresh=refresh, raise_on_error=False, raise_on_exception=True, max_retries=0
        )


class OpenSearchClient(EngineClient):
    FAILURES = (opensearchpy.OpenSearchException,)
    NOT_FOUND = opensearchpy.NotFoundError

    def _msearch(self, index, lines):
        return self.raw.msearch(index=index, body=lines)

    def _force_merge(self, name, timeout):
        self.raw.indices.forcemerge(index=name, max_num_segments=1, request_timeout=timeout)

    def _create_index(self, name, settings, mappings):
        self.raw.indices.create(index=name, body={"settings": settings, "mappings": mappings})

    def _update_aliases(self, actions):
        self.raw.indices.update_aliases(body={"actions": actions})

    def _streaming_bulk(self, actions, refresh):
        return opensearch_helpers.streaming_bulk(
            self.raw, actions, refresh=refresh, raise_on_error=False, raise_on_exception=True, max_retries=0
        )


def connect(timeout):
    """A client for the configured engine and URL. No retries: a search that fails is answered by the database.

    One client per process for each setting, shared by its threads (both libraries' clients are thread-safe): a
    client keeps its connections to the engine open between searches, where a new one per search opened a
    connection each time, costing both sides a handshake."""
    engine = getattr(settings, "LISTING_SEARCH_ENGINE", "elasticsearch")
    return _client(engine, settings.LISTING_SEARCH_URL, timeout, getattr(settings, "LISTING_SEARCH_NODE_CLASS", None))


@lru_cache(maxsize=16)
def _client(engine, url, timeout, node_class):  # (forgotten in a forked child: see below)
    if engine == "opensearch":
        return OpenSearchClient(opensearchpy.OpenSearch([url], timeout=timeout, max_retries=0, retry_on_timeout=False))
    options = {"request_timeout": timeout, "max_retries": 0, "retry_on_timeout": False}
    if node_class:
        options["node_class"] = import_string(node_class) if isinstance(node_class, str) else node_class
    return ElasticsearchClient(elasticsearch.Elasticsearch(url, **options))


# A child forked from a process that had searched (gunicorn with --preload, say) must not share its open connections.
os.register_at_fork(after_in_child=_client.cache_clear)
