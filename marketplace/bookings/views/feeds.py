"""Calendar feeds: the page to get, renew or revoke one's own feeds, and the feed itself at its secret address."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from marketplace.core.ids import parse_id
from marketplace.core.permissions import acts_for
from marketplace.core.urls_absolute import absolute_url
from providers.models import Supplier

from .. import feeds
from ..models import CalendarFeed


def _address(feed):
    return absolute_url(reverse("bookings:feed", args=[feed.token]))


@login_required
def calendar(request):
    """The signed-in user's own feeds: as a person, and for each supplier they act for. A helper gets no feed of
    the person they help: a feed keeps working outside the site, where an arrangement's end could not stop it."""
    mine = {feed.supplier_id: feed for feed in CalendarFeed.objects.filter(user=request.user)}
    suppliers = list(Supplier.objects.acted_for_by(request.user).order_by("name"))
    rows = [{"supplier": None, "feed": mine.get(None)}] + [
        {"supplier": supplier, "feed": mine.get(supplier.pk)} for supplier in suppliers
    ]
    for row in rows:
        row["address"] = _address(row["feed"]) if row["feed"] else ""
    return render(request, "bookings/calendar.html", {"rows": rows})


def _supplier_or_none(request, value):
    if not value:
        return None
    pk = parse_id(value)
    if pk is None:
        raise Http404
    supplier = get_object_or_404(Supplier, pk=pk)
    if not acts_for(request.user, "providers.act_for_supplier", supplier):
        raise Http404
    return supplier


@login_required
@require_POST
def renew(request):
    feeds.create_or_renew(request.user, _supplier_or_none(request, request.POST.get("supplier", "")))
    return redirect("bookings:calendar")


@login_required
@require_POST
def revoke(request):
    feeds.revoke(request.user, _supplier_or_none(request, request.POST.get("supplier", "")))
    return redirect("bookings:calendar")


@never_cache
@require_GET
def feed(request, token):
    """The feed, to whoever holds its address (calendar apps do not sign in)."""
    found = get_object_or_404(CalendarFeed.objects.select_related("user", "supplier"), token=token)
    if not feeds.usable(found):
        raise Http404
    response = HttpResponse(feeds.render(found), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="visits.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
