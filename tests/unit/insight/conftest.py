"""A small market in Edinburgh for the insight tests: a commissioner with two-factor authentication, listings that
name the council area, and search-log rows written directly (the log's own tests cover how searches are logged)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from marketplace.core.models import COMMISSIONERS_GROUP
from providers.models import CouncilArea
from search.models import SearchLog
from tests.factories import UserFactory
from tests.mfa import enable_totp

MARCH = datetime(2026, 3, 10, 14, 0, tzinfo=ZoneInfo("Europe/London"))
QUERY = "area=edinburgh&start=2026-01&end=2026-06"


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """The period choices run back from "today": fix it so that early 2026 can be chosen."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime(2026, 7, 15).date())


@pytest.fixture
def edinburgh(db):
    area, _created = CouncilArea.objects.get_or_create(
        name="Edinburgh", defaults={"slug": "edinburgh", "country": "Scotland", "gss_code": "S12000036"}
    )
    if area.slug != "edinburgh":
        area.slug = "edinburgh"
        area.save()
    return area


@pytest.fixture
def commissioner(db):
    user = UserFactory(groups=[COMMISSIONERS_GROUP])
    enable_totp(user)
    return user


@pytest.fixture
def commissioner_client(client, commissioner):
    client.force_login(commissioner)
    return client


def log(count, *, need=None, language=None, service=None, results=0, outward="EH6", hour=MARCH, council="Edinburgh"):
    filters = {}
    if need:
        filters["need"] = [need] if isinstance(need, str) else list(need)
    if service:
        filters["service"] = [service]
    if language:
        filters["language"] = [language]
    SearchLog.objects.bulk_create(
        SearchLog(
            hour=hour,
            outward_code=outward,
            council_area=council,
            place_kind=SearchLog.PlaceKind.OUTWARD,
            filters=filters,
            result_count=results,
        )
        for _ in range(count)
    )
