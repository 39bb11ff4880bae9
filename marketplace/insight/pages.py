"""The insight pages: each a title, a short explanation and the tables it builds for an area and a period."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import flow, pricing, searches, supply


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    lede: str
    build: object  # (area, period, listing ids, locales) -> [Table]
    uses_listings: bool = True


PAGES = {
    page.slug: page
    for page in (
        Page(
            "supply",
            _("Supply"),
            _(
                "The listings that cover the area today (they name it as a whole, or reach its centre from their "
                "base), by need, service type and language, with who offers them and how recently they were "
                "confirmed."
            ),
            supply.tables,
        ),
        Page(
            "demand",
            _("Demand"),
            _(
                "What people searched for in the area, month by month. Searches are counted by the hour and place "
                "only: nothing says who searched."
            ),
            searches.demand_tables,
            uses_listings=False,
        ),
        Page(
            "unmet",
            _("Unmet demand"),
            _(
                "Searches that found nothing or very little: the dark patches where people look for support and "
                "the market does not reach them."
            ),
            searches.unmet_tables,
            uses_listings=False,
        ),
        Page(
            "prices",
            _("Prices"),
            _(
                "What the listings covering the area charge an hour on weekdays, beside the council’s direct-payment "
                "rate."
            ),
            pricing.tables,
        ),
        Page(
            "flow",
            _("Flow"),
            _(
                "What happens after a search, for the listings covering the area: enquiries, how quickly suppliers "
                "reply, bookings made and visits delivered."
            ),
            flow.tables,
        ),
    )
}
