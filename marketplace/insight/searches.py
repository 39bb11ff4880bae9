"""The demand and unmet-demand tables, read from the precomputed `DemandFigure` rows."""

from django.utils.translation import gettext as _

from marketplace.geography import places

from . import demand, labels
from .forms import month_label
from .models import DemandFigure
from .suppression import count
from .tables import Table

Dimension = DemandFigure.Dimension
EMPTY = {"searches": 0, "no_results": 0, "few_results": 0}


def over_time(area, period):
    rows = [
        [month_label(month), count(sums["searches"]), count(sums["no_results"]), count(sums["few_results"])]
        for month, sums in demand.by_month(area, period)
    ]
    columns = [_("Month"), _("Searches"), _("Searches with no results"), _("Searches with 1 to 3 results")]
    return Table("demand-months", _("Searches by month"), columns, rows, chart_column=1)


def by_term(area, period, dimension, caption, slug, locales=None):
    found = demand.by_value(area, period, dimension)
    rows = [[name, count(found.get(term, EMPTY)["searches"])] for term, name in labels.names(dimension, locales)]
    rows.sort(key=lambda row: -(row[1].value or 0))
    return Table(slug, caption, [_("Name"), _("Searches")], rows, chart_column=1)


def demand_tables(area, period, ids=None, locales=None):
    return [
        over_time(area, period),
        by_term(area, period, Dimension.NEED, _("Searches by need"), "demand-needs", locales),
        by_term(area, period, Dimension.SERVICE, _("Searches by service type"), "demand-services", locales),
        by_term(area, period, Dimension.LANGUAGE, _("Searches by language"), "demand-languages", locales),
    ]


def _unmet_row(label, sums):
    unmet = sums["no_results"] + sums["few_results"]
    return [label, count(sums["searches"]), count(sums["no_results"]), count(sums["few_results"]), count(unmet)]


def _unmet_columns(first):
    return [
        first,
        _("Searches"),
        _("With no results"),
        _("With 1 to 3 results"),
        _("With no or few results"),
    ]


def unmet_by_need(area, period, locales=None):
    found = demand.by_value(area, period, Dimension.NEED)
    rows = [_unmet_row(name, found.get(term, EMPTY)) for term, name in labels.names(Dimension.NEED, locales)]
    rows.sort(key=lambda row: -(row[4].value or 0))
    return Table("unmet-needs", _("Searches with no or few results, by need"), _unmet_columns(_("Need")), rows, 4)


def unmet_by_place(area, period):
    found = demand.by_outward_code(area, period)
    rows = [
        _unmet_row(code or _("Place name or location (no postcode district)"), sums)
        for code, sums in sorted(found.items(), key=lambda item: -(item[1]["no_results"] + item[1]["few_results"]))
    ]
    return Table(
        "unmet-places",
        _("Searches with no or few results, by postcode district"),
        _unmet_columns(_("Postcode district")),
        rows,
        4,
    )


def unmet_tables(area, period, ids=None, locales=None):
    return [unmet_by_place(area, period), unmet_by_need(area, period, locales)]


def map_points(table):
    """Markers for the dark-patches map: each postcode district's centre with its (already suppressed) figures."""
    points = []
    for row in table.rows:
        code = row[0]
        location = places.lookup_outward_code(code) if places.is_outward_code(code) else None
        if location is None:
            continue
        points.append(
            {
                "label": code,
                "lat": round(location.point.latitude, 3),
                "lon": round(location.point.longitude, 3),
                "searches": row[1].display,
                "unmet": row[4].display,
                "share": _share(row),
            }
        )
    return points


def _share(row):
    searches, unmet = row[1], row[4]
    if searches.suppressed or unmet.suppressed or not searches.value:
        return None
    return round(unmet.value / searches.value, 2)
