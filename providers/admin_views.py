"""Editors' tools in the Wagtail admin: the listing moderation queue and review page, and the verification queue.

Every view here checks `providers.moderate_listing` or `providers.verify_check` and answers 403 otherwise (Wagtail's
own wrapper already sends anonymous visitors and users without admin access to the login page). The actions are POSTs
that call the services in `providers.services`, where the rules live.

Verification evidence is private. It is served only by `verification_evidence` below, to editors, as an attachment.
Production must NOT serve MEDIA_ROOT/verification-evidence/ publicly (e.g. exclude that folder from the web server's
/media/ location, or keep evidence on a private storage bucket).
"""

import mimetypes
from pathlib import PurePosixPath

import django_filters
import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Exists, IntegerField, OuterRef, Prefetch, Value, When
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from marketplace.core.admin import AdminPage, QueueFilterSet, QueueView, TemplateColumn, forbidden

from . import services
from .freshness import filter_by_freshness, notify_verification_decision
from .models import AvailabilitySlot, Listing, ListingChange, ModerationDecision, RateCardItem, Verification

MODERATE = "providers.moderate_listing"
VERIFY = "providers.verify_check"


class ModerationPage(AdminPage):
    permission = MODERATE


# --- Listings ---------------------------------------------------------------------------------------------------


CHANGES_WAITING = "changes"  # a filter: published listings with new words waiting for an editor


def listing_queryset():
    waiting_change = ListingChange.objects.filter(listing=OuterRef("pk"), status=ListingChange.Status.WAITING)
    return (
        Listing.objects.select_related("supplier")
        .annotate(has_waiting_change=Exists(waiting_change))
        .annotate(
            waiting_first=Case(
                When(status=Listing.Status.SUBMITTED, then=Value(0)),
                When(has_waiting_change=True, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
    )


class ListingQueueFilters(QueueFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[*Listing.Status.choices, (CHANGES_WAITING, gettext_lazy("Changes waiting for an editor"))],
        empty_label=gettext_lazy("Any status (waiting for approval first)"),
        method="filter_status",
        widget=forms.RadioSelect,
    )
    freshness = django_filters.ChoiceFilter(
        label=gettext_lazy("Freshness of published listings"),
        choices=Listing.Freshness.choices,
        empty_label=gettext_lazy("Any"),
        method="filter_freshness",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Listing
        fields = []

    def filter_status(self, queryset, name, value):
        if value == CHANGES_WAITING:
            return queryset.filter(has_waiting_change=True)
        return queryset.filter(status=value)

    def filter_freshness(self, queryset, name, value):
        return filter_by_freshness(queryset.filter(status=Listing.Status.PUBLISHED), value)


def _freshness_label(listing):
    return listing.freshness().label if listing.status == Listing.Status.PUBLISHED else "—"


class ListingQueueView(QueueView):
    permission = MODERATE
    model = Listing
    page_title = gettext_lazy("Listings")
    header_icon = "list-ul"
    index_url_name = "providers_admin:listing_queue"
    index_results_url_name = "providers_admin:listing_queue_results"
    filterset_class = ListingQueueFilters
    default_ordering = ("waiting_first", "submitted_at", "title", "pk")
    caption = gettext_lazy("Listings, those waiting for approval first")
    empty_message = gettext_lazy("No listings match.")
    columns = [
        TitleColumn("title", label=gettext_lazy("Listing"), url_name="providers_admin:listing_review"),
        TemplateColumn("owner", "providers/admin/cells/supplier.html", label=gettext_lazy("Owner")),
        TemplateColumn("status", "providers/admin/cells/listing_status.html", label=gettext_lazy("Status")),
        DateColumn("submitted_at", label=gettext_lazy("Sent for approval")),
        DateColumn("last_confirmed_at", label=gettext_lazy("Last confirmed")),
        Column("freshness", label=gettext_lazy("Freshness"), accessor=_freshness_label),
    ]

    def get_base_queryset(self):
        return listing_queryset()


def _field_changes(history):
    """Turn django-simple-history records (newest first) into rows: who, when, what changed from what to what."""
    records = list(history)
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            changes = [
                {
                    "field": _verbose(change.field),
                    "old": _readable(change.field, change.old),
                    "new": _readable(change.field, change.new),
                }
                for change in delta.changes
            ]
        rows.append(
            {
                "at": newer.history_date,
                "by": newer.history_user,
                "type": newer.get_history_type_display(),
                "created": older is None,
                "changes": changes,
            }
        )
    return rows


HISTORY_PER_PAGE = 25


def _history_page(listing, number):
    """One page of the listing's changes, newest first (each compared with the version before it, which may be on
    the next page): a listing saved hundreds of times still opens at once."""
    history = listing.history.select_related("history_user").order_by("-history_date", "-history_id")
    page = Paginator(history, HISTORY_PER_PAGE).get_page(number)
    start = page.start_index() - 1 if page.object_list else 0
    records = list(history[start : start + HISTORY_PER_PAGE + 1])
    return {"field_history": _field_changes(records)[: len(page.object_list)], "history_page": page}


def _readable(field_name, value):
    """Many-to-many history comes as rows of ids ([{"listing": 1, "need": 3}]): show the terms' names instead."""
    if not isinstance(value, list):
        return value
    related = Listing._meta.get_field(field_name).related_model
    key = related._meta.model_name
    ids = [row[key] for row in value if key in row]
    return ", ".join(str(term) for term in related.objects.filter(pk__in=ids)) or "–"


def _verbose(field_name):
    try:
        return str(Listing._meta.get_field(field_name).verbose_name)
    except Exception:  # noqa: BLE001 - a field removed since the record was written
        return field_name


class ListingReviewView(ModerationPage):
    template_name = "providers/admin/listing_review.html"
    header_icon = "list-ul"

    def get_listing(self):
        return get_object_or_404(
            Listing.objects.select_related(
                "supplier__organisation", "supplier__personal_assistant__user", "created_by"
            ).prefetch_related(
                "service_types",
                "needs",
                "funding_options",
                "languages",
                "council_areas",
                "rates",
                "availability",
                "photos",
                "supplier__members",
                Prefetch("decisions", queryset=ModerationDecision.objects.select_related("by")),
            ),
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return self.listing.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("providers_admin:listing_queue"), "label": _("Listings")},
            {"url": "", "label": self.listing.title},
        ]

    def get(self, request, *args, **kwargs):
        self.listing = self.get_listing()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        listing = self.listing
        supplier = listing.supplier
        allowed = {transition.name for transition in services.LISTING_WORKFLOW.allowed(listing, self.request.user)}
        verifications = supplier.verifications.select_related("decided_by").order_by("kind", "-issued_on")
        slots = {(slot.day, slot.band) for slot in listing.availability.all()}
        availability = [
            {"day": label, "bands": [(band, (day, band) in slots) for band, _label in AvailabilitySlot.Band.choices]}
            for day, label in AvailabilitySlot.Day.choices
        ]
        context.update(
            listing=listing,
            supplier=supplier,
            description=mark_safe(nh3.clean(listing.description)) if listing.description else "",  # noqa: S308 - cleaned
            freshness=listing.freshness(),
            verifications=verifications,
            availability=availability,
            bands=AvailabilitySlot.Band.choices,
            decisions=listing.decisions.all(),
            **_history_page(listing, self.request.GET.get("history")),
            rate_history=RateCardItem.history.filter(listing_id=listing.pk)
            .select_related("history_user")
            .order_by("-history_date")[:50],
            waiting_change=_change_rows(listing),
            **{f"can_{name}": name in allowed for name in ("approve", "reject", "suspend", "reinstate")},
        )
        return context


def _change_rows(listing):
    """The waiting change, if any, as (field, approved words, new words) for an editor to compare."""
    change = services.waiting_change(listing)
    if change is None:
        return None
    rows = [
        {"field": _verbose(name), "old": getattr(listing, name), "new": value} for name, value in change.fields.items()
    ]
    return {"change": change, "rows": rows}


def _approve_change(listing, by):
    return services.approve_change(_waiting_change_or_404(listing), by)


def _reject_change(listing, by, reason):
    return services.reject_change(_waiting_change_or_404(listing), by, reason)


def _waiting_change_or_404(listing):
    change = services.waiting_change(listing)
    if change is None:
        raise ValidationError(_("There are no changes waiting on this listing."))
    return change


ACTIONS = {
    "approve": (
        services.approve_listing,
        False,
        gettext_lazy("“%(title)s” is published and its owners have been told."),
    ),
    "reject": (
        services.reject_listing,
        True,
        gettext_lazy("“%(title)s” was sent back to its owners with your reason."),
    ),
    "suspend": (services.suspend_listing, True, gettext_lazy("“%(title)s” is suspended and hidden from the public.")),
    "reinstate": (services.reinstate_listing, False, gettext_lazy("“%(title)s” is published again.")),
    "approve_change": (_approve_change, False, gettext_lazy("The changes to “%(title)s” are published.")),
    "reject_change": (
        _reject_change,
        True,
        gettext_lazy("The changes to “%(title)s” are not published; its owners have your reason."),
    ),
}


@require_POST
def listing_action(request, pk, action):
    if not request.user.has_perm(MODERATE):
        return forbidden()
    if action not in ACTIONS:
        raise Http404
    listing = get_object_or_404(Listing, pk=pk)
    service, needs_reason, success = ACTIONS[action]
    try:
        if needs_reason:
            service(listing, request.user, request.POST.get("reason", ""))
        else:
            service(listing, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("providers_admin:listing_review", pk=listing.pk)
    messages.success(request, success % {"title": listing.title})
    return redirect("providers_admin:listing_queue")


# --- Verifications ----------------------------------------------------------------------------------------------


class VerificationQueueFilters(QueueFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[("all", gettext_lazy("Any status")), *Verification.Status.choices],
        empty_label=None,
        initial=Verification.Status.PENDING,
        method="filter_status",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Verification
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(status=value) if value in Verification.Status.values else queryset


class VerificationQueueView(QueueView):
    permission = VERIFY
    model = Verification
    page_title = gettext_lazy("Verifications")
    header_icon = "tick-inverse"
    index_url_name = "providers_admin:verification_queue"
    index_results_url_name = "providers_admin:verification_queue_results"
    filterset_class = VerificationQueueFilters
    default_ordering = ("created_at", "pk")
    caption = gettext_lazy("Checks to verify")
    empty_message = gettext_lazy("No checks match.")
    columns = [
        TemplateColumn("check", "providers/admin/cells/check.html", label=gettext_lazy("Check")),
        TemplateColumn("supplier", "providers/admin/cells/supplier.html", label=gettext_lazy("For")),
        TemplateColumn(
            "reference", "providers/admin/cells/check_reference.html", label=gettext_lazy("Reference and dates")
        ),
        TemplateColumn("evidence", "providers/admin/cells/check_evidence.html", label=gettext_lazy("Evidence")),
        TemplateColumn("decision", "providers/admin/cells/check_decision.html", label=gettext_lazy("Decision")),
    ]

    def get_base_queryset(self):
        return Verification.objects.select_related("supplier", "decided_by")


@require_POST
def verification_action(request, pk, action):
    if not request.user.has_perm(VERIFY):
        return forbidden()
    verification = get_object_or_404(Verification.objects.select_related("supplier"), pk=pk)
    try:
        if action == "verify":
            services.verify_check(verification, request.user)
        elif action == "reject":
            services.reject_check(verification, request.user, request.POST.get("reason", ""))
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("providers_admin:verification_queue")
    notify_verification_decision(verification)
    if verification.status == Verification.Status.VERIFIED:
        messages.success(request, _("%(check)s for %(subject)s is verified.") % _names(verification))
    else:
        messages.success(request, _("%(check)s for %(subject)s was not accepted.") % _names(verification))
    return redirect("providers_admin:verification_queue")


def _names(verification):
    return {"check": verification.get_kind_display(), "subject": verification.supplier.name}


def verification_evidence(request, pk):
    """Stream a check's evidence to an editor as a download. Evidence is never linked from MEDIA_URL."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if not request.user.has_perm(VERIFY):
        return forbidden()
    verification = get_object_or_404(Verification, pk=pk)
    if not verification.evidence:
        raise Http404
    try:
        handle = verification.evidence.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    # Stored under a random name: the download is named for what it is ("insurance-leith-care.pdf").
    extension = PurePosixPath(verification.evidence.name).suffix
    filename = f"{verification.kind}-{slugify(verification.supplier.name)[:60]}{extension}"
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def listing_review(request, pk):
    return ListingReviewView.as_view()(request, pk=pk)
