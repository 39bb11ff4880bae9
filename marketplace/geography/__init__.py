"""Exact geography for Great Britain: each postcode's position, local authority and care authority (GSS codes).

Pure Python over a file built at set-up (``manage.py build_geography``, run by ``make geography-data``); no Django
models, nothing imported from the apps above it. Northern Ireland is not covered yet: Code-Point Open has no
positions there and adult social care is run by health and social care trusts; ask ``is_northern_ireland`` to say so.

The site must show ``ATTRIBUTION`` (with a link to ``OGL_URL``) wherever these results are used.
"""

from .postcodes import in_northern_ireland, is_northern_ireland, normalise_outward_code, normalise_postcode
from .store import (
    Authority,
    GeographyDataMissing,
    PostcodeArea,
    authority,
    care_authorities,
    care_authority_for,
    distance_km,
    local_authorities,
    lookup_postcode,
    nearest_postcode,
    postcodes_in,
)

OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right 2025. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2025. "
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0; "
    "contains National Statistics data © Crown copyright and database right 2022 and 2025."
)

__all__ = [
    "ATTRIBUTION",
    "OGL_URL",
    "Authority",
    "GeographyDataMissing",
    "PostcodeArea",
    "authority",
    "care_authorities",
    "care_authority_for",
    "distance_km",
    "in_northern_ireland",
    "is_northern_ireland",
    "local_authorities",
    "lookup_postcode",
    "nearest_postcode",
    "normalise_outward_code",
    "normalise_postcode",
    "postcodes_in",
]
