"""The provider dashboard on the public site: organisations, PA profile, listings, photos and invitations.

Every view loads the object, then asks `acts_for(user, ...)` (the rules, without a superuser shortcut). Someone who
may not see an object gets a 404, so the dashboard never confirms that an organisation or listing exists. Invalid
POSTs answer 400 and save nothing.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.core import ratelimits
from marketplace.core.form_errors import error_list as _error_list
from marketplace.core.permissions import acts_for

from .. import dashboard_panels, services
from ..forms import (
    InvitationForm,
    ListingDetailsForm,
    ListingForm,
    ListingPhotoForm,
    OrganisationForm,
    PersonalAssistantForm,
    rate_card_formset,
)
from ..models import (
    Invitation,
    Listing,
    ListingPhoto,
    Membership,
    Organisation,
    PersonalAssistant,
    Supplier,
    Verification,
)

MAX_EXTRA_RATE_ROWS = 10


def _deny():
    """What someone gets for an object they may not see: the same answer as for one that does not exist."""
    raise Http404


def _require(request, permission, obj):
    if not acts_for(request.user, permission, obj):
        _deny()


def _page(request, template, context, status=200):
    """Render a dashboard form page; the GOV.UK error summary gets every error of the page's form."""
    if "errors" not in context:
        context["errors"] = _error_list(context.get("form"))
    return render(request, template, context, status=status)


# --- Home -------------------------------------------------------------------------------------------------------


def _listing_rows(listings, now):
    rows = []
    for listing in listings:
        rows.append(
            {
                "listing": listing,
                "freshness": Listing.Freshness(listing.freshness(now)).label if listing.last_confirmed_at else None,
                "missing": services.missing_before_publishing(listing),
            }
        )
    return rows


def _listings_queryset():
    return Listing.objects.exclude(status=Listing.Status.ARCHIVED).prefetch_related(
        "service_types", "needs", "council_areas", "rates"
    )


@login_required
def home(request):
    """Every supplier the person acts for (their organisations, their own PA profile), with its listings and the
    checks about to expire; a fixed number of queries however many there are."""
    now = timezone.now()
    today = timezone.localdate()
    memberships = list(
        Membership.objects.filter(user=request.user)
        .select_related("supplier__organisation", "supplier__personal_assistant")
        .prefetch_related(Prefetch("supplier__listings", queryset=_listings_queryset()))
        .order_by("supplier__kind", "supplier__name")
    )
    warn_until = today + timedelta(days=settings.VERIFICATION_EXPIRY_REMINDER_DAYS)
    warnings = defaultdict(list)
    for check in Verification.objects.filter(
        supplier__in=[m.supplier_id for m in memberships],
        status=Verification.Status.VERIFIED,
        expires_on__lte=warn_until,
    ).order_by("expires_on"):
        warnings[check.supplier_id].append({"check": check, "expired": check.expires_on < today})
    suppliers = [
        {
            "supplier": m.supplier,
            "is_owner": m.role == Membership.Role.OWNER,
            "listings": _listing_rows(m.supplier.listings.all(), now),
            "warnings": warnings.get(m.supplier_id, []),
            "panels": dashboard_panels.panels(m.supplier, request),
        }
        for m in memberships
    ]
    has_pa_profile = any(item["supplier"].is_personal_assistant for item in suppliers)
    return render(request, "providers/dashboard/home.html", {"suppliers": suppliers, "has_pa_profile": has_pa_profile})


# --- Organisations ----------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            organisation = services.save_organisation(form, request.user)
            messages.success(request, _("You have created %(name)s.") % {"name": organisation.supplier.name})
            return redirect("providers:home")
        return _page(
            request, "providers/dashboard/organisation_form.html", {"form": form, "creating": True}, status=400
        )
    return _page(request, "providers/dashboard/organisation_form.html", {"form": form, "creating": True})


def _owned_organisation(request, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("supplier"), pk=pk)
    _require(request, "providers.manage_supplier", organisation.supplier)
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk):
    organisation = _owned_organisation(request, pk)
    form = OrganisationForm(request.POST or None, instance=organisation)
    context = {"form": form, "organisation": organisation, "creating": False}
    if request.method == "POST":
        if form.is_valid():
            services.save_organisation(form, request.user)
            messages.success(request, _("Your changes to %(name)s are saved.") % {"name": organisation.supplier.name})
            return redirect("providers:home")
        return _page(request, "providers/dashboard/organisation_form.html", context, status=400)
    return _page(request, "providers/dashboard/organisation_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_invite(request, pk):
    organisation = _owned_organisation(request, pk)
    supplier = organisation.supplier
    form = InvitationForm(request.POST or None, supplier=supplier)
    pending = supplier.invitations.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
    members = supplier.memberships.select_related("user").order_by("created_at")
    context = {"form": form, "organisation": organisation, "pending": pending, "members": members}
    if request.method == "POST":
        if form.is_valid():
            try:
                invitation = services.invite_member(
                    supplier, form.cleaned_data["email"], form.cleaned_data["role"], request.user
                )
            except ValidationError as error:
                form.add_error("email", error)
                status = ratelimits.error_status(error)
                return _page(request, "providers/dashboard/organisation_invite.html", context, status=status)
            messages.success(request, _("We have emailed an invitation to %(email)s.") % {"email": invitation.email})
            return redirect("providers:organisation_invite", pk=organisation.pk)
        return _page(request, "providers/dashboard/organisation_invite.html", context, status=400)
    return _page(request, "providers/dashboard/organisation_invite.html", context)


INVITATION_PROBLEM_STATUS = {"unknown": 404, "wrong_email": 403, "used": 410, "expired": 410}


def _invitation_problem(request, reason):
    return render(
        request,
        "providers/dashboard/invitation_invalid.html",
        {"reason": reason},
        status=INVITATION_PROBLEM_STATUS[reason],
    )


@login_required
@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = Invitation.objects.select_related("supplier").filter(token=token).first()
    if invitation is None:
        return _invitation_problem(request, "unknown")
    # Someone signed in with another address learns nothing more about the invitation than that it is not theirs.
    if invitation.email.strip().lower() != (request.user.email or "").strip().lower():
        return _invitation_problem(request, "wrong_email")
    if not invitation.is_usable:
        return _invitation_problem(request, "used" if invitation.accepted_at else "expired")
    if request.method == "POST":
        try:
            services.accept_invitation(invitation, request.user)
        except services.InvitationUnusable as problem:
            return _invitation_problem(request, str(problem))
        messages.success(request, _("You are now a member of %(name)s.") % {"name": invitation.supplier.name})
        return redirect("providers:home")
    return render(request, "providers/dashboard/invitation_accept.html", {"invitation": invitation})


# --- Personal assistant profile ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def pa_profile(request):
    """Create or edit the signed-in user's own PA profile (one per user)."""
    profile = PersonalAssistant.objects.select_related("supplier").filter(user=request.user).first()
    if profile is not None:
        _require(request, "providers.change_personalassistant", profile)
    form = PersonalAssistantForm(request.POST or None, request.FILES or None, instance=profile)
    context = {"form": form, "profile": profile}
    if request.method == "POST":
        if form.is_valid():
            services.save_pa_profile(form, request.user)
            messages.success(request, _("Your profile is saved."))
            return redirect("providers:home")
        return _page(request, "providers/dashboard/pa_form.html", context, status=400)
    return _page(request, "providers/dashboard/pa_form.html", context)


# --- Listings ---------------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def supplier_listing_create(request, pk):
    """The first step of a new listing for a supplier the person acts for."""
    supplier = get_object_or_404(Supplier, pk=pk)
    _require(request, "providers.act_for_supplier", supplier)
    form = ListingDetailsForm(request.POST or None)
    context = {"form": form, "owner_name": supplier.name}
    if request.method == "POST":
        if form.is_valid():
            listing = services.create_listing(supplier, form, request.user)
            messages.success(request, _("Your draft listing is saved. Add the rest of the details below."))
            return redirect("providers:listing_edit", pk=listing.pk)
        return _page(request, "providers/dashboard/listing_create.html", context, status=400)
    return _page(request, "providers/dashboard/listing_create.html", context)


def editable_listing(request, pk):
    """A listing the signed-in user looks after (not archived); anyone else gets a 404."""
    listing = services.editable_listing(request.user, pk)
    if listing is None:
        _deny()
    return listing


def _extra_rows(request, listing):
    try:
        extra = int(request.GET.get("rows", 0))
    except ValueError:
        extra = 0
    extra = max(0, min(extra, MAX_EXTRA_RATE_ROWS))
    if extra == 0 and not listing.rates.exists():
        extra = 1
    return extra


@login_required
@require_http_methods(["GET", "POST"])
def listing_edit(request, pk):
    listing = editable_listing(request, pk)
    if request.method == "POST":
        form = ListingForm(request.POST, instance=listing)
        Formset = rate_card_formset(extra=0)
        formset = Formset(request.POST, instance=listing, prefix="rates")
        action = request.POST.get("action", "save")
        try:
            services.check_may_save(listing)
        except ValidationError as error:
            return _render_edit(
                request, listing, form=form, formset=formset, status=429, submit_errors=_submit_errors(error)
            )
        if form.is_valid() and formset.is_valid():
            held = services.save_listing(listing, form, formset, request.user)
            listing.refresh_from_db()
            if action == "add_rate":
                rows = 1 + sum(1 for extra_form in formset.extra_forms if not extra_form.has_changed())
                return redirect(reverse("providers:listing_edit", args=[listing.pk]) + f"?rows={rows}#rates-table")
            if action == "submit":
                try:
                    services.submit_listing(listing, by=request.user)
                except ValidationError as error:
                    messages.info(request, _("Your changes are saved, but the listing has not been sent for approval."))
                    return _render_edit(request, listing, status=400, submit_errors=_submit_errors(error))
                messages.success(request, _("Your listing is sent for approval. We will email you the decision."))
                return redirect("providers:home")
            if action == "confirm" and listing.status == Listing.Status.PUBLISHED:
                services.confirm_listing(listing, by=request.user)
                messages.success(request, _("Thank you. Your listing is confirmed as up to date."))
                return redirect("providers:home")
            if held is not None:
                messages.info(
                    request,
                    _(
                        "Your changes are saved. An editor will read the new words and contact "
                        "details before they are shown; until then people see the approved ones."
                    ),
                )
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect("providers:listing_edit", pk=listing.pk)
        listing.refresh_from_db()
        return _render_edit(request, listing, form=form, formset=formset, status=400)
    return _render_edit(request, listing, extra=_extra_rows(request, listing))


# Where each thing missing before approval is added on the edit page (checkboxes and radios: their first option).
SUBMIT_ANCHORS = {
    "service_types": "id_service_types_0",
    "needs": "id_needs_0",
    "council_areas": "id_council_areas_0",
    "rates": "id_rates-0-description",
}


def _submit_errors(error):
    """(anchor, message) for each reason a listing could not be sent for approval, each linking to its field."""
    if not hasattr(error, "error_dict"):
        return [("actions", message) for message in error.messages]
    return [
        (SUBMIT_ANCHORS.get(field, f"id_{field}"), message)
        for field, messages_ in error.message_dict.items()
        for message in messages_
    ]


def _render_edit(request, listing, form=None, formset=None, status=200, submit_errors=(), extra=0):
    change = services.waiting_change(listing)
    form = form or ListingForm(instance=listing, initial=change.fields if change else None)
    if formset is None or not formset.forms:
        # A listing without prices always offers a row to type one in (also after "send for approval" failed).
        Formset = rate_card_formset(extra=extra or (0 if listing.rates.exists() else 1))
        formset = Formset(instance=listing, prefix="rates")
    errors = _error_list(form, formset, extra=list(submit_errors))
    context = {
        "listing": listing,
        "form": form,
        "formset": formset,
        "errors": errors,
        "missing": services.missing_before_publishing(listing),
        "photos": listing.photos.all(),
        # A published listing stays up while its changes are read: it is never sent back for approval as a whole.
        "can_submit": services.LISTING_WORKFLOW.can(listing, "submit", request.user),
        "is_published": listing.status == Listing.Status.PUBLISHED,
        "waiting_change": change,
        "waiting_fields": [
            str(Listing._meta.get_field(name).verbose_name) for name in (change.fields if change else ())
        ],
    }
    return render(request, "providers/dashboard/listing_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def listing_photos(request, pk):
    listing = editable_listing(request, pk)
    form = ListingPhotoForm(request.POST or None, request.FILES or None)
    context = {"listing": listing, "form": form, "photos": listing.photos.all()}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_photo(listing, form.save(commit=False), request.user)
            except ValidationError as error:
                form.add_error("image", error)
            else:
                messages.success(request, _("Your photo is added."))
                return redirect("providers:listing_photos", pk=listing.pk)
        return _page(request, "providers/dashboard/listing_photos.html", context, status=400)
    return _page(request, "providers/dashboard/listing_photos.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def listing_photo_delete(request, pk, photo_pk):
    listing = editable_listing(request, pk)
    photo = get_object_or_404(ListingPhoto, pk=photo_pk, listing=listing)
    if request.method == "POST":
        services.delete_photo(photo, request.user)
        messages.success(request, _("The photo is deleted."))
        return redirect("providers:listing_photos", pk=listing.pk)
    return render(request, "providers/dashboard/listing_photo_delete.html", {"listing": listing, "photo": photo})


@login_required
@require_POST
def listing_confirm(request, pk):
    """The one-button "still right" confirmation, for reminder emails and the dashboard list."""
    listing = editable_listing(request, pk)
    if listing.status != Listing.Status.PUBLISHED:
        _deny()
    services.confirm_listing(listing, by=request.user)
    messages.success(request, _("Thank you. %(title)s is confirmed as up to date.") % {"title": listing.title})
    return redirect("providers:home")


# --- Checks (verification) --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def supplier_checks(request, pk):
    """A supplier's checks: those sent, and a form to send another with its evidence (owners only)."""
    from ..forms import VerificationForm

    supplier = get_object_or_404(Supplier, pk=pk)
    _require(request, "providers.manage_supplier", supplier)
    form = VerificationForm(request.POST or None, request.FILES or None, kinds=supplier.check_kinds())
    checks = supplier.verifications.order_by("-created_at")
    context = {"supplier": supplier, "form": form, "checks": checks, "back_url": reverse("providers:home")}
    if request.method == "POST":
        if not form.is_valid():
            return _page(request, "providers/dashboard/checks.html", context, status=400)
        try:
            services.submit_check(supplier, form.save(commit=False), request.user)
        except ValidationError as error:
            form.add_error("kind", error)
            return _page(request, "providers/dashboard/checks.html", context, status=ratelimits.error_status(error))
        messages.success(request, _("Thank you. An editor will check it and tell you by email."))
        return redirect(request.path)
    return _page(request, "providers/dashboard/checks.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def listing_archive(request, pk):
    """Take a listing off the site for good (it stays in the provider's records)."""
    listing = editable_listing(request, pk)
    if listing.status == Listing.Status.ARCHIVED:
        _deny()
    if request.method == "POST":
        services.archive_listing(listing, by=request.user)
        messages.success(
            request, _("%(title)s is archived and no longer shown to the public.") % {"title": listing.title}
        )
        return redirect("providers:home")
    return render(request, "providers/dashboard/listing_archive.html", {"listing": listing})
