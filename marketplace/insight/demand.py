"""Demand from the search log, precomputed by month into `DemandFigure` so that pages never scan the log.

`refresh` rebuilds the figures of recent months (hourly, from cron or the task); `refresh(full=True)` rebuilds them
all. The read functions below each run one query over the small table.
"""

from collections import defaultdict
from datetime import datetime, time

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from providers.models import CouncilArea
from search.models import SearchLog

from .models import DemandFigure
from .periods import add_months, first_of_month

FEW_RESULTS = 3  # a search that found 1 to 3 listings found "few"
DIMENSIONS = {
    DemandFigure.Dimension.NEED: "need",
    DemandFigure.Dimension.SERVICE: "service",
    DemandFigure.Dimension.LANGUAGE: "language",
}
BATCH = 5000


class _Councils:
    """Finds the council area of a log row: by its GSS code, else by the council name the geocoder gave."""

    def __init__(self):
        self.by_code, self.by_name = {}, {}
        for pk, code, name in CouncilArea.objects.values_list("pk", "gss_code", "name"):
            if code:
                self.by_code[code] = pk
            self.by_name[name.casefold()] = pk

    def find(self, code, name):
        return self.by_code.get(code) or self.by_name.get((name or "").casefold())


def _keys(filters):
    yield DemandFigure.Dimension.ALL, ""
    for dimension, parameter in DIMENSIONS.items():
        values = (filters or {}).get(parameter) or []
        for value in dict.fromkeys(values if isinstance(values, list) else [values]):
            yield dimension, str(value)[:100]


def count_searches(rows, councils):
    """{(council id, month, outward code, dimension, value): [searches, no results, few results]} for log rows."""
    counts = defaultdict(lambda: [0, 0, 0])
    months = {}
    for hour, code, name, outward, filters, results in rows:
        council = councils.find(code, name)
        if council is None:
            continue
        day = hour.date() if timezone.is_naive(hour) else timezone.localtime(hour).date()
        month = months.get(day) or months.setdefault(day, first_of_month(day))
        none, few = results == 0, 0 < results <= FEW_RESULTS
        for dimension, value in _keys(filters):
            cell = counts[(council, month, outward, dimension, value)]
            cell[0] += 1
            cell[1] += none
            cell[2] += few
    return counts


def refresh(full=False, months=2, today=None):
    """Rebuild the figures for the last `months` months (this one included), or for every month when `full`.

    Returns how many figures were written. Safe to run at the same time as searches: rows logged while it runs
    are counted at the next refresh."""
    since = add_months(first_of_month(today or timezone.localdate()), 1 - months)
    log = SearchLog.objects.all()
    if not full:
        log = log.filter(hour__gte=timezone.make_aware(datetime.combine(since, time.min)))
    rows = log.values_list("hour", "council_code", "council_area", "outward_code", "filters", "result_count")
    counts = count_searches(rows.iterator(chunk_size=BATCH), _Councils())
    figures = (
        DemandFigure(
            council_id=council,
            month=month,
            outward_code=outward,
            dimension=dimension,
            value=value,
            searches=cell[0],
            no_results=cell[1],
            few_results=cell[2],
        )
        for (council, month, outward, dimension, value), cell in counts.items()
    )
    with transaction.atomic():
        stale = DemandFigure.objects.all() if full else DemandFigure.objects.filter(month__gte=since)
        stale.delete()
        DemandFigure.objects.bulk_create(figures, batch_size=BATCH)
    return len(counts)


def _figures(area, period, dimension):
    return DemandFigure.objects.filter(
        council=area, dimension=dimension, month__gte=period.start, month__lte=period.end
    )


def _sums(queryset, group_by):
    return (
        queryset.values(group_by)
        .annotate(searches=Sum("searches"), no_results=Sum("no_results"), few_results=Sum("few_results"))
        .order_by(group_by)
    )


def by_month(area, period):
    """[(month, searches, no results, few results)] for every month of the period, months without searches as 0."""
    found = {row["month"]: row for row in _sums(_figures(area, period, DemandFigure.Dimension.ALL), "month")}
    empty = {"searches": 0, "no_results": 0, "few_results": 0}
    return [(month, found.get(month, empty)) for month in period.months]


def by_value(area, period, dimension):
    """{value: {"searches", "no_results", "few_results"}} for a need, service type or language dimension."""
    return {row["value"]: row for row in _sums(_figures(area, period, dimension), "value")}


def by_outward_code(area, period):
    """{outward code: sums} over every search of the area; "" holds searches by place name or location."""
    return {
        row["outward_code"]: row for row in _sums(_figures(area, period, DemandFigure.Dimension.ALL), "outward_code")
    }
