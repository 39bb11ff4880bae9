"""The directory's part of a person's data (`marketplace.core.privacy`): the suppliers they act for, their PA profile,
the listings and checks of suppliers they own, and invitations to their confirmed addresses. Erasing it archives the
listings of suppliers nobody else acts for and wipes a PA's personal details from their listings and history."""

from marketplace.core.accounts import addressed_to
from marketplace.core.files import delete_file_later
from marketplace.core.privacy import iso as _iso

from .models import Invitation, Listing, ListingChange, Membership, PersonalAssistant, Supplier, Verification
from .services import archive_listing

DELETED_LISTING_TITLE = "Deleted listing"


def _file_name(field):
    return field.name if field else None


def _owned_suppliers(user):
    return Supplier.objects.filter(memberships__user=user, memberships__role=Membership.Role.OWNER)


def _owned_listings(user):
    """Listings the user answers for: through their PA profile, or organisations where they are an owner."""
    return (
        Listing.objects.filter(supplier__in=_owned_suppliers(user))
        .select_related("supplier")
        .prefetch_related("service_types", "needs", "funding_options", "languages", "council_areas")
        .prefetch_related("rates", "availability", "photos")
        .order_by("pk")
    )


def _names(manager):
    return [term.name for term in manager.all()]


def _export_listing(listing):
    return {
        "id": listing.pk,
        "title": listing.title,
        "slug": listing.slug,
        "supplier": {"kind": listing.supplier.kind, "name": listing.supplier.name},
        "status": listing.status,
        "summary": listing.summary,
        "description": listing.description,
        "service_types": _names(listing.service_types),
        "needs": _names(listing.needs),
        "funding_options": _names(listing.funding_options),
        "languages": _names(listing.languages),
        "area_kind": listing.area_kind,
        "base_postcode": listing.base_postcode,
        "base_label": listing.base_label,
        "latitude": listing.latitude,
        "longitude": listing.longitude,
        "radius_km": str(listing.radius_km) if listing.radius_km is not None else None,
        "council_areas": [area.name for area in listing.council_areas.all()],
        "short_notice_cover": listing.short_notice_cover,
        "accepting_new_clients": listing.accepting_new_clients,
        "contact_phone": listing.contact_phone,
        "contact_email": listing.contact_email,
        "contact_website": listing.contact_website,
        "contact_notes": listing.contact_notes,
        "created_at": _iso(listing.created_at),
        "published_at": _iso(listing.published_at),
        "last_confirmed_at": _iso(listing.last_confirmed_at),
        "rates": [
            {
                "description": rate.description,
                "unit": rate.unit,
                "amount": str(rate.amount),
                "currency": "GBP",
                "day_type": rate.day_type,
                "notes": rate.notes,
            }
            for rate in listing.rates.all()
        ],
        "availability": [{"day": slot.get_day_display(), "band": slot.band} for slot in listing.availability.all()],
        "photos": [{"file": _file_name(photo.image), "alt_text": photo.alt_text} for photo in listing.photos.all()],
        "history_count": listing.history.count(),
    }


def _export_verification(verification):
    return {
        "supplier": verification.supplier.name,
        "kind": verification.kind,
        "status": verification.status,
        "detail": verification.detail,
        "reference": verification.reference,
        "issued_on": _iso(verification.issued_on),
        "expires_on": _iso(verification.expires_on),
        "evidence_file": _file_name(verification.evidence),
        "decided_at": _iso(verification.decided_at),
        "rejection_reason": verification.rejection_reason,
        "created_at": _iso(verification.created_at),
    }


def export(user, emails):
    pa = PersonalAssistant.objects.filter(user=user).select_related("supplier").prefetch_related("languages").first()
    verifications = Verification.objects.filter(supplier__in=_owned_suppliers(user)).select_related("supplier")
    return {
        "memberships": [
            {
                "supplier": membership.supplier.name,
                "kind": membership.supplier.kind,
                "role": membership.role,
                "since": _iso(membership.created_at),
            }
            for membership in Membership.objects.filter(user=user).select_related("supplier").order_by("pk")
        ],
        "personal_assistant": None
        if pa is None
        else {
            "display_name": pa.supplier.name,
            "bio": pa.bio,
            "photo": _file_name(pa.photo),
            "photo_alt_text": pa.photo_alt_text,
            "experience_years": pa.experience_years,
            "training": pa.training,
            "qualifications": pa.qualifications,
            "languages": _names(pa.languages),
            "gender": pa.gender,
            "drives": pa.drives,
            "has_car": pa.has_car,
            "employment": pa.employment,
            "home_postcode": pa.home_postcode,
            "area_label": pa.area_label,
            "created_at": _iso(pa.created_at),
            "updated_at": _iso(pa.updated_at),
        },
        "listings": [_export_listing(listing) for listing in _owned_listings(user)],
        "verifications": [_export_verification(verification) for verification in verifications.order_by("pk")],
        "invitations_to_join": [
            {"supplier": invitation.supplier.name, "email": invitation.email, "created_at": _iso(invitation.created_at)}
            for invitation in Invitation.objects.filter(addressed_to(emails)).select_related("supplier")
        ],
    }


def _delete_file(field):
    if field:
        delete_file_later(field.storage, field.name)


def _erase_personal_assistant(pa, by):
    for listing in pa.supplier.listings.exclude(status=Listing.Status.ARCHIVED):
        archive_listing(listing, by)
    for listing in pa.supplier.listings.prefetch_related("photos"):
        for photo in listing.photos.all():
            _delete_file(photo.image)
        listing.photos.all().delete()
    # A PA listing describes the person: its words, contact details and base place were theirs. Erase them on the
    # listing and in its history (the history keeps only that changes happened, and when).
    personal_listing_fields = {
        "title": DELETED_LISTING_TITLE,
        "summary": "",
        "description": "",
        "contact_phone": "",
        "contact_email": "",
        "contact_website": "",
        "contact_notes": "",
        "base_postcode": "",
        "base_label": "",
        "latitude": None,
        "longitude": None,
    }
    pa.supplier.listings.update(**personal_listing_fields)
    Listing.history.filter(supplier_id=pa.supplier_id).update(**personal_listing_fields)
    ListingChange.objects.filter(listing__supplier_id=pa.supplier_id).delete()  # waiting new words were theirs too
    for verification in pa.supplier.verifications.all():
        _delete_file(verification.evidence)
        verification.evidence = ""
        verification.reference = ""
        verification.save(update_fields=["evidence", "reference"])
    _delete_file(pa.photo)
    pa.photo = ""
    Supplier.objects.filter(pk=pa.supplier_id).update(name="", email="", phone="", website="")
    pa.bio = ""
    pa.photo_alt_text = ""
    pa.experience_years = 0
    pa.training = ""
    pa.qualifications = ""
    pa.gender = ""
    pa.drives = False
    pa.has_car = False
    pa.home_postcode = ""
    pa.area_label = ""
    pa.save()
    pa.languages.clear()


def erase(user, emails):
    """Archive the listings of suppliers only this person acts for, erase their PA profile's personal details,
    and remove their memberships and the invitations sent to their confirmed addresses."""
    pa = PersonalAssistant.objects.filter(user=user).select_related("supplier").first()
    if pa is not None:
        _erase_personal_assistant(pa, user)
    for membership in Membership.objects.filter(user=user).select_related("supplier"):
        supplier = membership.supplier
        if not supplier.memberships.exclude(user=user).exists():
            for listing in supplier.listings.exclude(status=Listing.Status.ARCHIVED):
                archive_listing(listing, user)
    Membership.objects.filter(user=user).delete()
    Invitation.objects.filter(addressed_to(emails)).delete()
