"""What someone asked for: a place, words and filters, parsed from the URL (which holds the whole query).

`ListingQuery` is what both search backends take; `SearchForm` turns request parameters into one, with a clear,
translated error for each bad value; `search.links` turns a query's parameters back into URLs.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from marketplace.geography.places import Point

KM_PER_MILE = 1.609344

SORT_BEST = "best"
SORT_NEAREST = "nearest"
SORT_PRICE = "price"
SORT_RATING = "rating"
SORTS = (SORT_BEST, SORT_NEAREST, SORT_PRICE, SORT_RATING)

GENDERS = ("woman", "man", "non_binary")
UNITS = ("mi", "km")
RATING_THRESHOLDS = (4, 3, 2)  # "4 stars and above", …: on the average people see
PAGE_SIZE = 20
MAX_PAGE = 500


@dataclass(frozen=True)
class Place:
    label: str
    point: Point
    council_area: str | None = None  # the ONS name of the council holding adult social care, to show
    outward_code: str | None = None  # what the demand log keeps; never a full postcode
    council_code: str | None = None  # that council's GSS code: what service areas, rates and the log are matched by


@dataclass(frozen=True)
class ListingQuery:
    place: Place
    text: str = ""
    needs: tuple[str, ...] = ()
    service_types: tuple[str, ...] = ()
    funding: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    gender: str = ""
    days: tuple[int, ...] = ()
    bands: tuple[str, ...] = ()
    short_notice: bool = False
    max_price: Decimal | None = None
    verified_only: bool = False
    accepting_only: bool = False
    min_rating: float | None = None  # the average rating (as shown, to one decimal place) at least this
    stamps: tuple[str, ...] = ()  # quality stamps held now: all of them
    within_km: float | None = None  # the searcher's own limit on distance to the listing's base
    sort: str = SORT_BEST
    page: int = 1
    page_size: int = PAGE_SIZE
    listing_ids: tuple[int, ...] | None = field(default=None, compare=False)  # restricts to these (saved searches)

    def but(self, **changes):
        return replace(self, **changes)

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def active_filter_count(self):
        return (
            len(self.needs)
            + len(self.service_types)
            + len(self.funding)
            + len(self.languages)
            + len(self.days)
            + len(self.bands)
            + len(self.stamps)
            + sum(
                map(
                    bool,
                    (
                        self.gender,
                        self.short_notice,
                        self.max_price,
                        self.verified_only,
                        self.accepting_only,
                        self.min_rating is not None,
                    ),
                )
            )
        )
