"""Coverage semantics: a listing serves a place only if its service area covers it (runs on SQLite and PostgreSQL)."""

import math
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.geography.places import Point
from providers.models import CouncilArea, Listing
from search.coverage import distances_serving, listings_serving, public_distances_serving
from search.service_area import destination
from tests.factories import new_organisation
from tests.search_data import council_area

pytestmark = pytest.mark.django_db

EDINBURGH = Point(55.9533, -3.1883)


def point_east_of(origin, km):
    """A point `km` kilometres due east of `origin` along its parallel (close enough at these distances)."""
    return Point(origin.latitude, origin.longitude + km / (111.320 * math.cos(math.radians(origin.latitude))))


def listing(name, base, radius_km=None, council_areas=()):
    organisation = new_organisation(name, slug=name.lower().replace(" ", "-"), kind="charity")
    created = Listing.objects.create(
        supplier=organisation.supplier,
        title=name,
        slug=f"{organisation.slug}-listing",
        summary="Support.",
        area_kind=Listing.AreaKind.COUNCIL_AREAS if council_areas else Listing.AreaKind.RADIUS,
        latitude=base.latitude,
        longitude=base.longitude,
        radius_km=Decimal(radius_km) if radius_km else None,
        status=Listing.Status.PUBLISHED,
        last_confirmed_at=timezone.now(),
    )
    for area in council_areas:
        created.council_areas.add(council_area(area))
    return created


def names(queryset):
    return sorted(item.title for item in queryset)


def serving(point, council_code=None):
    """Who serves `point`, as SQL works it out (`listings_serving`), as the database backend does (`distances_serving`,
    distances in Python) and as the search page does (`public_distances_serving`, its queries prepared once): the
    three must always agree."""
    in_sql = names(listings_serving(point, council_code=council_code))
    ids = [pk for pk, _distance in distances_serving(point, council_code)]
    assert names(Listing.objects.filter(pk__in=ids)) == in_sql
    public = public_distances_serving(point, council_code, timezone.now())
    assert names(Listing.objects.filter(pk__in=[pk for pk, *_ in public])) == in_sql
    return in_sql


def test_a_listing_10_km_away_with_a_5_km_radius_does_not_serve_the_place():
    listing("Near but small", point_east_of(EDINBURGH, 10), radius_km=5)
    assert serving(EDINBURGH) == []


def test_a_listing_20_km_away_with_a_25_km_radius_serves_the_place():
    listing("Far but wide", point_east_of(EDINBURGH, 20), radius_km=25)
    served = list(listings_serving(EDINBURGH))
    assert [item.title for item in served] == ["Far but wide"]
    assert served[0].distance_km == pytest.approx(20, abs=0.3)


def test_council_area_listings_serve_every_place_in_their_areas():
    listing("Whole council", point_east_of(EDINBURGH, 80), council_areas=["City of Edinburgh", "Midlothian"])
    assert serving(EDINBURGH, council_code="S12000036") == ["Whole council"]
    assert serving(EDINBURGH, council_code="S12000047") == []  # Fife
    assert serving(EDINBURGH) == []


def test_council_areas_are_matched_by_gss_code_not_by_name():
    listing("Whole council", point_east_of(EDINBURGH, 80), council_areas=["City of Edinburgh"])
    CouncilArea.objects.filter(gss_code="S12000036").update(name="Edinburgh")
    assert serving(EDINBURGH, council_code="S12000036") == ["Whole council"]
    CouncilArea.objects.create(name="Nowhere", slug="nowhere")  # no code: never matches
    assert serving(EDINBURGH, council_code="") == []


def test_the_boundary_counts_as_covered_and_just_beyond_does_not():
    listing("Exactly reaching", point_east_of(EDINBURGH, 15), radius_km="15.2")
    listing("Just short", point_east_of(EDINBURGH, 15), radius_km="14.8")
    assert serving(EDINBURGH) == ["Exactly reaching"]


def test_the_same_place_is_its_own_zero_distance():
    listing("Next door", EDINBURGH, radius_km=1)
    assert next(iter(listings_serving(EDINBURGH))).distance_km == pytest.approx(0, abs=0.01)


@pytest.mark.parametrize("bearing", [0, 45, 90, 180, 270])
def test_the_widest_radius_reaches_its_edge_in_every_direction(bearing):
    """200 km (the widest radius allowed) is 1.8 degrees of latitude and over 3 of longitude here: a box around the
    place or the base that is a hair too small would drop listings at the edge."""
    for name, km in (("Just inside", 199.95), ("Just outside", 200.05)):
        latitude, longitude = destination(EDINBURGH.latitude, EDINBURGH.longitude, km, bearing)
        listing(name, Point(latitude, longitude), radius_km=200)
    assert serving(EDINBURGH) == ["Just inside"]


def test_the_search_page_finds_only_listings_that_are_public_now():
    shown = listing("Shown", point_east_of(EDINBURGH, 3), radius_km=10)
    draft = listing("Draft", point_east_of(EDINBURGH, 4), radius_km=10)
    draft.status = Listing.Status.DRAFT
    draft.save()
    stale = listing("Not confirmed for a year", point_east_of(EDINBURGH, 5), radius_km=10)
    Listing.objects.filter(pk=stale.pk).update(last_confirmed_at=timezone.now() - timedelta(days=365))
    council = listing("Council-wide", point_east_of(EDINBURGH, 60), council_areas=["City of Edinburgh"])

    found = public_distances_serving(EDINBURGH, "S12000036", timezone.now())

    assert sorted(pk for pk, *_ in found) == sorted([shown.pk, council.pk])
    by_pk = {pk: (distance, updated_at) for pk, distance, updated_at in found}
    assert by_pk[shown.pk][0] == pytest.approx(3, abs=0.1)
    shown.refresh_from_db()
    assert by_pk[shown.pk][1] == shown.updated_at  # a timezone-aware datetime on SQLite too
    in_the_past = timezone.now() - timedelta(days=300)  # when the stale listing had been confirmed lately
    assert sorted(pk for pk, *_ in public_distances_serving(EDINBURGH, "S12000036", in_the_past)) == sorted(
        [shown.pk, stale.pk, council.pk]
    )


def test_places_far_from_each_other_each_find_their_own_listings():
    """The search page's prepared query swaps the place into every placeholder: a query prepared for one place must
    not keep answering for it."""
    cardiff = Point(51.4816, -3.1791)
    inverness = Point(57.4778, -4.2247)
    listing("Cardiff carers", point_east_of(cardiff, 4), radius_km=10)
    listing("Highland support", point_east_of(inverness, 30), radius_km=40)
    listing("Leith helpers", point_east_of(EDINBURGH, 2), radius_km=5)
    assert serving(EDINBURGH) == ["Leith helpers"]
    assert serving(cardiff) == ["Cardiff carers"]
    assert serving(inverness) == ["Highland support"]
    assert serving(point_east_of(inverness, 71)) == []  # 41 km from the base: just outside
