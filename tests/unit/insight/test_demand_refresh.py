"""The demand figures are worked out ahead of time, by the hourly command or the task."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from marketplace.insight import demand, tasks
from marketplace.insight.models import DemandFigure
from search.models import SearchLog

from .conftest import log

pytestmark = pytest.mark.django_db


def total(**filters):
    return sum(DemandFigure.objects.filter(dimension="all", **filters).values_list("searches", flat=True))


def test_the_hourly_refresh_rebuilds_recent_months_and_keeps_older_ones(edinburgh):
    old = datetime(2026, 2, 3, 10, tzinfo=ZoneInfo("UTC"))
    recent = datetime(2026, 7, 3, 10, tzinfo=ZoneInfo("UTC"))
    log(5, need="dementia", hour=old)
    log(6, need="dementia", hour=recent)
    call_command("refresh_insight", "--full", stdout=None)
    assert total() == 11
    SearchLog.objects.filter(hour=old).delete()  # pruned from the log: February's figures stay
    log(2, hour=recent)
    call_command("refresh_insight")
    assert total(month=datetime(2026, 2, 1).date()) == 5
    assert total(month=datetime(2026, 7, 1).date()) == 8


def test_searches_in_no_known_council_are_left_out_and_codes_win_over_names(edinburgh):
    edinburgh.gss_code = "S12000036"
    edinburgh.save()
    log(5, council="Nowhere")
    SearchLog.objects.create(
        hour=datetime(2026, 7, 1, tzinfo=ZoneInfo("UTC")),
        council_code="S12000036",
        council_area="",
        place_kind="place",
        result_count=0,
    )
    assert demand.refresh(full=True) == 1
    assert DemandFigure.objects.get().council == edinburgh


def test_the_task_refreshes_too(edinburgh):
    log(5, hour=datetime(2026, 7, 3, 10, tzinfo=ZoneInfo("UTC")))
    tasks.refresh_demand.call(full=True)
    assert total() == 5
