"""Which listings cover a council area: those a search at the area's centre finds, as find-support decides it.

The centre is where the area's people live: the mean position of its postcodes from the ONS data when the area has
a GSS code and that data is built, else the middle of the gazetteer's towns in it. A listing covers the area when it
names the area as a whole, or its distance from its base reaches that centre.
"""

from functools import lru_cache

from marketplace.geography import places, store
from providers.models import Listing
from search.coverage import listings_serving


@lru_cache(maxsize=1024)
def centre(gss_code, name):
    if gss_code:
        try:
            found = store.authority(gss_code)
        except store.GeographyDataMissing:  # the postcode data is not built here: fall back on the gazetteer
            found = None
        if found:
            return places.Point(found.latitude, found.longitude)
    towns = [p.point for p in places._places_with_council(True) if p.council_area == name]
    if not towns:
        return None
    return places.Point(sum(p.latitude for p in towns) / len(towns), sum(p.longitude for p in towns) / len(towns))


def covering(area, now=None):
    """The ids of the publicly visible listings that cover `area` (one query)."""
    visible = Listing.objects.publicly_visible(now=now)
    point = centre(area.gss_code, area.name)
    if point is None:
        listings = visible.filter(area_kind=Listing.AreaKind.COUNCIL_AREAS, council_areas=area)
    else:
        listings = listings_serving(point, council_code=area.gss_code or None, queryset=visible)
    return list(listings.values_list("pk", flat=True).distinct())
