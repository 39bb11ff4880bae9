"""A person's own data: download it as JSON, or delete the account (listings archived, personal data erased).

Deleting an account anonymises the user row rather than deleting it. Many records point at users (moderation
decisions, listing history, Wagtail revisions, comments, verifications an editor decided); most would be set to
NULL on delete, but some (Wagtail comments, for one) would cascade and lose the editorial record of other people.
An anonymised, deactivated row with an unusable password and the address `deleted-<id>@invalid` keeps those records
intact while holding nothing that identifies the person.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q

from reviews import privacy as review_data

from .models import Invitation, Listing, ListingChange, Membership, Organisation, PersonalAssistant, Verification
from .services import archive_listing, delete_file_later

EXPORT_VERSION = 1
DELETED_LISTING_TITLE = "Deleted listing"


def _iso(value):
    return value.isoformat() if value else None


def _file_name(field):
    return field.name if field else None


def _user_emails(user):
    emails = {user.email.lower()} if user.email else set()
    emails.update(address.lower() for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    return emails


def _email_matches(emails, field="email"):
    """Matches any of `emails`, ignoring case (addresses typed into forms are not always lower case)."""
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(**{f"{field}__iexact": email})
    return query


def _owned_listings(user):
    """Listings the user answers for: through their PA profile, or organisations where they are an owner."""
    return (
        Listing.objects.filter(
            Q(personal_assistant__user=user)
            | Q(organisation__memberships__user=user, organisation__memberships__role=Membership.Role.OWNER)
        )
        .distinct()
        .select_related("organisation", "personal_assistant")
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
        "owner": {"organisation": listing.organisation.name}
        if listing.organisation_id
        else {"personal_assistant": listing.personal_assistant.display_name},
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
        "subject": str(verification.subject),
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


def export_user_data(user):
    """Everything the site holds about `user`, as JSON-ready values (dates as ISO strings, money as strings)."""
    from home.models import AlertSubscription
    from search.models import SavedSearch

    pa = PersonalAssistant.objects.filter(user=user).prefetch_related("languages").first()
    owned_organisations = Organisation.objects.filter(memberships__user=user, memberships__role=Membership.Role.OWNER)
    verifications = Verification.objects.filter(
        Q(personal_assistant__user=user) | Q(organisation__in=owned_organisations)
    ).select_related("organisation", "personal_assistant")
    emails = _user_emails(user)
    subscriptions = (
        AlertSubscription.objects.filter(_email_matches(emails)).prefetch_related("topics", "audiences").order_by("pk")
    )
    return {
        "format_version": EXPORT_VERSION,
        "account": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "is_active": user.is_active,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "organisation_slug": membership.organisation.slug,
                "role": membership.role,
                "since": _iso(membership.created_at),
            }
            for membership in Membership.objects.filter(user=user).select_related("organisation").order_by("pk")
        ],
        "personal_assistant": None
        if pa is None
        else {
            "display_name": pa.display_name,
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
        "alert_subscriptions": [
            {
                "email": subscription.email,
                "language": subscription.language,
                "topics": [topic.name for topic in subscription.topics.all()],
                "audiences": [audience.name for audience in subscription.audiences.all()],
                "created_at": _iso(subscription.created_at),
                "confirmed_at": _iso(subscription.confirmed_at),
            }
            for subscription in subscriptions
        ],
        "verifications": [_export_verification(verification) for verification in verifications.order_by("pk")],
        "saved_searches": [
            {
                "email": saved.email,
                "name": saved.label,
                "search": saved.query_string,
                "language": saved.language,
                "created_at": _iso(saved.created_at),
                "confirmed_at": _iso(saved.confirmed_at),
                "last_notified_at": _iso(saved.last_notified_at),
            }
            for saved in SavedSearch.objects.filter(Q(user=user) | _email_matches(emails)).order_by("pk")
        ],
        **review_data.export(user, review_data.confirmed_emails(user)),
    }


def _delete_file(field):
    if field:
        delete_file_later(field.storage, field.name)


def _erase_personal_assistant(pa, by):
    for listing in pa.listings.exclude(status=Listing.Status.ARCHIVED):
        archive_listing(listing, by)
    for listing in pa.listings.prefetch_related("photos"):
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
    pa.listings.update(**personal_listing_fields)
    Listing.history.filter(personal_assistant_id=pa.pk).update(**personal_listing_fields)
    ListingChange.objects.filter(listing__personal_assistant=pa).delete()  # new words that were waiting were theirs
    for verification in pa.verifications.all():
        _delete_file(verification.evidence)
        verification.evidence = ""
        verification.reference = ""
        verification.save(update_fields=["evidence", "reference"])
    _delete_file(pa.photo)
    pa.photo = ""
    pa.display_name = ""
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


@transaction.atomic
def delete_account(user):
    """Archive the user's listings, erase their personal data, and anonymise and deactivate the account.

    Organisation listings are archived only where the user is the organisation's only member: other members keep
    running the organisation. The caller logs the person out.
    """
    from wagtail.models import Page

    from home.models import AlertSubscription
    from search.models import SavedSearch

    emails = _user_emails(user)

    pa = PersonalAssistant.objects.filter(user=user).first()
    if pa is not None:
        _erase_personal_assistant(pa, user)

    for membership in Membership.objects.filter(user=user).select_related("organisation"):
        organisation = membership.organisation
        if not organisation.memberships.exclude(user=user).exists():
            for listing in organisation.listings.exclude(status=Listing.Status.ARCHIVED):
                archive_listing(listing, user)
    Membership.objects.filter(user=user).delete()

    AlertSubscription.objects.filter(_email_matches(emails)).delete()
    SavedSearch.objects.filter(Q(user=user) | _email_matches(emails)).delete()
    _delete_invitations(emails)
    review_data.erase(user, review_data.confirmed_emails(user))

    # Wagtail pages the person owned keep working, with nobody as owner; locks they held are released.
    Page.objects.filter(owner=user).update(owner=None)
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)

    _delete_sign_in_records(user)

    user.email = f"deleted-{user.pk}@invalid"
    user.display_name = ""
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _delete_invitations(emails):
    Invitation.objects.filter(_email_matches(emails)).delete()


def _delete_sign_in_records(user):
    from allauth.mfa.models import Authenticator
    from wagtail.models import PageSubscription
    from wagtail.users.models import UserProfile

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    PageSubscription.objects.filter(user=user).delete()
    for profile in UserProfile.objects.filter(user=user):
        _delete_file(profile.avatar)
        profile.delete()
