"""The market-insight part of the fuzzing site and its targets: a commissioner with two-factor authentication, and a
few months of searches in the world's council area (worked into demand figures), so that every page has figures."""

from datetime import timedelta

from django.utils import timezone

from marketplace.core.models import COMMISSIONERS_GROUP
from marketplace.insight import demand
from providers.models import CouncilArea
from search.models import SearchLog
from tests.factories import UserFactory
from tests.mfa import enable_totp

TABLES = [
    "supply-overview",
    "supply-needs",
    "demand-months",
    "demand-needs",
    "unmet-places",
    "unmet-needs",
    "prices",
    "flow",
    "spending",
]


def build(world):
    commissioner = UserFactory(email="commissioner@fuzz.example", groups=[COMMISSIONERS_GROUP])
    enable_totp(commissioner)
    world.users["commissioner"] = commissioner
    area = CouncilArea.objects.get(pk=world.real("council_area")[0])
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    SearchLog.objects.bulk_create(
        SearchLog(
            hour=now - timedelta(days=days),
            outward_code=("EH6", "EH7", "")[days % 3],
            council_area=area.name,
            place_kind=SearchLog.PlaceKind.OUTWARD,
            filters={"need": ["dementia"], "language": ["polish"]} if days % 2 else {},
            result_count=days % 4,
        )
        for days in range(60)
    )
    demand.refresh(full=True)
    world.ids.update({"insight_page": ["supply", "demand", "unmet", "prices", "flow"], "insight_table": TABLES})
    world.ids["insight_format"] = ["csv", "xlsx"]


def _filter_values():
    months = [(timezone.localdate() - timedelta(days=31 * n)).strftime("%Y-%m") for n in range(3)]
    return {"area": ["city-of-edinburgh"], "start": months[::-1], "end": months}


def targets(Target):
    """The insight targets, built with targets.py's `Target` (passed in: targets.py imports this module)."""
    roles = ("anonymous", "person", "editor", "commissioner")
    world_params = _filter_values()
    return [
        Target("insight:index", roles=roles, params=world_params, examples=80),
        Target("insight:summary", roles=roles, params=world_params, examples=60),
        Target("insight:page", roles=roles, kwargs={"slug": "insight_page"}, params=world_params, examples=200),
        Target(
            "insight:download",
            roles=roles,
            kwargs={"slug": "insight_page", "table": "insight_table", "fmt": "insight_format"},
            params=world_params,
            examples=200,
        ),
    ]
