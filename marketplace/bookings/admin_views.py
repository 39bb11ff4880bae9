"""Editors' screen in the Wagtail admin for visits in dispute: those the supplier sent on (or that were disputed
again after a correction), and those still with the supplier. An editor reads both sides and decides, with a note
both sides receive: to be paid as confirmed, or not at all."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from marketplace.core.admin import AdminPage, forbidden, page_query
from marketplace.core.workflow import history

from . import visits
from .models import Visit

DECIDE = "bookings.decide_visit"
PER_PAGE = 50


class DisputeQueueView(AdminPage):
    permission = DECIDE
    template_name = "bookings/admin/queue.html"
    page_title = gettext_lazy("Visits in dispute")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Visits in dispute")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", Visit.Status.REFERRED)
        if status not in (Visit.Status.REFERRED, Visit.Status.DISPUTED):
            status = Visit.Status.REFERRED
        found = Visit.objects.filter(status=status).select_related("booking__supplier").order_by("starts_at", "pk")
        page = Paginator(found, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            page=page,
            visits=list(page),
            status=status,
            page_query=page_query(status=status),
            statuses=[(Visit.Status.REFERRED, _("Sent to an editor")), (Visit.Status.DISPUTED, _("With the supplier"))],
        )
        return context


class DisputeView(AdminPage):
    permission = DECIDE
    template_name = "bookings/admin/visit.html"
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        self.visit = get_object_or_404(
            Visit.objects.select_related("booking__supplier", "booking__listing", "confirmed_by").prefetch_related(
                "booking__items"
            ),
            pk=kwargs["pk"],
        )
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Visit %(pk)s of booking %(reference)s") % {
            "pk": self.visit.pk,
            "reference": self.visit.booking.reference,
        }

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("bookings_admin:queue"), "label": _("Visits in dispute")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            visit=self.visit,
            booking=self.visit.booking,
            history=history(self.visit),
            may_decide=self.visit.status in (Visit.Status.DISPUTED, Visit.Status.REFERRED),
        )
        return context


def queue(request):
    return DisputeQueueView.as_view()(request)


def visit(request, pk):
    return DisputeView.as_view()(request, pk=pk)


@require_POST
def decide(request, pk, action):
    if not request.user.has_perm(DECIDE):
        return forbidden()
    if action not in ("uphold", "void"):
        raise Http404
    found = get_object_or_404(Visit, pk=pk)
    try:
        visits.decide(found, request.user, action == "uphold", request.POST.get("note", "")[:2000])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("bookings_admin:visit", pk=found.pk)
    messages.success(request, _("Your decision is recorded and both sides have been told."))
    return redirect("bookings_admin:queue")
