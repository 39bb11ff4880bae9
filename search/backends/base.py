"""What every search backend returns, and the rules they share: facets, the best-match blend, fair prices."""

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

MIN_RATES_FOR_FAIR_PRICE = 5  # distinct providers or PAs

# The best-match blend: how well the words match, plus nearness (halving every 10 km), current checks, recently
# confirmed details and (once reviews exist) the rating. How many words match counts most of all
# (`text.MATCHED_WORD_WEIGHT` each).
DISTANCE_WEIGHT = 2.0
DISTANCE_HALF_KM = 10.0
VERIFIED_WEIGHT = 1.0
FRESH_WEIGHT = 1.0
RATING_WEIGHT = 1.0

# The facets: (name, kind). "any" and "all" are multi-valued term filters, "one" a single choice, "flag" a yes/no,
# "minimum" a threshold on a number (counted for each threshold offered, with every other filter applied).
FACETS = (
    ("needs", "all"),
    ("service_types", "any"),
    ("funding", "any"),
    ("languages", "any"),
    ("gender", "one"),
    ("days", "any"),
    ("bands", "any"),
    ("short_notice", "flag"),
    ("verified", "flag"),
    ("accepting", "flag"),
    ("rating", "minimum"),
    ("stamps", "all"),
)


class SearchUnavailable(Exception):
    """The engine could not answer (down, slow or refusing): the caller falls back to the database."""


@dataclass(frozen=True)
class Hit:
    listing_id: int
    distance_km: float | None
    score: float = 0.0
    # The engine's stored copy of what the listing's card shows (`documents.card_source`); None from the database.
    card: dict | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FairPrice:
    """The local market for one service type: hourly "from" prices of the listings that serve the area."""

    median: Decimal
    lower_quartile: Decimal
    upper_quartile: Decimal
    count: int

    def compare(self, amount):
        """Where an hourly price sits: "below", "within" or "above" the middle half of local prices."""
        if amount is None:
            return None
        amount = Decimal(amount)
        if amount < self.lower_quartile:
            return "below"
        if amount > self.upper_quartile:
            return "above"
        return "within"


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    fair_prices: dict[str, FairPrice] = field(default_factory=dict)
    backend: str = ""
    fell_back: bool = False


def _pence(value):
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fair_prices(rows):
    """{service type: FairPrice} from (service type, owner, hourly price) rows, for types with enough prices.

    Each owner counts once per service type, at their lowest price: an agency with six listings is one price, so
    "five or more" means five providers or PAs."""
    lowest = {}
    for service_type, owner, price in rows:
        if price is not None:
            key = (service_type, owner)
            lowest[key] = min(lowest.get(key, float(price)), float(price))
    prices = defaultdict(list)
    for (service_type, _owner), price in lowest.items():
        prices[service_type].append(price)
    result = {}
    for service_type, values in prices.items():
        if len(values) < MIN_RATES_FOR_FAIR_PRICE:
            continue
        lower, middle, upper = statistics.quantiles(sorted(values), n=4, method="inclusive")
        result[service_type] = fair_price(lower, middle, upper, len(values))
    return result


def fair_price(lower, middle, upper, count):
    """A `FairPrice` from quartiles worked out as `statistics.quantiles(..., n=4, method="inclusive")` does them."""
    return FairPrice(_pence(middle), _pence(lower), _pence(upper), count)


def distance_decay(distance_km):
    if distance_km is None:
        return 0.0
    return math.pow(0.5, distance_km / DISTANCE_HALF_KM)


def blend(text_score, distance_km, verified, fresh, rating):
    return (
        (text_score or 0.0)
        + DISTANCE_WEIGHT * distance_decay(distance_km)
        + (VERIFIED_WEIGHT if verified else 0.0)
        + (FRESH_WEIGHT if fresh else 0.0)
        + (RATING_WEIGHT * rating / 5 if rating else 0.0)
    )
