"""The business actions on listings. Views and the admin call these; the rules live here, not in views."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from marketplace.core import ratelimits
from marketplace.core.emails import queue_email
from marketplace.core.files import delete_file_later
from marketplace.core.permissions import acts_for
from marketplace.core.urls_absolute import absolute_url
from marketplace.core.workflow import Transition, Workflow

from .models import (
    Invitation,
    Listing,
    ListingChange,
    Membership,
    ModerationDecision,
    Organisation,
    Supplier,
    Verification,
)
from .signals import listing_published

Status = Listing.Status
Action = ModerationDecision.Action


@dataclass(frozen=True)
class Missing:
    """Something a listing needs before it can be sent for approval: where it is added (a listing form field, or
    "rates" for the rate card), what it is ("a summary") and the error a provider acts on ("Add a summary")."""

    field: str
    what: str
    error: str

    def __str__(self):
        return str(self.what)


def missing_before_publishing(listing):
    """What a provider still has to add before a listing can be submitted, in words they can act on."""
    missing = []
    if not listing.summary.strip():
        missing.append(Missing("summary", _("a summary"), _("Add a summary")))
    if not listing.service_types.exists():
        missing.append(Missing("service_types", _("at least one service type"), _("Choose at least one service type")))
    if not listing.needs.exists():
        missing.append(Missing("needs", _("at least one need you support"), _("Choose at least one need you support")))
    if listing.area_kind == Listing.AreaKind.RADIUS and (listing.latitude is None or not listing.radius_km):
        field = "base_postcode" if listing.latitude is None else "radius_km"
        missing.append(
            Missing(
                field,
                _("where you work: a postcode and a distance"),
                _("Enter where you work: a postcode and a distance"),
            )
        )
    if listing.area_kind == Listing.AreaKind.COUNCIL_AREAS and not listing.council_areas.exists():
        missing.append(
            Missing("council_areas", _("the council areas you cover"), _("Choose the council areas you cover"))
        )
    if not listing.rates.exists():
        missing.append(
            Missing("rates", _("at least one price on your rate card"), _("Add at least one price to your rate card"))
        )
    if not (listing.contact_phone or listing.contact_email or listing.contact_website):
        missing.append(
            Missing(
                "contact_phone",
                _("a way to get in touch"),
                _("Give at least one way to get in touch: a phone number, an email address or a website"),
            )
        )
    return missing


def _record_decision(workflow, listing, transition, from_state, by, reason, at):
    """A listing's status changes are its moderation decisions (editors and owners see them as such)."""
    ModerationDecision.objects.create(listing=listing, action=transition.name, by=by, reason=reason, at=at)


def _is_owner(user, listing):
    return acts_for(user, "providers.edit_listing", listing)


def _is_editor(user, listing=None):
    return user.has_perm("providers.moderate_listing")


def _owner_or_editor(user, listing):
    return _is_owner(user, listing) or _is_editor(user)


LISTING_WORKFLOW = Workflow(
    "listing",
    [
        Transition(
            "submit",
            (Status.DRAFT, Status.SUSPENDED),
            Status.SUBMITTED,
            _lazy("Send for approval"),
            may=_is_owner,
            refusal=_lazy("This listing cannot be sent for approval now."),
        ),
        Transition(
            "approve",
            (Status.SUBMITTED,),
            Status.PUBLISHED,
            _lazy("Approve and publish"),
            may=_is_editor,
            refusal=_lazy("Only a listing waiting for approval can be approved."),
        ),
        Transition(
            "reject",
            (Status.SUBMITTED,),
            Status.DRAFT,
            _lazy("Send back"),
            may=_is_editor,
            needs_reason=True,
            refusal=_lazy("Only a listing waiting for approval can be sent back."),
            reason_prompt=_lazy("Say why the listing is being sent back, so the provider can fix it."),
        ),
        Transition(
            "suspend",
            (Status.PUBLISHED,),
            Status.SUSPENDED,
            _lazy("Suspend"),
            may=_is_editor,
            needs_reason=True,
            refusal=_lazy("Only a published listing can be suspended."),
            reason_prompt=_lazy("Say why the listing is being suspended."),
        ),
        Transition(
            "reinstate",
            (Status.SUSPENDED,),
            Status.PUBLISHED,
            _lazy("Reinstate"),
            may=_is_editor,
            refusal=_lazy("Only a suspended listing can be reinstated."),
        ),
        Transition(
            "archive",
            (Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED, Status.SUSPENDED),
            Status.ARCHIVED,
            _lazy("Archive"),
            may=_owner_or_editor,
        ),
    ],
    record=_record_decision,
)


def owner_emails(listing):
    """Everyone who acts for the listing's supplier (an organisation's members, or the PA)."""
    return list(listing.supplier.members.values_list("email", flat=True))


def _announce_published(listing):
    """Tell other apps (saved searches) after commit; a listener's failure is logged, never undoes the decision."""
    listing_id = listing.pk
    transaction.on_commit(lambda: listing_published.send(sender=Listing, listing_id=listing_id), robust=True)


def _notify_owner(listing, template, **context):
    dashboard = absolute_url(reverse("providers:listing_edit", args=[listing.pk]))
    for email in owner_emails(listing):
        queue_email(f"providers/email/{template}", email, {"listing": listing, "dashboard_url": dashboard, **context})


@transaction.atomic
def submit_listing(listing, by):
    missing = missing_before_publishing(listing)
    if missing and listing.status in LISTING_WORKFLOW["submit"].sources:
        raise ValidationError({item.field: [item.error] for item in missing})
    listing.submitted_at = timezone.now()
    LISTING_WORKFLOW.apply(listing, "submit", by, update_fields=["submitted_at"])


def _require(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


def _require_object(user, permission, obj):
    if not acts_for(user, permission, obj):
        raise PermissionDenied


def _require_editor(user):
    _require(user, "providers.moderate_listing")


@transaction.atomic
def approve_listing(listing, by):
    now = timezone.now()
    published_at, confirmed_at = listing.published_at, listing.last_confirmed_at
    listing.published_at, listing.last_confirmed_at = published_at or now, now
    try:
        LISTING_WORKFLOW.apply(listing, "approve", by, update_fields=["published_at", "last_confirmed_at"], now=now)
    except (ValidationError, PermissionDenied):
        listing.published_at, listing.last_confirmed_at = published_at, confirmed_at
        raise
    _notify_owner(listing, "listing_approved")
    _announce_published(listing)


@transaction.atomic
def reject_listing(listing, by, reason):
    LISTING_WORKFLOW.apply(listing, "reject", by, reason=reason)
    _notify_owner(listing, "listing_rejected", reason=reason)


@transaction.atomic
def suspend_listing(listing, by, reason):
    LISTING_WORKFLOW.apply(listing, "suspend", by, reason=reason)
    _notify_owner(listing, "listing_suspended", reason=reason)


@transaction.atomic
def reinstate_listing(listing, by):
    confirmed_at = listing.last_confirmed_at
    listing.last_confirmed_at = timezone.now()
    try:
        LISTING_WORKFLOW.apply(listing, "reinstate", by, update_fields=["last_confirmed_at"])
    except (ValidationError, PermissionDenied):
        listing.last_confirmed_at = confirmed_at
        raise
    _notify_owner(listing, "listing_approved")
    _announce_published(listing)


@transaction.atomic
def archive_listing(listing, by):
    LISTING_WORKFLOW.apply(listing, "archive", by)


@transaction.atomic
def confirm_listing(listing, by):
    """The provider says the listing is still right: it counts as fresh again."""
    listing.last_confirmed_at = timezone.now()
    listing.reconfirm_reminder_sent_at = None
    listing.save(update_fields=["last_confirmed_at", "reconfirm_reminder_sent_at", "updated_at"])


def _may_verify(user, verification):
    return user.has_perm("providers.verify_check")


VERIFICATION_WORKFLOW = Workflow(
    "verification",
    [
        Transition(
            "verify",
            (Verification.Status.PENDING, Verification.Status.REJECTED),
            Verification.Status.VERIFIED,
            _lazy("Verify"),
            may=_may_verify,
        ),
        Transition(
            "reject",
            (Verification.Status.PENDING, Verification.Status.VERIFIED),
            Verification.Status.REJECTED,
            _lazy("Do not accept"),
            may=_may_verify,
            needs_reason=True,
            reason_prompt=_lazy("Say why the evidence was not accepted."),
        ),
    ],
)


@transaction.atomic
def verify_check(verification, by):
    _decide_check(verification, "verify", by, "")


@transaction.atomic
def reject_check(verification, by, reason):
    _decide_check(verification, "reject", by, reason)


def _decide_check(verification, name, by, reason):
    if not _may_verify(by, verification):
        raise PermissionDenied
    now = timezone.now()
    verification.decided_by, verification.decided_at = by, now
    verification.rejection_reason = (reason or "").strip() if name == "reject" else ""
    VERIFICATION_WORKFLOW.apply(
        verification,
        name,
        by,
        reason=reason,
        update_fields=["decided_by", "decided_at", "rejection_reason"],
        now=now,
    )


def invite_member(supplier, email, role, by):
    """Email `email` a single-use link to act for `supplier` (an organisation) with `role`. An owner may invite a few
    people an hour, each address hears from us a few times an hour at most, and an address with an invitation that
    still works is not sent another."""
    _require_object(by, "providers.manage_supplier", supplier)
    email = email.strip()
    if supplier.invitations.filter(email__iexact=email, accepted_at__isnull=True, expires_at__gt=timezone.now()):
        raise ValidationError(_("%(email)s already has an invitation that works") % {"email": email})
    if not ratelimits.may_send_from_key(ratelimits.user_key(by), "member-invitation"):
        raise ValidationError(_("You have sent many invitations in the last hour. Try again later."), code="throttled")
    if not ratelimits.may_send_to(email, "member-invitation"):
        raise ValidationError(
            _("We have emailed %(email)s several times in the last hour. Try again later.") % {"email": email},
            code="throttled",
        )
    with transaction.atomic():
        invitation = Invitation.objects.create(supplier=supplier, email=email, role=role, invited_by=by)
        link = absolute_url(reverse("providers:accept_invitation", args=[invitation.token]))
        queue_email(
            "providers/email/invitation",
            invitation.email,
            {"invitation": invitation, "supplier": supplier, "link": link, "inviter": by},
        )
    return invitation


class InvitationUnusable(Exception):
    """Why an invitation to join cannot be accepted: "wrong_email", "used" or "expired"."""


def accept_invitation(invitation, user):
    """`user` joins the invitation's supplier with its role, once: a second click, or another tab, changes nothing."""
    if invitation.email.strip().lower() != (user.email or "").strip().lower():
        raise InvitationUnusable("wrong_email")
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_usable:
            raise InvitationUnusable("used" if locked.accepted_at else "expired")
        Membership.objects.get_or_create(user=user, supplier_id=locked.supplier_id, defaults={"role": locked.role})
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
    return locked


@transaction.atomic
def create_listing(supplier, form, by):
    """A new draft listing for `supplier` from the first step's form."""
    _require_object(by, "providers.act_for_supplier", supplier)
    listing = form.save(commit=False)
    listing.supplier = supplier
    listing.slug = _unique_slug(Listing, listing.title, 140)
    listing.created_by = by
    listing.save()
    return listing


# --- Profiles ---------------------------------------------------------------------------------------------------


def _unique_slug(model, text, max_length):
    base = slugify(text)[: max_length - 8] or "item"
    slug, counter = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{counter}"
        counter += 1
    return slug


@transaction.atomic
def save_organisation(form, by):
    """Register an organisation (`by` becomes its owner) or save changes to one `by` owns."""
    organisation = form.save(commit=False)
    if organisation.pk:
        _require_object(by, "providers.manage_supplier", organisation.supplier)
        supplier = organisation.supplier
    else:
        supplier = Supplier(kind=Supplier.Kind.ORGANISATION)
    for name, value in form.supplier_values().items():
        setattr(supplier, name, value)
    supplier.save()
    if organisation.pk is None:
        organisation.supplier = supplier
        organisation.slug = _unique_slug(Organisation, supplier.name, 160)
        organisation.save()
        Membership.objects.create(user=by, supplier=supplier, role=Membership.Role.OWNER)
    else:
        organisation.save()
    form.save_m2m()
    return organisation


# --- Photos and checks ------------------------------------------------------------------------------------------


@transaction.atomic
def add_photo(listing, photo, by):
    """Add a checked photo to a listing, up to `LISTING_PHOTOS_MAX`."""
    _require_object(by, "providers.edit_listing", listing)
    Listing.objects.select_for_update().filter(pk=listing.pk).first()  # two uploads at once take turns
    if listing.photos.count() >= settings.LISTING_PHOTOS_MAX:
        raise ValidationError(
            _("A listing can have %(count)s photos. Delete one before you add another.")
            % {"count": settings.LISTING_PHOTOS_MAX},
            code="too_many",
        )
    photo.listing = listing
    photo.sort_order = listing.photos.count()
    photo.save()
    return photo


@transaction.atomic
def delete_photo(photo, by):
    _require_object(by, "providers.edit_listing", photo.listing)
    delete_file_later(photo.image.storage, photo.image.name)
    photo.delete()


@transaction.atomic
def save_pa_profile(form, user):
    """Create or save the signed-in person's PA profile (and their supplier, which they own); a photo replaced or
    removed is deleted from storage, not left public."""
    profile = form.instance
    # The form has already put any new file on its instance: the old name is the one still in the database.
    stored = type(profile).objects.filter(pk=profile.pk).values_list("photo", flat=True).first() if profile.pk else ""
    supplier = profile.supplier if profile.pk else Supplier(kind=Supplier.Kind.PERSONAL_ASSISTANT)
    for name, value in form.supplier_values().items():
        setattr(supplier, name, value)
    supplier.save()
    profile = form.save(commit=False)
    profile.user, profile.supplier = user, supplier
    profile.save()
    form.save_m2m()
    Membership.objects.get_or_create(user=user, supplier=supplier, defaults={"role": Membership.Role.OWNER})
    if stored and stored != profile.photo.name:
        delete_file_later(profile.photo.storage, stored)
    return profile


@transaction.atomic
def submit_check(supplier, check, by, now=None):
    """Send a check (with its evidence) for an editor to verify: one waiting per kind, a few a day."""
    _require_object(by, "providers.manage_supplier", supplier)
    now = now or timezone.now()
    Supplier.objects.select_for_update().filter(pk=supplier.pk).first()
    checks = supplier.verifications
    if checks.filter(kind=check.kind, status=Verification.Status.PENDING).exists():
        raise ValidationError(_("You have already sent this check. An editor will look at it soon."), code="waiting")
    if checks.filter(created_at__gte=now - timedelta(days=1)).count() >= settings.CHECKS_PER_SUPPLIER_PER_DAY:
        raise ValidationError(
            _("You have sent %(count)s checks today. You can send more tomorrow.")
            % {"count": settings.CHECKS_PER_SUPPLIER_PER_DAY},
            code="throttled",
        )
    check.supplier = supplier
    check.save()
    return check


def editable_listing(user, pk):
    """The listing `pk` if `user` acts for its supplier and it is not archived, else None (reviews' provider pages
    use it too)."""
    listing = Listing.objects.select_related("supplier").exclude(status=Status.ARCHIVED).filter(pk=pk).first()
    if listing is None or not acts_for(user, "providers.edit_listing", listing):
        return None
    return listing


def check_may_save(listing, now=None):
    """A listing can be saved many times an hour, not hundreds: each save is kept in its history for editors."""
    since = (now or timezone.now()) - timedelta(hours=1)
    if listing.history.filter(history_date__gte=since).count() >= settings.LISTING_SAVES_PER_HOUR:
        raise ValidationError(
            _("You have saved this listing many times in the last hour. Wait a while, then save your changes."),
            code="throttled",
        )


# --- Changes to a published listing -----------------------------------------------------------------------------

# The words and contact details people rely on go live only after an editor has read them (a scam number or abuse must
# not appear unchecked); prices, availability, areas, needs and the rest are the provider's to keep current at once.
MODERATED_FIELDS = (
    "title",
    "summary",
    "description",
    "contact_phone",
    "contact_email",
    "contact_website",
    "contact_notes",
)


def waiting_change(listing):
    return listing.changes.filter(status=ListingChange.Status.WAITING).first()


@transaction.atomic
def save_listing(listing, form, formset, by):
    """Save the listing editor's form and rate card. On a published listing, changes to MODERATED_FIELDS wait for an
    editor while the public keeps the approved words; returns the waiting ListingChange, or None."""
    _require_object(by, "providers.edit_listing", listing)
    held = {}
    if listing.status == Status.PUBLISHED:
        live = Listing.objects.filter(pk=listing.pk).values(*MODERATED_FIELDS).get()
        for name in MODERATED_FIELDS:
            new = form.cleaned_data.get(name, live[name])
            if new != live[name]:
                held[name] = new
                setattr(form.instance, name, live[name])
    form.save()
    formset.save()
    return _hold(listing, held, by)


def _hold(listing, held, by):
    change = ListingChange.objects.select_for_update().filter(listing=listing, status=ListingChange.Status.WAITING)
    change = change.first()
    if not held:
        if change is not None:  # the provider put the approved words back
            change.delete()
        return None
    change = change or ListingChange(listing=listing)
    change.fields, change.submitted_by, change.submitted_at = held, by, timezone.now()
    change.save()
    return change


def _waiting(change):
    change = ListingChange.objects.select_for_update(of=("self",)).select_related("listing").get(pk=change.pk)
    if change.status != ListingChange.Status.WAITING:
        raise ValidationError(_("Another editor has already decided these changes."))
    return change


@transaction.atomic
def approve_change(change, by):
    _require_editor(by)
    change = _waiting(change)
    listing = change.listing
    for name, value in change.fields.items():
        setattr(listing, name, value)
    listing.save(update_fields=[*change.fields, "updated_at"])
    change.status, change.decided_by, change.decided_at = ListingChange.Status.APPROVED, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    ModerationDecision.objects.create(listing=listing, action=Action.APPROVE_CHANGE, by=by)
    _notify_owner(listing, "listing_change_approved")
    return change


@transaction.atomic
def reject_change(change, by, reason):
    _require_editor(by)
    if not reason.strip():
        raise ValidationError(_("Say why the changes are not approved, so the provider can fix them."))
    change = _waiting(change)
    now = timezone.now()
    change.status, change.decided_by, change.decided_at, change.reason = ListingChange.Status.REJECTED, by, now, reason
    change.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    ModerationDecision.objects.create(listing=change.listing, action=Action.REJECT_CHANGE, by=by, reason=reason)
    _notify_owner(change.listing, "listing_change_rejected", reason=reason)
    return change
