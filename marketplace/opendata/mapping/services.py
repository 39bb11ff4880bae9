"""Listings as ORUK services: the one-to-one fields for lists, and the fully nested service."""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from providers.models import Listing

from .. import ids
from . import areas, costs, schedules, terms
from .common import compact, plain_text, timestamp
from .organizations import organization, organization_full


def description(listing):
    """The summary, then the description as plain text."""
    body = plain_text(listing.description)
    return f"{listing.summary}\n\n{body}" if body and body != listing.summary else listing.summary


def accreditations(checks):
    """The checks the listing page shows as verified badges, and who checked them (the council)."""
    if not checks:
        return ""
    items = [
        _("%(check)s (verified on %(date)s)")
        % {"check": check.get_kind_display(), "date": date_format(check.verified_on, "j F Y")}
        for check in checks
        if check.verified_on
    ]
    if not items:
        return ""
    return _("Checked by %(council)s: %(checks)s.") % {"council": settings.COUNCIL_NAME, "checks": "; ".join(items)}


def assured_date(checks):
    """When the council last verified one of the supplier's current checks."""
    dates = [check.verified_on for check in checks if check.verified_on]
    return max(dates).isoformat() if dates else ""


def alert(listing, now):
    notes = []
    if listing.freshness(now) == Listing.Freshness.STALE:
        notes.append(_("These details have not been confirmed recently and may be out of date."))
    if not listing.accepting_new_clients:
        notes.append(_("Not accepting new clients at the moment."))
    return " ".join(notes)


def last_modified(listing):
    return timestamp(listing.changed_at) if getattr(listing, "changed_at", None) else ""


def public_url(listing):
    return reverse("listings:detail", kwargs={"slug": listing.slug})


def service(listing, context, *, with_organization=True):
    """The one-to-one fields of a service (and its organization's, nested)."""
    checks = context.checks_of(listing.supplier_id)
    is_pa = listing.is_personal_assistant
    shape = compact(
        id=ids.service(listing.pk),
        organization_id=ids.organization(listing.supplier_id),
        name=listing.title,
        description=description(listing),
        url=context.url(public_url(listing)),
        email="" if is_pa else listing.contact_email,
        status="active",
        accreditations=accreditations(checks),
        assured_date=assured_date(checks),
        assurer_email=settings.OPEN_DATA_ASSURER_EMAIL,
        alert=alert(listing, context.now),
        last_modified=last_modified(listing),
    )
    if with_organization:
        shape["organization"] = organization(listing.supplier)
    return shape


def contacts(listing):
    """How to get in touch by phone: an organisation's listing only (a personal assistant's number is not
    republished). The email address is the service's own `email`."""
    if listing.is_personal_assistant or not listing.contact_phone:
        return []
    contact_id = ids.stable_id("contact", listing.pk)
    phone = compact(
        id=ids.stable_id("phone", listing.pk),
        contact_id=contact_id,
        number=listing.contact_phone,
        description=listing.contact_notes,
    )
    return [compact(id=contact_id, service_id=ids.service(listing.pk), name=listing.supplier.name, phones=[phone])]


def service_full(listing, context):
    """A service with everything about it nested: its organization, areas, location, schedules, prices, languages,
    contacts and taxonomy terms."""
    link = areas.service_at_location(listing)
    return compact(
        **service(listing, context, with_organization=False),
        organization=organization_full(listing.supplier),
        service_areas=areas.service_areas(listing),
        service_at_locations=[link] if link else [],
        schedules=schedules.schedules(listing),
        languages=terms.languages(listing, context),
        cost_options=costs.cost_options(listing),
        contacts=contacts(listing),
        attributes=terms.attributes(listing, context),
    )


def minimal(listing):
    return compact(id=ids.service(listing.pk), last_modified=last_modified(listing))
