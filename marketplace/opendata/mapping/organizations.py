"""Suppliers as ORUK organizations. A personal assistant is published by name only (see the package docstring)."""

from django.utils.translation import gettext as _

from .. import ids
from .common import compact, plain_text

# org-id.guide schemes for the registers whose numbers a listing page shows.
COMPANIES_HOUSE = "GB-COH"
SCOTTISH_CHARITY = "GB-SC"
ENGLAND_WALES_CHARITY = "GB-CHC"


def organization(supplier):
    """The one-to-one fields of an organization."""
    organization_id = ids.organization(supplier.pk)
    if supplier.is_personal_assistant:
        pa = supplier.personal_assistant
        description = _("A personal assistant (%(how)s).") % {"how": pa.get_employment_display().lower()}
        return compact(id=organization_id, name=supplier.name, description=description)
    profile = supplier.organisation
    return compact(
        id=organization_id,
        name=supplier.name,
        description=plain_text(profile.description) or profile.get_kind_display(),
        website=supplier.website,
    )


def organization_identifiers(supplier):
    """Third-party identifiers shown on the listing page: Companies House, charity and care regulator numbers."""
    if supplier.is_personal_assistant:
        return []
    profile = supplier.organisation
    organization_id = ids.organization(supplier.pk)
    found = []
    if profile.companies_house_number:
        found.append(("companies_house", COMPANIES_HOUSE, _("Companies House number"), profile.companies_house_number))
    if profile.charity_number:
        number = profile.charity_number.strip()
        scheme = SCOTTISH_CHARITY if number.upper().startswith("SC") else ENGLAND_WALES_CHARITY
        found.append(("charity", scheme, _("Registered charity number"), number))
    if profile.regulator and profile.registration_number:
        label = _("Registration with the %(regulator)s") % {"regulator": profile.get_regulator_display()}
        found.append(("regulator", "", label, profile.registration_number))
    return [
        compact(
            id=ids.stable_id("organization_identifier", supplier.pk, register),
            organization_id=organization_id,
            identifier_scheme=scheme,
            identifier_type=label,
            identifier=number.strip(),
        )
        for register, scheme, label, number in found
        if number.strip()
    ]


def organization_full(supplier, services=()):
    """An organization with its identifiers and `services` (already shaped by the caller)."""
    return compact(
        **organization(supplier),
        organization_identifiers=organization_identifiers(supplier),
        services=list(services),
    )
