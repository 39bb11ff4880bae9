"""Council areas and demand-log rows stored by name before GSS codes get their codes (run forwards)."""

import pytest
from django.db import connection
from django.utils import timezone

from .conftest import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("providers", "0011_council_gss_codes"), ("site_search", "0003_log_keeps_only_vocabulary")]
AFTER = [("providers", "0012_fill_council_gss_codes"), ("site_search", "0004_fill_log_council_codes")]




def test_names_from_before_codes_get_the_councils_codes():
    newest = latest("providers", "site_search")
    try:
        apps = migrate(BEFORE)
        CouncilArea = apps.get_model("providers", "CouncilArea")
        SearchLog = apps.get_model("site_search", "SearchLog")
        for name in ["Edinburgh", "Glasgow City", "Eilean Siar", "City and Borough of Leeds", "Greater London"]:
            CouncilArea.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        CouncilArea.objects.create(name="Fife Council (set by hand)", slug="fife", gss_code="S12000047")
        CouncilArea.objects.create(name="Fife", slug="fife-again")  # its code is taken: left for an editor
        hour = timezone.now().replace(minute=0, second=0, microsecond=0)
        for name in ["Edinburgh", "Edinburgh", "Dundee City", "Greater London", ""]:
            SearchLog.objects.create(hour=hour, council_area=name, place_kind="outward", result_count=1)
        SearchLog.objects.create(hour=hour, council_area="Fife", council_code="S12000047", place_kind="place", result_count=0)

        apps = migrate(AFTER)
        CouncilArea = apps.get_model("providers", "CouncilArea")
        SearchLog = apps.get_model("site_search", "SearchLog")
        codes = dict(CouncilArea.objects.values_list("name", "gss_code"))
        assert codes == {
            "Edinburgh": "S12000036",
            "Glasgow City": "S12000049",
            "Eilean Siar": "S12000013",
            "City and Borough of Leeds": "E08000035",
            "Greater London": "",  # 33 councils: no single one
            "Fife Council (set by hand)": "S12000047",
            "Fife": "",
        }
        assert CouncilArea.objects.get(name="Edinburgh").country == "Scotland"
        logged = sorted(SearchLog.objects.values_list("council_area", "council_code"))
        assert logged == [
            ("", ""),
            ("Dundee City", "S12000042"),
            ("Edinburgh", "S12000036"),
            ("Edinburgh", "S12000036"),
            ("Fife", "S12000047"),
            ("Greater London", ""),
        ]
    finally:
        migrate(newest)
