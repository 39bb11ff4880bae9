"""The search engine backend (Elasticsearch or OpenSearch, see `search.clients`): the same answers as
`search.backends.database`, computed by the engine.

One request (`_msearch`) with two searches that the engine runs side by side. The main one holds what every figure on
the page shares (the place's coverage, visibility, the searcher's distance cap, a listing restriction and the words);
the filters go in `post_filter`, so each facet's aggregation can apply all the *other* filters (see
`database.facet_counts`). The second collects the local prices for fair-price figures, whatever the words and filters
(`engine_fair_prices`): as its own search it reads only the listings serving the place, where a `global` aggregation
in the main search would step through every listing in the index. Best match is the same blend as `base.blend`,
as a `function_score`. Any failure of the engine raises `SearchUnavailable`, so the database answers.
"""

from django.utils import timezone
from elasticsearch.dsl import Q, Search

from marketplace.geography.places import Point
from providers.models import AvailabilitySlot, Listing

from .. import index, service_area, text
from ..clients import EngineError
from ..query import RATING_THRESHOLDS
from . import engine_fair_prices
from .base import (
    DISTANCE_HALF_KM,
    DISTANCE_WEIGHT,
    FACETS,
    FRESH_WEIGHT,
    RATING_WEIGHT,
    VERIFIED_WEIGHT,
    Hit,
    SearchResults,
    SearchUnavailable,
)

NAME = "elasticsearch"
MANY = 10_000  # bucket count for the facets' terms aggregations: more than there are taxonomy terms
FUZZY_EXPANSIONS = 200
# function_score adds 1 when none of its functions matches a document; a function that always matches, with this
# weight, makes the sum uniform, and is taken off each hit's score again.
BASELINE = 1.0
DAYS = range(7)


class _Request:
    def __init__(self, query, now):
        self.query = query
        self.now = now
        self.point = {"lat": query.place.point.latitude, "lon": query.place.point.longitude}

    # What every figure shares -------------------------------------------------------------------------------

    def visibility(self):
        return [Q("term", status=Listing.Status.PUBLISHED), Q("range", visible_until={"gte": self.now.isoformat()})]

    def coverage(self):
        """Listings whose radius reaches the place, or whose council areas include it (see `search.coverage`).

        One clause for every radius listing, exact at the edge (`search.service_area`)."""
        serving = [
            Q(
                "bool",
                filter=[Q("term", area_kind=Listing.AreaKind.RADIUS), service_area.reaches(self.query.place.point)],
            )
        ]
        if self.query.place.council_code:
            serving.append(
                Q(
                    "bool",
                    filter=[
                        Q("term", area_kind=Listing.AreaKind.COUNCIL_AREAS),
                        Q("term", council_areas=self.query.place.council_code),
                    ],
                )
            )
        return Q("bool", should=serving, minimum_should_match=1)

    def market(self):
        """Public listings serving the place: what `database.candidates` selects, and fair prices describe."""
        clauses = [*self.visibility(), self.coverage()]
        if self.query.listing_ids is not None:
            clauses.append(Q("terms", id=list(self.query.listing_ids)))
        return clauses

    def area(self):
        """…and within the searcher's own distance limit: what every other figure shares."""
        clauses = self.market()
        if self.query.within_km is not None:
            clauses.append(Q("geo_distance", distance=f"{self.query.within_km}km", location=self.point))
        return clauses

    # Words ----------------------------------------------------------------------------------------------------

    def text_clauses(self):
        return [self.term_clause(term) for term in text.parse(self.query.text).terms]

    def term_clause(self, term):
        """The best of the term's alternatives over the fields: exact word, typo-tolerant word (half) or phrase,
        plus the weight of one word matched (see `text.TextMatcher.score`)."""
        clauses = []
        for alternative in term.alternatives:
            phrase = " ".join(alternative.words)
            for field, field_weight in text.FIELD_WEIGHTS.items():
                weight = text.MATCHED_WORD_WEIGHT + field_weight
                if alternative.is_phrase:
                    clauses.append(
                        self.constant(Q("match_phrase", **{field: {"query": phrase, "analyzer": "folded"}}), weight)
                    )
                    continue
                clauses.append(self.constant(Q("match", **{field: {"query": phrase, "analyzer": "folded"}}), weight))
                if text.allowed_edits(phrase):
                    fuzzy = {
                        "query": phrase,
                        "analyzer": "folded",
                        "fuzziness": "AUTO",
                        "fuzzy_transpositions": True,
                        "prefix_length": 0,
                        "max_expansions": FUZZY_EXPANSIONS,
                    }
                    fuzzy_weight = text.MATCHED_WORD_WEIGHT + field_weight * text.FUZZY_FACTOR
                    clauses.append(self.constant(Q("match", **{field: fuzzy}), fuzzy_weight))
        return Q("dis_max", queries=clauses, tie_breaker=0)

    @staticmethod
    def constant(clause, weight):
        return Q("constant_score", filter=clause, boost=weight)

    # Filters --------------------------------------------------------------------------------------------------

    def availability(self, days, bands):
        if days and bands:
            return Q("terms", slots=[f"{day}-{band}" for day in days for band in bands])
        if days:
            return Q("terms", days=list(days))
        return Q("terms", bands=list(bands))

    def verified(self):
        return Q("range", verified_until={"gte": self.now.isoformat()})

    def filters(self):
        """{name: clause} for each chosen filter; "availability" stands for both days and bands."""
        query = self.query
        chosen = {}
        if query.needs:
            chosen["needs"] = Q("bool", filter=[Q("term", needs=need) for need in query.needs])
        for name in ("service_types", "funding", "languages"):
            if selected := getattr(query, name):
                chosen[name] = Q("terms", **{name: list(selected)})
        if query.gender:
            chosen["gender"] = Q("term", gender=query.gender)
        if query.days or query.bands:
            chosen["availability"] = self.availability(query.days, query.bands)
        if query.short_notice:
            chosen["short_notice"] = Q("term", short_notice=True)
        if query.max_price is not None:
            chosen["max_price"] = Q("range", hourly_from={"lte": float(query.max_price)})
        if query.verified_only:
            chosen["verified"] = self.verified()
        if query.accepting_only:
            chosen["accepting"] = Q("term", accepting=True)
        if query.min_rating is not None:
            chosen["rating"] = self.rated_at_least(query.min_rating)
        if query.stamps:
            chosen["stamps"] = Q("bool", filter=[Q("term", stamps=stamp) for stamp in query.stamps])
        return chosen

    @staticmethod
    def rated_at_least(minimum):
        """On the average people see (indexed to one decimal place, as shown); listings without reviews fail."""
        return Q("range", average_rating={"gte": float(minimum)})

    @staticmethod
    def all_of(clauses):
        return Q("bool", filter=list(clauses)) if clauses else Q("match_all")

    # Facets ---------------------------------------------------------------------------------------------------

    def facet_aggregations(self, filters):
        def others(*names):
            return self.all_of([clause for name, clause in filters.items() if name not in names])

        # "All of" groups (needs, stamps) count the results themselves: another choice can only narrow them.
        aggs = {
            name: {"filter": others().to_dict(), "aggs": {"values": {"terms": {"field": name, "size": MANY}}}}
            for name in ("needs", "stamps")
        }
        for name in ("service_types", "funding", "languages", "gender"):
            aggs[name] = {
                "filter": others(name).to_dict(),
                "aggs": {"values": {"terms": {"field": name, "size": MANY}}},
            }
        query = self.query
        aggs["availability"] = {
            "filter": others("availability").to_dict(),
            "aggs": {
                "days": {
                    "filters": {"filters": {str(day): self.availability((day,), query.bands).to_dict() for day in DAYS}}
                },
                "bands": {
                    "filters": {
                        "filters": {
                            band: self.availability(query.days, (band,)).to_dict()
                            for band in AvailabilitySlot.Band.values
                        }
                    }
                },
            },
        }
        flags = {
            "short_notice": Q("term", short_notice=True),
            "verified": self.verified(),
            "accepting": Q("term", accepting=True),
        }
        for name, clause in flags.items():
            aggs[f"flag_{name}"] = {"filter": Q("bool", filter=[others(name), clause]).to_dict()}
        aggs["rating"] = {
            "filter": others("rating").to_dict(),
            "aggs": {
                "thresholds": {
                    "filters": {
                        "filters": {
                            str(threshold): self.rated_at_least(threshold).to_dict() for threshold in RATING_THRESHOLDS
                        }
                    }
                }
            },
        }
        return aggs

    @staticmethod
    def facets_from(aggregations):
        facets = {name: {} for name, _ in FACETS}
        for name in ("needs", "service_types", "funding", "languages", "gender", "stamps"):
            for bucket in aggregations[name]["values"]["buckets"]:
                if bucket["key"] != "" and bucket["doc_count"]:
                    facets[name][str(bucket["key"])] = bucket["doc_count"]
        for name in ("days", "bands"):
            for key, bucket in aggregations["availability"][name]["buckets"].items():
                if bucket["doc_count"]:
                    facets[name][key] = bucket["doc_count"]
        for name in ("short_notice", "verified", "accepting"):
            if count := aggregations[f"flag_{name}"]["doc_count"]:
                facets[name]["true"] = count
        for key, bucket in aggregations["rating"]["thresholds"]["buckets"].items():
            if bucket["doc_count"]:
                facets["rating"][key] = bucket["doc_count"]
        return facets

    def fair_price_body(self):
        """A search of its own, side by side with the main one: every public listing covering the place (not only
        those within the searcher's own distance, and whatever the words and filters)."""
        return {
            "size": 0,
            "track_total_hits": False,
            "query": self.all_of(self.market()).to_dict(),
            "aggs": {"prices": engine_fair_prices.aggregation()},
        }

    # Scoring and order ----------------------------------------------------------------------------------------

    def matching(self):
        """At least one of the words (a listing's score adds up the words it matches); no words, every listing."""
        words = self.text_clauses()
        if not words:
            return self.all_of(self.area())
        return Q("bool", should=words, minimum_should_match=1, filter=self.area())

    def count_body(self):
        """Only how many results there are: what the results page's total counts, without scores, order, facets or
        fair prices (the no-results page asks this of several changed searches)."""
        clauses = [self.matching(), *self.filters().values()]
        return {"size": 0, "track_total_hits": True, "query": self.all_of(clauses).to_dict()}

    def scored_query(self):
        matching = self.matching()
        functions = [
            {"filter": {"match_all": {}}, "weight": BASELINE},
            {
                "filter": {"exists": {"field": "location"}},
                "exp": {
                    "location": {"origin": self.point, "scale": f"{DISTANCE_HALF_KM}km", "offset": "0km", "decay": 0.5}
                },
                "weight": DISTANCE_WEIGHT,
            },
            {"filter": self.verified().to_dict(), "weight": VERIFIED_WEIGHT},
            {"filter": Q("range", fresh_until={"gt": self.now.isoformat()}).to_dict(), "weight": FRESH_WEIGHT},
            {
                # RATING_WEIGHT * rating / 5, on the Bayesian score, as `base.blend` adds it.
                "filter": {"exists": {"field": "rating"}},
                "field_value_factor": {
                    "field": "rating",
                    "factor": RATING_WEIGHT / 5,
                    "modifier": "none",
                    "missing": 0,
                },
            },
        ]
        return Q("function_score", query=matching, functions=functions, score_mode="sum", boost_mode="sum")

    def sort(self):
        nearest = {"_geo_distance": {"location": self.point, "order": "asc", "unit": "km", "distance_type": "arc"}}
        by_id = {"id": {"order": "asc"}}
        if self.query.sort == "nearest":
            return [nearest, by_id]
        if self.query.sort == "price":
            return [{"hourly_from": {"order": "asc", "missing": "_last"}}, nearest, by_id]
        if self.query.sort == "rating":
            return [
                {"rating": {"order": "desc", "missing": "_last"}},
                {"review_count": {"order": "desc"}},
                nearest,
                by_id,
            ]
        return [{"_score": {"order": "desc"}}, nearest, by_id]

    def body(self):
        filters = self.filters()
        aggs = self.facet_aggregations(filters)
        search = Search().query(self.scored_query()).sort(*self.sort())
        if filters:
            search = search.post_filter(self.all_of(filters.values()))
        search = search.source(["id", "location", "card"]).extra(
            from_=self.query.offset, size=self.query.page_size, track_total_hits=True, track_scores=True
        )
        return {**search.to_dict(), "aggs": aggs}

    def results(self, response, fair_price_response):
        origin = self.query.place.point
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            location = source.get("location")
            distance = origin.distance_km(Point(location["lat"], location["lon"])) if location else None
            hits.append(Hit(source["id"], distance, (hit.get("_score") or BASELINE) - BASELINE, source.get("card")))
        aggregations = response["aggregations"]
        return SearchResults(
            total=response["hits"]["total"]["value"],
            hits=hits,
            facets=self.facets_from(aggregations),
            fair_prices=engine_fair_prices.fair_prices_from(fair_price_response["aggregations"]["prices"]["value"]),
            backend=NAME,
        )


def search(query, now=None):
    now = now or timezone.now()
    request = _Request(query, now)
    try:
        answer = index.client().msearch(index.alias_name(), [request.body(), request.fair_price_body()])
    except EngineError as error:
        raise SearchUnavailable(str(error)) from error
    return request.results(*answer["responses"])


def totals(queries, now=None):
    """How many results each query has, from one request (the engine counts them side by side)."""
    now = now or timezone.now()
    if not queries:
        return []
    try:
        answer = index.client().msearch(index.alias_name(), [_Request(query, now).count_body() for query in queries])
    except EngineError as error:
        raise SearchUnavailable(str(error)) from error
    return [response["hits"]["total"]["value"] for response in answer["responses"]]
