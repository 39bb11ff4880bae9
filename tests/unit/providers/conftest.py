"""Fixtures for provider tests: people, organisations, a PA profile and listings, built from real objects.

Who is who:
- ``owner``: signed-up user who owns ``organisation`` (Membership role owner).
- ``staff``: a staff member of ``organisation``.
- ``other_owner``: owns ``other_organisation`` (another provider, with its own listing ``other_listing``).
- ``pa_user``: a personal assistant with profile ``pa`` (home EH1 1YZ) and listing ``pa_listing``.
- ``plain_user``: signed up and verified, but no organisation and no profile.
- ``listing``: a draft listing of ``organisation`` with one rate; ``published_listing``: a published, confirmed one.

Taxonomies are seeded by migration; tests whose database was flushed re-seed them through the ``taxonomies`` fixture.
Log in with ``client.force_login(user)`` or ``client.login(email=user.email, password=PASSWORD)``.
"""

from decimal import Decimal

import pytest
from django.utils import timezone

from providers.models import Listing, Membership, Organisation, PersonalAssistant, RateCardItem, Supplier
from tests.factories import UserFactory, owner_has_mfa

_counter = {"n": 0}


def _next():
    _counter["n"] += 1
    return _counter["n"]


@pytest.fixture
def taxonomies(db):
    """Needs, service types, funding options and languages in the default locale (idempotent)."""
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()


def make_organisation(owner, name="Leith Home Support", **fields):
    """An organisation (and its supplier) with `owner` as its owner member."""
    supplier = Supplier.objects.create(
        kind=Supplier.Kind.ORGANISATION,
        name=name,
        **{key: fields.pop(key) for key in ("email", "phone", "website") if key in fields},
    )
    organisation = Organisation.objects.create(
        supplier=supplier,
        slug=fields.pop("slug", f"org-{_next()}"),
        kind=fields.pop("kind", Organisation.Kind.CHARITY),
        **fields,
    )
    Membership.objects.create(user=owner, supplier=supplier, role=Membership.Role.OWNER)
    owner_has_mfa(owner)
    return organisation


def make_pa(user, display_name="Amira K", **fields):
    """A PA profile (and supplier) for `user`, home postcode EH1 1YZ shown only as "EH1, Edinburgh"."""
    supplier = Supplier.objects.create(kind=Supplier.Kind.PERSONAL_ASSISTANT, name=display_name)
    defaults = {
        "employment": PersonalAssistant.Employment.SELF_EMPLOYED,
        "home_postcode": "EH1 1YZ",
        "area_label": "EH1, Edinburgh",
    }
    profile = PersonalAssistant.objects.create(user=user, supplier=supplier, **{**defaults, **fields})
    Membership.objects.create(user=user, supplier=supplier, role=Membership.Role.OWNER)
    owner_has_mfa(user)
    return profile


def make_listing(*, organisation=None, personal_assistant=None, title="Support at home", rates=1, **fields):
    """A draft listing (by default) for an organisation or a PA (or a `supplier`), with `rates` rate card rows."""
    supplier = fields.pop("supplier", None) or (organisation or personal_assistant).supplier
    listing = Listing.objects.create(
        supplier=supplier,
        title=title,
        slug=fields.pop("slug", f"listing-{_next()}"),
        summary=fields.pop("summary", "Personal care and getting out and about."),
        **fields,
    )
    for index in range(rates):
        RateCardItem.objects.create(
            listing=listing, description=f"Support {index + 1}", amount=Decimal("18.50") + index, sort_order=index
        )
    return listing


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.org")


@pytest.fixture
def staff(organisation):
    user = UserFactory(email="staff@example.org")
    Membership.objects.create(user=user, supplier=organisation.supplier, role=Membership.Role.STAFF)
    return user


@pytest.fixture
def organisation(owner):
    return make_organisation(owner)


@pytest.fixture
def other_owner(db):
    return UserFactory(email="other-owner@example.org")


@pytest.fixture
def other_organisation(other_owner):
    return make_organisation(other_owner, name="Glasgow Care Co-op")


@pytest.fixture
def other_listing(other_organisation):
    return make_listing(organisation=other_organisation, title="Glasgow day opportunities")


@pytest.fixture
def pa_user(db):
    return UserFactory(email="pa@example.org")


@pytest.fixture
def pa(pa_user):
    return make_pa(pa_user)


@pytest.fixture
def pa_listing(pa):
    return make_listing(personal_assistant=pa, title="Personal assistant in Edinburgh")


@pytest.fixture
def plain_user(db):
    return UserFactory(email="plain@example.org")


@pytest.fixture
def listing(organisation):
    return make_listing(organisation=organisation)


@pytest.fixture
def published_listing(organisation):
    now = timezone.now()
    return make_listing(
        organisation=organisation,
        title="Published support",
        status=Listing.Status.PUBLISHED,
        published_at=now,
        last_confirmed_at=now,
    )


def listing_form_data(listing, rates=None, action="save", **overrides):
    """POST data for ``providers:listing_edit`` as the browser would send it.

    Starts from the listing's current values; ``overrides`` replace fields (lists for checkboxes, e.g.
    ``needs=[pk, ...]`` or ``availability=["0-morning"]``). ``rates`` is a list of dicts for the rate card rows
    (``{"id": pk, "description": ..., "amount": ..., "unit": ..., "day_type": ..., "DELETE": "on"}``); by default
    the existing rows are sent unchanged.
    """
    data = {
        "title": listing.title,
        "summary": listing.summary,
        "description": listing.description,
        "service_types": [term.pk for term in listing.service_types.all()],
        "needs": [term.pk for term in listing.needs.all()],
        "funding_options": [term.pk for term in listing.funding_options.all()],
        "languages": [term.pk for term in listing.languages.all()],
        "area_kind": listing.area_kind,
        "base_postcode": listing.base_postcode,
        "radius_km": "" if listing.radius_km is None else str(listing.radius_km),
        "council_areas": [area.pk for area in listing.council_areas.all()],
        "availability": [f"{slot.day}-{slot.band}" for slot in listing.availability.all()],
        "contact_phone": listing.contact_phone,
        "contact_email": listing.contact_email,
        "contact_website": listing.contact_website,
        "contact_notes": listing.contact_notes,
        "action": action,
    }
    if listing.short_notice_cover:
        data["short_notice_cover"] = "on"
    if listing.accepting_new_clients:
        data["accepting_new_clients"] = "on"
    existing = list(listing.rates.all())
    if rates is None:
        rates = [
            {
                "id": rate.pk,
                "description": rate.description,
                "unit": rate.unit,
                "amount": str(rate.amount),
                "day_type": rate.day_type,
                "notes": rate.notes,
            }
            for rate in existing
        ]
    data["rates-TOTAL_FORMS"] = str(len(rates))
    data["rates-INITIAL_FORMS"] = str(len(existing))
    data["rates-MIN_NUM_FORMS"] = "0"
    data["rates-MAX_NUM_FORMS"] = "1000"
    for index, row in enumerate(rates):
        row = {"unit": "hour", "day_type": "weekday", "notes": "", **row}
        for key, value in row.items():
            data[f"rates-{index}-{key}"] = "" if value is None else str(value)
    for key, value in overrides.items():
        if key in {"short_notice_cover", "accepting_new_clients"} and not value:
            data.pop(key, None)
        else:
            data[key] = value
    return {key: value for key, value in data.items() if value is not None}


def snapshot(obj):
    """The row's stored values (and for a listing its rates, slots, photos and links) to compare before and after."""
    obj = type(obj).objects.get(pk=obj.pk)
    values = {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}
    if isinstance(obj, Listing):
        values["rates"] = list(obj.rates.values_list("description", "amount", "unit", "day_type"))
        values["availability"] = list(obj.availability.values_list("day", "band"))
        values["photos"] = list(obj.photos.values_list("pk", flat=True))
        values["needs"] = list(obj.needs.values_list("pk", flat=True))
        values["service_types"] = list(obj.service_types.values_list("pk", flat=True))
        values["history"] = obj.history.count()
    return values
