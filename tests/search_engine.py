"""Test-only support for osmem-server, the in-memory Elasticsearch/OpenSearch API the search tests run against."""

from elastic_transport import HttpHeaders, Urllib3HttpNode

JSON = "application/json"
NDJSON = "application/x-ndjson"


class PlainJsonNode(Urllib3HttpNode):
    """osmem-server answers 406 to the client's `vnd.elasticsearch+json; compatible-with=8` media type (a real
    Elasticsearch accepts it), so tests send plain JSON; bulk bodies stay newline-delimited JSON."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        headers = HttpHeaders(headers or {})
        if "accept" in headers:
            headers["accept"] = JSON
        if content_type := headers.get("content-type"):
            headers["content-type"] = NDJSON if "ndjson" in content_type else JSON
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
