"""Benchmark the find-support page on both listing search backends, on SQLite and PostgreSQL.

For each database and size it fills a scratch database with generated listings around real GB postcodes (seeded, so
every run builds the same directory; a smaller size is a prefix of a larger one) and indexes them into a real
OpenSearch node started here. Then, per backend, it replays a fixed mix of realistic searches through the whole page
in-process (`Client().get("/find-support/?…")`: form, search, cards, templates), keeping each page's latency, CPU time
and the engine's own time (`took`), and serves the same URLs from gunicorn with production settings to one and to
eight wrk clients.

    .venv/bin/python scripts/benchmark_search.py --sizes 10000 100000 300000 --databases sqlite postgresql

Each database runs in a child process of its own (Django is set up once per process). Prints one markdown table, the
verdicts against issue 14's targets, and the command.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from benchmark_search_report import Run, table, verdicts
from benchmark_search_servers import (
    Gunicorn,
    OpenSearch,
    cpu_seconds,
    postgres_server_url,
    prepare_production,
    production_environment,
    reset_peak,
    scratch_postgres,
    status_mb,
    wrk,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261122
CHUNK = 5_000  # listings generated and written per transaction
WARM_UP = 20
HTTP_WARM_UP_SECONDS = 60
WORKER_WARM_UP_CPU_SECONDS = 3
FALLBACK_LOGGER = "search.engine"  # warns once for each search the database answers because the engine did not


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 300_000], help="listing counts")
    parser.add_argument("--queries", type=int, default=1000, help="searches replayed per backend and size")
    parser.add_argument(
        "--backends", nargs="+", default=["database", "elasticsearch"], choices=["database", "elasticsearch"]
    )
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument(
        "--database-max-size",
        type=int,
        default=10_000,
        help="the database backend, and every database but the first, only up to this many listings (0: no limit)",
    )
    parser.add_argument(
        "--engine-timeout",
        type=int,
        default=2,
        help="seconds before a page gives up on the engine and answers from the database (the site's default: 2)",
    )
    parser.add_argument("--engine-heap", default="3g", help="the OpenSearch node's JVM heap (-Xms and -Xmx)")
    parser.add_argument("--engine-port", type=int, default=9310, help="OpenSearch on the first free of 10 ports")
    parser.add_argument("--site-port", type=int, default=8310, help="gunicorn on the first free of 10 ports")
    parser.add_argument(
        "--http-seconds", type=int, default=20, help="wrk's run per client count under gunicorn (0: no gunicorn)"
    )
    parser.add_argument("--postgres-url", help="a PostgreSQL server (default: scripts/postgres-test-server.sh's)")
    parser.add_argument(
        "--postgres-database", default="sds_bench", help="the scratch database created on it (dropped afterwards)"
    )
    parser.add_argument("--profile", type=int, default=0, help="also profile this many requests with cProfile")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a new temporary folder)")
    # Set by the parent for each database's child process.
    for name, kind in (("--child", str), ("--database-url", str), ("--engine-url", str), ("--engine-pid", int)):
        parser.add_argument(name, type=kind, help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def setup_django(folder, database_url):
    """Test settings (DEBUG off, local memory cache) on a fresh database, migrated."""
    for path in folder.glob("benchmark.sqlite3*"):
        path.unlink()
    os.environ["DATABASE_URL"] = database_url
    os.environ["TMPDIR"] = str(folder)  # the test settings make media folders in the temporary folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.test")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


# --- The directory ------------------------------------------------------------------------------------------------


@dataclass
class Area:
    """An outward code listings are based in: some of its real postcodes, its town, council and local languages."""

    outward: str
    town: str
    postcodes: list
    council_id: int | None
    languages: list = field(default_factory=list)


def neighbours(outward):
    """EH6 → EH4, EH5, EH7, EH8: more real outward codes around each demo town."""
    letters = outward.rstrip("0123456789")
    number = outward[len(letters) :]
    if not number.isdigit():
        return []
    return [f"{letters}{int(number) + step}" for step in (-2, -1, 1, 2) if int(number) + step > 0]


def areas():
    from marketplace.demo.directory import TOWNS
    from marketplace.geography.places import council_for, postcodes_in
    from providers.models import CouncilArea

    councils = dict(CouncilArea.objects.exclude(gss_code="").values_list("gss_code", "pk"))
    rng = random.Random(SEED)  # noqa: S311 (repeatable test data)
    seen, result = set(), []
    for town, outward_codes, languages in TOWNS:
        for outward in [code for own in outward_codes for code in (own, *neighbours(own))]:
            postcodes = postcodes_in(outward) if outward not in seen else []
            seen.add(outward)
            if postcodes:
                sample = rng.sample(postcodes, min(40, len(postcodes)))
                found = council_for(sample[0][1])
                council = councils.get(found.code) if found else None
                result.append(Area(outward, town, sample, council, ["en", *languages]))
    return result


class Generator:
    """Adds listings (with owners, terms, slots, rates and checks) in bulk, `CHUNK` at a time."""

    def __init__(self, areas):
        from django.utils import timezone
        from wagtail.models import Locale

        from providers.models import FundingOption, Language, Need, ServiceType

        locale = Locale.get_default()
        self.areas = areas
        self.now = timezone.now()
        self.needs = dict(Need.objects.filter(locale=locale).values_list("slug", "pk"))
        self.services = dict(ServiceType.objects.filter(locale=locale).values_list("slug", "pk"))
        self.funding = list(FundingOption.objects.filter(locale=locale).values_list("pk", flat=True))
        self.languages = dict(Language.objects.filter(locale=locale).values_list("code", "pk"))
        self.count = 0

    def grow_to(self, size):
        from django.db import transaction

        from marketplace.core.db_statistics import refresh_planner_statistics

        while self.count < size:
            stop = min(size, self.count + CHUNK)
            with transaction.atomic():
                self.chunk(self.count, stop)
            self.count = stop
        refresh_planner_statistics()  # as a site's own loads and autovacuum leave them

    def chunk(self, start, stop):
        from marketplace.demo.directory import ORGANISATION_PATTERNS, SERVICE_TITLES
        from providers.models import Listing, Organisation, PersonalAssistant, Supplier, Verification

        rng = random.Random(f"{SEED}-{start}")  # noqa: S311 (repeatable test data)
        organisations, assistants, listings = [], [], []
        number = start
        while number < stop:
            area = rng.choice(self.areas)
            if rng.random() < 0.7:
                pattern, kind, services = rng.choice(ORGANISATION_PATTERNS)
                name = pattern.format(town=area.town, surname=self.surname(rng, area))
                supplier = Supplier(kind=Supplier.Kind.ORGANISATION, name=name)
                owner = Organisation(supplier=supplier, slug=f"bench-org-{number}", kind=kind)
                organisations.append(owner)
                for _ in range(min(rng.choice([1, 1, 2, 3, 4]), stop - number)):
                    service = rng.choice(services)
                    title = f"{SERVICE_TITLES[service]} – {name}"
                    listings.append(self.listing(rng, number, area, title, service, supplier))
                    number += 1
            else:
                first, surname = self.name(rng, area)
                supplier = Supplier(kind=Supplier.Kind.PERSONAL_ASSISTANT, name=f"{first} {surname[0]}.")
                owner = PersonalAssistant(
                    supplier=supplier,
                    gender=rng.choice(["Woman", "Woman", "Man", "", "Non-binary"]),
                    employment="self_employed",
                    home_postcode=area.postcodes[0][0],
                    area_label=f"{area.outward}, {area.town}",
                )
                assistants.append(owner)
                for nights in range(min(rng.choice([1, 1, 1, 2]), stop - number)):
                    title = f"Personal assistant in {area.town}: {supplier.name}" + (" (nights)" if nights else "")
                    listings.append(self.listing(rng, number, area, title, "personal-assistant", supplier))
                    number += 1
        self.save_owners(start, organisations, assistants)
        Listing.objects.bulk_create([listing for listing, _extras in listings])
        self.save_relations(rng, listings)
        checks = []
        for owner in [*organisations, *assistants]:
            if rng.random() < 0.6:  # verified owners; a few checks have lapsed
                expires = self.now.date() + timedelta(days=rng.randrange(-60, 700))
                checks.append(
                    Verification(kind="insurance", status="verified", expires_on=expires, supplier=owner.supplier)
                )
        Verification.objects.bulk_create(checks)

    @staticmethod
    def name(rng, area):
        from marketplace.demo.directory import FIRST_NAMES

        language = rng.choice(area.languages)
        return rng.choice(FIRST_NAMES.get(language, FIRST_NAMES["en"])), Generator.surname(rng, area, language)

    @staticmethod
    def surname(rng, area, language=None):
        from marketplace.demo.directory import SURNAMES

        return rng.choice(SURNAMES.get(language or rng.choice(area.languages), SURNAMES["en"]))

    def save_owners(self, start, organisations, assistants):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

        from providers.models import Organisation, PersonalAssistant, Supplier

        User = get_user_model()
        unusable = UNUSABLE_PASSWORD_PREFIX + "benchmark"  # nothing to hash, and nobody can sign in
        users = [User(email=f"bench-pa-{start}-{n}@bench.invalid", password=unusable) for n in range(len(assistants))]
        User.objects.bulk_create(users)
        for user, assistant in zip(users, assistants, strict=True):
            assistant.user = user
        owners = [*organisations, *assistants]
        for owner, supplier in zip(owners, Supplier.objects.bulk_create([o.supplier for o in owners]), strict=True):
            owner.supplier = supplier
        Organisation.objects.bulk_create(organisations)
        PersonalAssistant.objects.bulk_create(assistants)

    def listing(self, rng, number, area, title, service, supplier):
        from marketplace.demo.directory import PA_SKILLS, SUMMARIES
        from providers.models import Listing

        postcode, point = rng.choice(area.postcodes)
        by_council = supplier.kind == "organisation" and area.council_id and rng.random() < 0.15
        roll = rng.random()
        status = "published" if roll < 0.92 else rng.choice(["draft", "submitted", "suspended"])
        roll = rng.random()
        age = (
            rng.randrange(1, 170)
            if roll < 0.88
            else rng.randrange(190, 212)
            if roll < 0.95
            else rng.randrange(215, 400)
        )
        confirmed = self.now - timedelta(days=age, minutes=rng.randrange(1440)) if status == "published" else None
        listing = Listing(
            title=title[:120],
            slug=f"bench-{number}",
            summary=SUMMARIES[service],
            description=f"<p>{SUMMARIES[service]}</p><p>We work in {area.town} and nearby. "
            f"Our team is good at {rng.choice(PA_SKILLS)} and {rng.choice(PA_SKILLS)}.</p>",
            area_kind=Listing.AreaKind.COUNCIL_AREAS if by_council else Listing.AreaKind.RADIUS,
            base_postcode=postcode,
            base_label=area.town,
            latitude=point.latitude,
            longitude=point.longitude,
            radius_km=None if by_council else Decimal(rng.choice([3, 5, 8, 10, 15, 20, 25, 30, 40])),
            short_notice_cover=rng.random() < 0.3,
            accepting_new_clients=rng.random() < 0.85,
            status=status,
            published_at=confirmed,
            last_confirmed_at=confirmed,
            supplier=supplier,
        )
        return listing, (service, area, by_council)

    def save_relations(self, rng, listings):
        from marketplace.demo.directory import NEEDS_BY_SERVICE
        from providers.models import AvailabilitySlot, Listing, RateCardItem

        rows = {model: [] for model in ("needs", "service_types", "funding_options", "languages", "council_areas")}
        slots, rates = [], []
        for listing, (service, area, by_council) in listings:
            pk = listing.pk
            services = {service, *rng.sample(sorted(self.services), rng.randrange(0, 3))}
            rows["service_types"] += [(pk, self.services[slug]) for slug in services]
            likely = NEEDS_BY_SERVICE[service]
            needs = set(rng.sample(likely, min(len(likely), rng.randrange(1, 4))))
            needs |= set(rng.sample(sorted(self.needs), rng.randrange(0, 3)))
            rows["needs"] += [(pk, self.needs[slug]) for slug in sorted(needs)[:5]]
            rows["funding_options"] += [(pk, option) for option in rng.sample(self.funding, rng.randrange(1, 5))]
            codes = {"en", *rng.sample(area.languages, min(len(area.languages), rng.randrange(0, 3)))}
            if rng.random() < 0.05:
                codes.add(rng.choice(sorted(self.languages)))
            rows["languages"] += [(pk, self.languages[code]) for code in codes if code in self.languages]
            if by_council:
                rows["council_areas"].append((pk, area.council_id))
            for day in range(7):
                for band, chance in (("morning", 0.4), ("afternoon", 0.4), ("evening", 0.12), ("night", 0.06)):
                    if rng.random() < chance:
                        slots.append(AvailabilitySlot(listing_id=pk, day=day, band=band))
                if rng.random() < 0.06:
                    slots.append(AvailabilitySlot(listing_id=pk, day=day, band="overnight"))
            low, high = (12, 22) if service == "personal-assistant" else (18, 35)
            weekday = Decimal(rng.randrange(low * 4, high * 4 + 1)) / 4
            rates.append(RateCardItem(listing_id=pk, description="Daytime support", unit="hour", amount=weekday))
            if rng.random() < 0.7:
                weekend = min(weekday + Decimal(rng.randrange(1, 5)), Decimal(35))
                rates.append(
                    RateCardItem(listing_id=pk, description="Weekends", unit="hour", amount=weekend, day_type="weekend")
                )
            if rng.random() < 0.3:
                sleepover = Decimal(rng.randrange(80, 141))
                rates.append(RateCardItem(listing_id=pk, description="Sleepover", unit="sleepover", amount=sleepover))
        for name, pairs in rows.items():
            through = getattr(Listing, name).through
            target = next(f.attname for f in through._meta.fields if f.is_relation and f.related_model is not Listing)
            through.objects.bulk_create([through(listing_id=pk, **{target: value}) for pk, value in pairs])
        AvailabilitySlot.objects.bulk_create(slots)
        RateCardItem.objects.bulk_create(rates)


def prepare_taxonomies():
    from django.utils.text import slugify

    from marketplace.demo.directory import translate_terms
    from marketplace.geography.places import great_britain_councils
    from providers.models import CouncilArea
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()
    translate_terms()  # Urdu, Gaelic and Polish names: documents carry every name of each term
    CouncilArea.objects.bulk_create(
        [
            CouncilArea(name=c.name, slug=slugify(c.name)[:120], country=c.country, gss_code=c.code)
            for c in great_britain_councils()
        ],
        ignore_conflicts=True,
    )


# --- The searches -------------------------------------------------------------------------------------------------

TEXTS = [
    "dementia",
    "dementa",
    "autism",
    "autsim",
    "personal assistant",
    "pa",
    "polish",
    "care at home",
    "respite",
    "short breaks",
    "advocacy",
    "advocasy",
    "overnight",
    "sleepover",
    "mental health",
    "learning disabilities",
    "carer",
    "transport",
    "bsl",
    "gaelic",
    "urdu speaking carer",
    "moving and handling",
    "personal care",
    "housing support",
    "peer support",
    "direct payments",
]
FILTERS = ["need", "need", "service", "funding", "language", "gender", "day", "time", "short_notice", "verified"]
FILTERS += ["accepting", "max_price", "within"]


def search_urls(areas, count):
    """`count` find-support URLs: postcodes, outward codes and towns near the listings; words, filters, sorts, pages."""
    from marketplace.geography.places import resolve
    from providers.models import AvailabilitySlot, FundingOption, Language, Need, ServiceType

    rng = random.Random(f"{SEED}-searches")  # noqa: S311 (repeatable test data)
    terms = {
        "need": sorted(Need.objects.values_list("slug", flat=True).distinct()),
        "service": sorted(ServiceType.objects.values_list("slug", flat=True).distinct()),
        "funding": sorted(FundingOption.objects.values_list("slug", flat=True).distinct()),
        "language": sorted(Language.objects.values_list("slug", flat=True).distinct()),
    }
    towns = sorted({area.town for area in areas if len(resolve(area.town).locations) == 1})
    urls = []
    for _ in range(count):
        area = rng.choice(areas)
        roll = rng.random()
        where = rng.choice(area.postcodes)[0] if roll < 0.45 else area.outward if roll < 0.8 else rng.choice(towns)
        params = [("where", where)]
        if rng.random() < 0.3:
            params.append(("q", rng.choice(TEXTS)))
        for name in rng.sample(FILTERS, rng.choices([0, 1, 2, 3], weights=[35, 30, 20, 15])[0]):
            if name in terms:
                params.append((name, rng.choice(terms[name])))
            elif name == "gender":
                params.append((name, rng.choice(["woman", "man", "non_binary"])))
            elif name == "day":
                params += [(name, day) for day in rng.sample(range(7), rng.randrange(1, 3))]
            elif name == "time":
                params.append((name, rng.choice(AvailabilitySlot.Band.values)))
            elif name == "max_price":
                params.append((name, rng.randrange(15, 31)))
            elif name == "within":
                params.append((name, rng.choice([2, 5, 10, 20])))
            else:
                params.append((name, 1))
        params.append(("sort", rng.choices(["best", "nearest", "price", "rating"], weights=[40, 25, 20, 15])[0]))
        if rng.random() < 0.15:
            params.append(("units", "km"))
        page = rng.choices([1, 2, 3], weights=[80, 12, 8])[0]
        if page > 1:
            params.append(("page", page))
        urls.append("/find-support/?" + urlencode(params))
    return urls


# --- The engine ---------------------------------------------------------------------------------------------------


def search_settings(backend, args):
    """The listing search settings of a run: the database backend, or the OpenSearch node the parent started."""
    if backend == "database":
        return {"LISTING_SEARCH_BACKEND": "database", "LISTING_SEARCH_URL": ""}
    return {
        "LISTING_SEARCH_BACKEND": "elasticsearch",
        "LISTING_SEARCH_ENGINE": "opensearch",
        "LISTING_SEARCH_URL": args.engine_url,
        "LISTING_SEARCH_INDEX": f"benchmark-listings-{args.child}",
        "LISTING_SEARCH_TIMEOUT_SECONDS": args.engine_timeout,
    }


class EngineTimes:
    """Wraps `search.clients.EngineClient.msearch`, in this process only, to keep the engine's own time (`took`) of
    each request a page makes (its searches run side by side: the request's `took` covers them all)."""

    def __init__(self):
        from search import clients

        self.took = []
        original = clients.EngineClient.msearch

        def msearch(client, index, bodies):
            answer = original(client, index, bodies)
            self.took.append(answer.get("took") or max(response.get("took", 0) for response in answer["responses"]))
            return answer

        clients.EngineClient.msearch = msearch


class Recorder:
    """Wraps `search.engine.search` to see each page's main results (totals, backend, falling back)."""

    def __init__(self):
        from search import engine

        self.engine, self.original, self.calls = engine, engine.search, []
        engine.search = self.search

    def search(self, query, now=None, **options):
        results = self.original(query, now=now, **options)
        self.calls.append(results)
        return results


# --- Replaying in this process --------------------------------------------------------------------------------


def request(client, watchers, url, run=None):
    recorder, times = watchers
    recorder.calls.clear()
    times.took.clear()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        response = client.get(url)
    except Exception as error:  # noqa: BLE001 (counted and reported: one bad page must not hide the figures)
        if run is not None:
            run.errors.append(f"{url}: {type(error).__name__}: {error}")
        return
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if run is None:
        return
    run.latencies.append(elapsed)
    run.cpu.append(cpu)
    if run.backend != "database":
        run.engine_ms.append(sum(times.took))
    run.statuses[response.status_code] = run.statuses.get(response.status_code, 0) + 1
    main = recorder.calls[0] if recorder.calls else None
    run.totals.append(main.total if main else None)
    run.fallbacks += bool(main and main.fell_back)


def replay(run, urls, watchers, engine_pid, profile=0):
    """Every URL through the whole page (`Client().get`), one at a time, after a few to warm up."""
    from django.test import Client

    client = Client()
    for url in urls[-WARM_UP:]:
        request(client, watchers, url)
    engine_cpu = cpu_seconds(engine_pid) if engine_pid else 0.0
    for url in urls:
        request(client, watchers, url, run)
    if engine_pid:
        run.engine_cpu_seconds = cpu_seconds(engine_pid) - engine_cpu
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [request(client, watchers, url) for url in urls[:profile]])
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(f"\n## cProfile: {run.label}, {profile} requests\n{out.getvalue()}")


# --- Serving over HTTP ----------------------------------------------------------------------------------------


def serve_and_load(run, environment, args, urls_file):
    """The site under gunicorn with production settings: pages per second with eight clients, then with one (wrk,
    each client through the URLs from its own starting point), and the workers' peak memory."""
    log = args.workdir / args.child / "gunicorn.log"
    with Gunicorn(environment, ports(args.site_port), log) as site:
        warm_up(site, urls_file)
        fell_back = site.warnings_from(FALLBACK_LOGGER)
        for clients in (8, 1):
            run.http[str(clients)] = wrk(site.url, urls_file, clients, args.http_seconds)
        run.http_fallbacks = site.warnings_from(FALLBACK_LOGGER) - fell_back
        run.worker_peaks_mb = site.worker_peaks_mb()


def warm_up(site, urls_file):
    """Eight clients until every worker has done `WORKER_WARM_UP_CPU_SECONDS` of work beyond starting (its first page
    alone loads code and data for a second or more; later ones still fill per-process caches), at most
    `HTTP_WARM_UP_SECONDS`."""
    before = site.worker_cpu_seconds()
    deadline = time.monotonic() + HTTP_WARM_UP_SECONDS
    while time.monotonic() < deadline:
        wrk(site.url, urls_file, 8, 3)
        now = site.worker_cpu_seconds()
        if all(now[pid] - before.get(pid, 0.0) >= WORKER_WARM_UP_CPU_SECONDS for pid in now):
            return


def ports(first):
    return range(first, first + 10)


def run_database(args):
    """The child process: one database, every size and backend; the runs go to `args.results` as JSON."""
    folder = args.workdir / args.child
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    setup_django(folder, args.database_url)
    print(f"[{args.child}] migrated a fresh database in {time.perf_counter() - started:.1f} s")
    from search import index

    prepare_taxonomies()
    generator = Generator(areas())
    urls = search_urls(generator.areas, args.queries)
    urls_file = folder / "urls.txt"
    urls_file.write_text("\n".join(urls) + "\n")
    print(f"[{args.child}] {len(generator.areas)} outward codes around {len({a.town for a in generator.areas})} towns")
    if args.http_seconds:
        prepare_production(production_environment(args.workdir, args.database_url, search_settings("database", args)))
    watchers = Recorder(), EngineTimes()
    runs = []
    for size in sorted(args.sizes):
        started = time.perf_counter()
        generator.grow_to(size)
        print(f"\n[{args.child}] generated {size:,} listings in {time.perf_counter() - started:.1f} s (cumulative)")
        for backend in args.backends:
            if backend == "database" and args.database_max_size and size > args.database_max_size:
                continue
            run = Run(backend, args.child, size)
            engine_pid = args.engine_pid if backend == "elasticsearch" else None
            settings = search_settings(backend, args)
            if engine_pid:
                reset_peak(engine_pid)
            with override_settings(**settings, LISTING_SEARCH_NODE_CLASS=None):
                if backend == "elasticsearch":
                    started = time.perf_counter()
                    indexed = index.rebuild()
                    run.index_seconds = time.perf_counter() - started
                    print(f"Indexed {indexed:,} published listings in {run.index_seconds:.1f} s")
                if args.http_seconds:  # first: its pages also warm up the engine (JIT, caches) for the replay
                    environment = production_environment(
                        args.workdir, args.database_url, {name: str(value) for name, value in settings.items()}
                    )
                    serve_and_load(run, environment, args, urls_file)
                replay(run, urls, watchers, engine_pid, args.profile)
            if engine_pid:
                run.engine_peak_mb = status_mb(engine_pid)
            runs.append(run)
            print(table([run]).splitlines()[-1])
            for error in run.errors[:3]:
                print(f"  error: {error}")
    args.results.write_text(json.dumps([asdict(run) for run in runs]))


def override_settings(**settings):
    from django.test import override_settings

    return override_settings(**settings)


# --- The whole benchmark ------------------------------------------------------------------------------------------


def database_sizes(args, position):
    """The first database gets every size; the others (and the database backend) only up to --database-max-size."""
    if position == 0 or not args.database_max_size:
        return args.sizes
    return [size for size in args.sizes if size <= args.database_max_size]


def measure(args, database, sizes, results):
    """Start what `database` needs (a scratch PostgreSQL database; a fresh OpenSearch node, so its peak memory is
    this database's own) and run the child process for it."""
    with ExitStack() as stack:
        if database == "sqlite":
            url = f"sqlite:///{args.workdir / database / 'benchmark.sqlite3'}"
        else:
            server = args.postgres_url or postgres_server_url()
            url = stack.enter_context(scratch_postgres(server, args.postgres_database))
        child = [*sys.argv[1:], "--workdir", str(args.workdir), "--child", database, "--database-url", url]
        child += ["--sizes", *map(str, sizes), "--results", str(results)]
        if "elasticsearch" in args.backends:
            home = args.workdir / "opensearch"
            engine = stack.enter_context(OpenSearch(home, ports(args.engine_port), args.engine_heap))
            print(f"OpenSearch at {engine.url} (heap {args.engine_heap})")
            child += ["--engine-url", engine.url, "--engine-pid", str(engine.pid)]
        subprocess.run([sys.executable, "-u", __file__, *child], check=True)  # noqa: S603 (this script)


def main():
    args = parse_args()
    if args.child:
        run_database(args)
        return
    chosen = args.workdir
    args.workdir = (chosen or Path(tempfile.mkdtemp(prefix="sds-benchmark-"))).resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    runs, failures = [], []
    for position, database in enumerate(args.databases):
        results = args.workdir / f"runs-{database}.json"
        results.unlink(missing_ok=True)
        try:
            measure(args, database, database_sizes(args, position), results)
        except Exception as error:  # noqa: BLE001 (the other databases' figures still count)
            traceback.print_exc()
            failures.append(f"- {database}: the run failed ({type(error).__name__}: {error}); see above")
        if results.exists():
            runs += [Run(**run) for run in json.loads(results.read_text())]
    print("\n## Results\n")
    print(table(runs))
    print()
    print(verdicts(runs))
    print("\n".join(failures))
    print(
        f"\n{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; OpenSearch 2.19 (heap {args.engine_heap}). "
        f"Latency, CPU and the engine's own time (`took`): {args.queries} pages replayed in-process (test settings) "
        f"after {WARM_UP} warm-up pages, one at a time. Pages per second: gunicorn (gunicorn.conf.py, production "
        f"settings) and wrk (a new connection per page) for {args.http_seconds} s per client count, after a warm-up. "
        f"Engine timeout {args.engine_timeout} s: a slower search falls back to the database (fallbacks column). "
        f"Peak memory: VmHWM of each gunicorn worker and of the engine's JVM. "
        f"Took {(time.perf_counter() - started) / 60:.0f} minutes."
    )
    print(f"\nCommand: {shlex.join(['.venv/bin/python', 'scripts/benchmark_search.py', *sys.argv[1:]])}")
    if not chosen:
        shutil.rmtree(args.workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
