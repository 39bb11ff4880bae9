"""Fair prices worked out inside the engine: one `scripted_metric` aggregation that answers with three quartiles and a
count per service type, where a terms aggregation would send back a bucket for every owner of every service type
around the place (thousands at 100,000 listings) for Python to read.

The meaning is `base.fair_prices`': each owner counts once per service type, at their lowest "from" price; a type
needs `MIN_RATES_FOR_FAIR_PRICE` owners; quartiles interpolate as `statistics.quantiles(n=4, method="inclusive")`
does, in the same double arithmetic, so both backends give the same pence (the contract suite checks it).
"""

from .base import MIN_RATES_FOR_FAIR_PRICE, fair_price

# Per shard: {"<service type> <owner>": lowest price}. Slugs and owner keys hold no spaces.
_MAP = """
if (doc['hourly_from'].size() == 0) { return; }
double price = doc['hourly_from'].value;
String owner = doc['owner'].value;
for (String type : doc['service_types']) {
  String key = type + ' ' + owner;
  def seen = state.lowest.get(key);
  if (seen == null || price < seen) { state.lowest.put(key, price); }
}
"""

# Across shards: the lowest per owner and type again, then {type: [lower, median, upper, owners]}.
_REDUCE = """
Map lowest = new HashMap();
for (def shard : states) {
  if (shard == null) { continue; }
  for (def entry : shard.entrySet()) {
    def seen = lowest.get(entry.getKey());
    if (seen == null || entry.getValue() < seen) { lowest.put(entry.getKey(), entry.getValue()); }
  }
}
Map byType = new HashMap();
for (def entry : lowest.entrySet()) {
  String key = entry.getKey();
  String type = key.substring(0, key.indexOf(' '));
  List prices = byType.get(type);
  if (prices == null) { prices = new ArrayList(); byType.put(type, prices); }
  prices.add(entry.getValue());
}
Map result = new HashMap();
for (def entry : byType.entrySet()) {
  List prices = entry.getValue();
  int n = prices.size();
  if (n < params.minimum) { continue; }
  Collections.sort(prices);
  List figures = new ArrayList();
  int m = n - 1;
  for (int i = 1; i <= 3; i++) {
    int j = (i * m) / 4;
    int delta = i * m - j * 4;
    double low = prices.get(j);
    double high = prices.get(j + 1);
    figures.add((low * (4 - delta) + high * delta) / 4);
  }
  figures.add(n);
  result.put(entry.getKey(), figures);
}
return result;
"""


def aggregation():
    return {
        "scripted_metric": {
            "init_script": {"source": "state.lowest = new HashMap();", "lang": "painless"},
            "map_script": {"source": _MAP, "lang": "painless"},
            "combine_script": {"source": "return state.lowest;", "lang": "painless"},
            "reduce_script": {
                "source": _REDUCE,
                "lang": "painless",
                "params": {"minimum": MIN_RATES_FOR_FAIR_PRICE},
            },
        }
    }


def fair_prices_from(value):
    """{service type: FairPrice} from the aggregation's value."""
    return {
        service_type: fair_price(lower, middle, upper, int(count))
        for service_type, (lower, middle, upper, count) in (value or {}).items()
    }
