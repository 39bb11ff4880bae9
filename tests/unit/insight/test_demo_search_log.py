"""The demo's search log shows dark patches: remote districts and rare languages find little."""

import pytest

from marketplace.demo.search_log import COUNCILS, load_search_log
from marketplace.insight.models import DemandFigure
from providers.models import CouncilArea
from search import vocabulary
from search.models import SearchLog
from search.text import tokens

pytestmark = pytest.mark.django_db


def test_the_demo_log_has_dark_patches_and_loads_once():
    for code in COUNCILS:
        CouncilArea.objects.get_or_create(gss_code=code, defaults={"name": code, "slug": code.lower()})
    added = load_search_log()
    assert added == SearchLog.objects.count() > 5000
    assert set(SearchLog.objects.values_list("council_code", flat=True)) == set(COUNCILS)
    assert load_search_log() == 0

    def share_unmet(**filters):
        rows = DemandFigure.objects.filter(dimension="all", **filters)
        searches = sum(row.searches for row in rows)
        return sum(row.no_results + row.few_results for row in rows) / searches

    assert share_unmet(outward_code="IV27") > 0.9
    assert share_unmet(outward_code="EH6") < 0.5
    words = vocabulary.current()
    assert all(set(tokens(text)) <= words for text in SearchLog.objects.values_list("text", flat=True))
