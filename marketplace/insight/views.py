"""Commissioners' pages: each reads the filter from the URL, builds its tables, and shows them with their charts,
or sends one table as CSV or XLSX. Bad filters give the form with its errors (400), never a server error."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from marketplace.core.form_errors import form_errors

from . import areas, charts, labels, searches
from .access import commissioner_required
from .exports import XLSX_TYPE, to_csv, to_xlsx
from .forms import InsightForm, month_label
from .pages import PAGES
from .suppression import EXPLANATION, THRESHOLD

FORMATS = ("csv", "xlsx")


def _filter(request):
    """(form, area, period, query string): area and period are None until a valid filter is given."""
    if not request.GET:
        return InsightForm(), None, None, ""
    form = InsightForm(request.GET)
    if not form.is_valid():
        return form, None, None, ""
    data = form.cleaned_data
    query = urlencode(
        {
            "area": data["area"].slug,
            "start": data["period"].start.strftime("%Y-%m"),
            "end": data["period"].end.strftime("%Y-%m"),
        }
    )
    return form, data["area"], data["period"], query


def _tables(page, area, period, ids=None, locales=None):
    if ids is None and page.uses_listings:
        ids = areas.covering(area)
    return page.build(area, period, ids, locales or labels.locales())


def _context(request, form, area, period, query, **extra):
    return {
        "form": form,
        "errors": form_errors(form),
        "area": area,
        "period": period,
        "period_label": period
        and _("%(start)s to %(end)s") % {"start": month_label(period.start), "end": month_label(period.end)},
        "query": query,
        "pages": PAGES.values(),
        "explanation": EXPLANATION,
        "threshold": THRESHOLD,
        **extra,
    }


def _charted(tables):
    return [
        {
            "table": table,
            "chart": charts.bar_chart(table),
            "price_chart": charts.range_chart(table) if table.slug == "prices" else "",
        }
        for table in tables
    ]


@require_GET
@commissioner_required
def index(request):
    form, area, period, query = _filter(request)
    context = _context(request, form, area, period, query, insight_page=None)
    return render(request, "insight/index.html", context, status=400 if form.is_bound and form.errors else 200)


@require_GET
@commissioner_required
def page(request, slug):
    current = PAGES.get(slug)
    if current is None:
        raise Http404
    form, area, period, query = _filter(request)
    tables = _tables(current, area, period) if area else []
    extra = {"insight_page": current, "charted": _charted(tables)}
    if area and slug == "unmet":
        extra["map_points"] = searches.map_points(tables[0])
        extra["map_tile_url"] = settings.MAP_TILE_URL
        extra["map_attribution"] = settings.MAP_ATTRIBUTION
    context = _context(request, form, area, period, query, **extra)
    return render(request, "insight/page.html", context, status=400 if form.is_bound and form.errors else 200)


@require_GET
@commissioner_required
def summary(request):
    """Every page's tables for one area, on one printable page: a start for a market position statement."""
    form, area, period, query = _filter(request)
    sections = []
    if area:
        ids, locales = areas.covering(area), labels.locales()  # once for every section
        sections = [(current, _charted(_tables(current, area, period, ids, locales))) for current in PAGES.values()]
    context = _context(
        request, form, area, period, query, insight_page=None, sections=sections, today=timezone.localdate()
    )
    return render(request, "insight/summary.html", context, status=400 if form.is_bound and form.errors else 200)


@require_GET
@commissioner_required
def download(request, slug, table, fmt):
    current = PAGES.get(slug)
    if current is None or fmt not in FORMATS:
        raise Http404
    form = InsightForm(request.GET)
    if not form.is_valid():
        context = _context(request, form, None, None, "", insight_page=current, charted=[])
        return render(request, "insight/page.html", context, status=400)
    area, period = form.cleaned_data["area"], form.cleaned_data["period"]
    found = next((t for t in _tables(current, area, period) if t.slug == table), None)
    if found is None:
        raise Http404
    heading = [
        [str(found.caption)],
        [area.name, _("%(start)s to %(end)s") % {"start": month_label(period.start), "end": month_label(period.end)}],
        [str(EXPLANATION)],
    ]
    name = f"{found.slug}-{area.slug}-{period.start:%Y-%m}-{period.end:%Y-%m}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(to_csv(found, heading), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(to_xlsx(found, heading), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
