"""Benchmark the commissioner's insight pages with a large market: 10,000 listings and a million logged searches.

Builds a scratch SQLite database (seeded listings at real postcodes around the search benchmark's towns; a seeded,
realistic search log spread over the directory's councils and twelve months), works out the demand figures once
(timed: what the hourly `refresh_insight` costs), then requests every insight page as a commissioner for the busiest
council and prints p50/p95 per view.

    .venv/bin/python scripts/benchmark_insight.py --listings 10000 --searches 1000000 --workdir /tmp/sds-insight
"""

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchmark_search as directory  # noqa: E402  (the scripts folder, put on the path above)

SEED = 20261204
TARGET_MS = 500
LOG_CHUNK = 50_000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listings", type=int, default=10_000)
    parser.add_argument("--searches", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30, help="requests timed per view")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--reuse", action="store_true", help="time the views on the database a previous run left")
    return parser.parse_args()


def fill_directory(count, areas):
    """`count` published listings (a third of them PAs'), based at real postcodes of the generated areas, with
    needs, service types, languages, a weekday hourly rate and, for a fifth, whole council areas."""
    from decimal import Decimal

    from django.db import transaction
    from django.utils import timezone

    from providers.models import CouncilArea, Language, Listing, Need, RateCardItem, ServiceType, Supplier

    rng = random.Random(SEED + 1)  # noqa: S311 (repeatable test data)
    needs = list(Need.objects.values_list("pk", flat=True))
    services = list(ServiceType.objects.values_list("pk", flat=True))
    languages = list(Language.objects.values_list("pk", flat=True))
    councils = list(CouncilArea.objects.values_list("pk", flat=True))
    now = timezone.now()
    for start in range(0, count, 2000):
        size = min(2000, count - start)
        with transaction.atomic():
            suppliers = Supplier.objects.bulk_create(
                Supplier(
                    kind=Supplier.Kind.PERSONAL_ASSISTANT if number % 3 == 0 else Supplier.Kind.ORGANISATION,
                    name=f"Bench supplier {number}",
                )
                for number in range(start, start + size)
            )
            listings = []
            for number, supplier in zip(range(start, start + size), suppliers, strict=True):
                area = rng.choice(areas)
                _postcode, point = rng.choice(area.postcodes)
                whole = rng.random() < 0.2 and area.council_id
                listings.append(
                    Listing(
                        supplier=supplier,
                        title=f"Bench listing {number}",
                        slug=f"bench-listing-{number}",
                        summary="Support at home.",
                        status=Listing.Status.PUBLISHED,
                        area_kind=Listing.AreaKind.COUNCIL_AREAS if whole else Listing.AreaKind.RADIUS,
                        latitude=point.latitude,
                        longitude=point.longitude,
                        radius_km=None if whole else Decimal(rng.choice([5, 10, 15, 25])),
                        accepting_new_clients=rng.random() < 0.7,
                        short_notice_cover=rng.random() < 0.2,
                        published_at=now,
                        last_confirmed_at=now - timedelta(days=rng.randrange(400)),
                    )
                )
            listings = Listing.objects.bulk_create(listings)
            links = {"needs": [], "service_types": [], "languages": [], "council_areas": []}
            rates = []
            for listing, area in zip(listings, [rng.choice(areas) for _ in listings], strict=True):
                for pk in rng.sample(needs, 3):
                    links["needs"].append(Listing.needs.through(listing_id=listing.pk, need_id=pk))
                for pk in rng.sample(services, 2):
                    links["service_types"].append(
                        Listing.service_types.through(listing_id=listing.pk, servicetype_id=pk)
                    )
                for pk in rng.sample(languages, 2):
                    links["languages"].append(Listing.languages.through(listing_id=listing.pk, language_id=pk))
                if listing.area_kind == Listing.AreaKind.COUNCIL_AREAS:
                    council = area.council_id or rng.choice(councils)
                    links["council_areas"].append(
                        Listing.council_areas.through(listing_id=listing.pk, councilarea_id=council)
                    )
                rates.append(
                    RateCardItem(
                        listing=listing, description="Weekday support", amount=Decimal(rng.randint(1500, 3200)) / 100
                    )
                )
            for name, rows in links.items():
                getattr(Listing, name).through.objects.bulk_create(rows)
            RateCardItem.objects.bulk_create(rates)


def fill_search_log(count, areas):
    """`count` rows over the last twelve months, in the councils and outward codes of the generated directory."""
    from django.db import connection, transaction
    from django.utils import timezone

    from providers.models import CouncilArea, Language, Need, ServiceType
    from search.models import SearchLog

    rng = random.Random(SEED)  # noqa: S311 (repeatable test data)
    names = dict(CouncilArea.objects.values_list("pk", "name"))
    places = [(area.outward, names.get(area.council_id, "")) for area in areas if area.council_id]
    weights = [5 if name == "Edinburgh" else 1 for _outward, name in places]
    needs = list(Need.objects.values_list("slug", flat=True).distinct())
    services = list(ServiceType.objects.values_list("slug", flat=True).distinct())
    languages = list(Language.objects.values_list("slug", flat=True).distinct())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    table = SearchLog._meta.db_table
    sql = (
        f"INSERT INTO {table} (hour, outward_code, council_area, council_code, place_kind, text, filters, sort, "  # noqa: S608
        "result_count, backend, fell_back) VALUES (%s, %s, %s, '', 'outward', '', %s, 'best', %s, 'database', 0)"
    )
    written = 0
    while written < count:
        rows = []
        for outward, council in rng.choices(places, weights=weights, k=min(LOG_CHUNK, count - written)):
            filters = {}
            if rng.random() < 0.7:
                filters["need"] = [rng.choice(needs)]
            if rng.random() < 0.4:
                filters["service"] = [rng.choice(services)]
            if rng.random() < 0.15:
                filters["language"] = [rng.choice(languages)]
            hour = now - timedelta(hours=rng.randrange(24 * 365))
            results = 0 if rng.random() < 0.15 else rng.randint(0, 60)
            rows.append((hour.replace(tzinfo=None).isoformat(sep=" "), outward, council, json.dumps(filters), results))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
        written += len(rows)
    return written


def commissioner_client():
    """A signed-in commissioner (made once per database)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.test import Client

    group, _created = Group.objects.get_or_create(name="Commissioners")
    group.permissions.add(Permission.objects.get(codename="view_market_insight"))
    user = get_user_model().objects.filter(email="bench.commissioner@example.org").first()
    if user is None:
        user = get_user_model().objects.create_user("bench.commissioner@example.org", "a-long-benchmark-password")
        user.groups.add(group)
        TOTP.activate(user, generate_totp_secret())
    client = Client()
    client.force_login(user)
    return client


def time_view(client, path, requests):
    client.get(path)  # warm: per-process caches (locales, the area's centre)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    times.sort()
    return statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)]


def reuse_django(workdir):
    import os

    import django

    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'benchmark.sqlite3'}"
    os.environ["TMPDIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.test")
    sys.path.insert(0, str(directory.ROOT))
    django.setup()


def build(workdir, args):
    started = time.perf_counter()
    directory.setup_django(workdir)
    directory.prepare_taxonomies()
    from marketplace.insight import demand

    areas = directory.areas()
    fill_directory(args.listings, areas)
    print(f"Migrated and generated {args.listings:,} listings in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    logged = fill_search_log(args.searches, areas)
    print(f"Logged {logged:,} searches in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    figures = demand.refresh(full=True)
    print(f"Worked out {figures:,} demand figures from the whole log in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    demand.refresh()
    print(f"Hourly refresh (this month and last) in {time.perf_counter() - started:.1f} s")


def main():
    args = parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sds-insight-benchmark-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.reuse:
        reuse_django(workdir)
    else:
        build(workdir, args)
    from django.utils import timezone

    from providers.models import CouncilArea
    from search.models import SearchLog

    print(f"{SearchLog.objects.count():,} searches logged; the views read the demand figures worked out from them")

    area = CouncilArea.objects.get(name="Edinburgh")
    today = timezone.localdate()
    end = today.replace(day=1)
    start = (end - timedelta(days=330)).replace(day=1)
    query = f"?area={area.slug}&start={start:%Y-%m}&end={end:%Y-%m}"
    client = commissioner_client()
    views = [
        ("supply", "/insight/supply/"),
        ("demand", "/insight/demand/"),
        ("unmet", "/insight/unmet/"),
        ("prices", "/insight/prices/"),
        ("flow", "/insight/flow/"),
        ("summary", "/insight/summary/"),
        ("CSV download", "/insight/unmet/unmet-places.csv"),
        ("XLSX download", "/insight/supply/supply-needs.xlsx"),
    ]
    print(f"\n{area.name}, {start:%Y-%m} to {end:%Y-%m}: {args.requests} requests per view\n")
    print("| view | p50 ms | p95 ms |")
    print("|---|---|---|")
    slowest = 0.0
    for name, path in views:
        p50, p95 = time_view(client, path + query, args.requests)
        slowest = max(slowest, p95)
        print(f"| {name} | {p50:.0f} | {p95:.0f} |")
    verdict = "met" if slowest < TARGET_MS else "NOT met"
    print(f"\nSlowest p95 {slowest:.0f} ms: target under {TARGET_MS} ms {verdict}.")


if __name__ == "__main__":
    main()
