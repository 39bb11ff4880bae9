package org.sdshub.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The kinds of request the listing index receives (an index with analyzers, a geo_shape and a geo_point, a bulk
 * write, an alias, a search with a script, a shape filter, scoring functions and aggregations), sent once to the
 * node so that the classes they need are loaded while the build records its class-data archive.
 */
final class WarmUp {

    private static final String INDEX = """
        {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "analysis": {
           "filter": {"synonyms": {"type": "synonym_graph", "synonyms": ["pa, personal assistant"]}},
           "analyzer": {"folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding", "synonyms"]}}}},
         "mappings": {"dynamic": "strict", "properties": {
           "title": {"type": "text", "analyzer": "folded"}, "needs": {"type": "keyword"},
           "location": {"type": "geo_point"}, "area": {"type": "geo_shape"}, "reach": {"type": "double"},
           "until": {"type": "date"}}}}
        """;
    private static final String DOCUMENTS = String.join("\n",
        "{\"index\": {\"_id\": \"1\"}}",
        "{\"title\": \"Dementia care\", \"needs\": [\"dementia\"], \"location\": {\"lat\": 55.95, \"lon\": -3.19},"
            + " \"reach\": 0.5, \"until\": \"2030-01-01T00:00:00Z\", \"area\": {\"type\": \"polygon\", \"coordinates\":"
            + " [[[-3.3, 55.9], [-3.1, 55.9], [-3.1, 56.0], [-3.3, 56.0], [-3.3, 55.9]]]}}",
        "");
    private static final String SEARCH = """
        {"query": {"function_score": {
           "query": {"bool": {
             "must": [{"dis_max": {"queries": [{"match": {"title": {"query": "dementa", "fuzziness": "AUTO"}}}]}}],
             "filter": [
               {"geo_shape": {"area": {"shape": {"type": "point", "coordinates": [-3.19, 55.95]}, "relation": "intersects"}}},
               {"script": {"script": {"source": "doc['reach'].size() != 0 && doc['reach'].value * params.k >= 0", "params": {"k": 1.0}}}},
               {"range": {"until": {"gte": "2026-01-01T00:00:00Z"}}}]}},
           "functions": [{"exp": {"location": {"origin": {"lat": 55.95, "lon": -3.2}, "scale": "10km"}}, "weight": 2}],
           "score_mode": "sum", "boost_mode": "sum"}},
         "post_filter": {"terms": {"needs": ["dementia"]}},
         "sort": [{"_score": "desc"}, {"_geo_distance": {"location": {"lat": 55.95, "lon": -3.2}, "order": "asc"}}],
         "aggs": {"needs": {"filter": {"match_all": {}}, "aggs": {"values": {"terms": {"field": "needs"}}}},
                  "everywhere": {"global": {}, "aggs": {"lowest": {"min": {"field": "reach"}}}}},
         "track_total_hits": true}
        """;

    private WarmUp() {}

    static void run(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        send(http, "PUT", url + "/warm-up-1", INDEX, "application/json");
        send(http, "POST", url + "/warm-up-1/_bulk?refresh=true", DOCUMENTS, "application/x-ndjson");
        send(http, "POST", url + "/_aliases", "{\"actions\": [{\"add\": {\"index\": \"warm-up-1\", \"alias\": \"warm-up\"}}]}", "application/json");
        for (int i = 0; i < 20; i++) {
            send(http, "POST", url + "/warm-up/_search", SEARCH, "application/json");
        }
        send(http, "DELETE", url + "/warm-up-1", null, "application/json");
    }

    private static void send(HttpClient http, String method, String url, String body, String type)
        throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).method(method, publisher).header("Content-Type", type).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 || response.body().contains("\"errors\":true")) {
            throw new IOException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
