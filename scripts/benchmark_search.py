"""Benchmark the find-support page on both listing search backends.

For each size it fills a scratch SQLite database with generated listings around real GB postcodes (seeded, so every
run builds the same directory; a smaller size is a prefix of a larger one), indexes them into an osmem-server (the
in-memory Elasticsearch API the tests use) started here, then replays a fixed mix of realistic searches through the
whole page (`Client().get("/find-support/?…")`: form, search, cards, templates) on each backend.

    .venv/bin/python scripts/benchmark_search.py --sizes 10000 100000 --workdir /tmp/sds-benchmark

Prints p50/p95/p99 latency, requests per second, index build time, mean results per search and memory.
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261122
CHUNK = 5_000  # listings generated and written per transaction
WARM_UP = 20
MEMORY_SAMPLE = 20  # requests replayed under tracemalloc (after timing: it slows everything down)
TARGETS_MS = {"elasticsearch": (100_000, 50), "database": (10_000, 300)}  # p95 target at a size


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="listing counts")
    parser.add_argument("--queries", type=int, default=1000, help="searches replayed per backend and size")
    parser.add_argument("--backends", nargs="+", default=["database", "elasticsearch"])
    parser.add_argument(
        "--database-max-size", type=int, help="skip the database backend above this many listings (too slow)"
    )
    parser.add_argument(
        "--engine-timeout",
        type=int,
        default=2,
        help="seconds before a page gives up on the engine and answers from the database (the site's default: 2)",
    )
    parser.add_argument("--profile", type=int, default=0, help="also profile this many requests with cProfile")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a new temporary folder)")
    return parser.parse_args()


def setup_django(workdir):
    """Test settings (DEBUG off, local memory cache) on a fresh SQLite database in `workdir`, migrated."""
    database = workdir / "benchmark.sqlite3"
    for path in workdir.glob("benchmark.sqlite3*"):
        path.unlink()
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["TMPDIR"] = str(workdir)  # the test settings make media folders in the temporary folder
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

        while self.count < size:
            stop = min(size, self.count + CHUNK)
            with transaction.atomic():
                self.chunk(self.count, stop)
            self.count = stop

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


class Osmem:
    """An osmem-server on a free local port, for as long as the `with` block lasts (if `wanted`)."""

    def __init__(self, wanted=True):
        self.wanted, self.process, self.url = wanted, None, None

    def __enter__(self):
        import osmem_server

        if not self.wanted:
            return self

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        binary = Path(osmem_server.__file__).parent / "bin" / "osmem-server"
        self.process = subprocess.Popen(  # noqa: S603 (the wheel's own binary, fixed arguments)
            [str(binary), "--addr", f"127.0.0.1:{port}", "--no-stdin-watch"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                raise SystemExit(f"osmem-server did not start at {self.url}")
            time.sleep(0.05)
        return self

    def answers(self):
        try:
            with urllib.request.urlopen(self.url, timeout=0.5) as response:  # noqa: S310 (local server)
                return response.status == 200
        except OSError:
            return False

    def rss_mb(self):
        return self.process and rss_mb(f"/proc/{self.process.pid}/status", "VmRSS")

    def cpu_seconds(self):
        """CPU time the server has used so far (user + system), from /proc; 0 where /proc is not there."""
        if not self.process:
            return 0.0
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc):
        if not self.process:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


def engine_settings(backend, osmem, timeout):
    from django.test import override_settings

    if backend == "database":
        return override_settings(LISTING_SEARCH_BACKEND="database")
    return override_settings(
        LISTING_SEARCH_TIMEOUT_SECONDS=timeout,
        LISTING_SEARCH_BACKEND="elasticsearch",
        LISTING_SEARCH_URL=osmem.url,
        LISTING_SEARCH_NODE_CLASS="tests.search_engine.PlainJsonNode",
        LISTING_SEARCH_INDEX="benchmark-listings",
    )


# --- Replaying ----------------------------------------------------------------------------------------------------


def rss_mb(path="/proc/self/status", key="VmHWM"):
    """A memory figure from /proc (peak or current resident set), in MB; None where /proc is not there."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def reset_peak_rss():
    """Start a new peak resident-set measurement (Linux 4+); False where the peak cannot be reset."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


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


@dataclass
class Run:
    backend: str
    size: int
    index_seconds: float | None = None
    latencies: list = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process (Django, SQLite, the client): wall time minus waiting and contention
    engine_cpu_seconds: float = 0.0
    totals: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    fallbacks: int = 0
    errors: list = field(default_factory=list)
    peak_rss_mb: float | None = None
    heap_peak_mb: float | None = None

    def percentile(self, p):
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1] * 1000


def request(client, recorder, url, run=None):
    recorder.calls.clear()
    started = time.perf_counter()
    try:
        response = client.get(url)
    except Exception as error:  # noqa: BLE001 (counted and reported: one bad page must not hide the figures)
        if run is not None:
            run.errors.append(f"{url}: {type(error).__name__}: {error}")
        return
    elapsed = time.perf_counter() - started
    if run is None:
        return
    run.latencies.append(elapsed)
    run.statuses[response.status_code] = run.statuses.get(response.status_code, 0) + 1
    main = recorder.calls[0] if recorder.calls else None
    run.totals.append(main.total if main else None)
    run.fallbacks += bool(main and main.fell_back)


def replay(run, urls, recorder, engine_cpu, profile=0):
    from django.test import Client

    client = Client()
    for url in urls[-WARM_UP:]:
        request(client, recorder, url)
    own_peak = reset_peak_rss()
    started, cpu, engine = time.perf_counter(), time.process_time(), engine_cpu()
    for url in urls:
        request(client, recorder, url, run)
    run.seconds = time.perf_counter() - started
    run.cpu_seconds, run.engine_cpu_seconds = time.process_time() - cpu, engine_cpu() - engine
    run.peak_rss_mb = rss_mb() if own_peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    for url in urls[:MEMORY_SAMPLE]:
        request(client, recorder, url)
    run.heap_peak_mb = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [request(client, recorder, url) for url in urls[:profile]])
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
        print(f"\n## cProfile: {run.backend}, {run.size:,} listings, {profile} requests\n{out.getvalue()}")


# --- Reporting ----------------------------------------------------------------------------------------------------


def table(runs):
    header = (
        "| backend | listings | index build | p50 ms | p95 ms | p99 ms | pages/s | mean results "
        "| CPU ms/page | engine CPU ms/page | HTTP status | fallbacks | errors | peak RSS MB | heap peak MB |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for run in runs:
        if not run.latencies:
            continue
        known = [total for total in run.totals if total is not None]
        statuses = " ".join(f"{code}×{count}" for code, count in sorted(run.statuses.items()))
        index = f"{run.index_seconds:.1f} s" if run.index_seconds is not None else "–"
        pages = len(run.latencies)
        lines.append(
            f"| {run.backend} | {run.size:,} | {index} | {run.percentile(50):.0f} | {run.percentile(95):.0f} "
            f"| {run.percentile(99):.0f} | {len(run.latencies) / run.seconds:.1f} "
            f"| {statistics.mean(known) if known else 0:.1f} | {1000 * run.cpu_seconds / pages:.0f} "
            f"| {1000 * run.engine_cpu_seconds / pages:.0f} | {statuses} | {run.fallbacks} | {len(run.errors)} "
            f"| {run.peak_rss_mb:.0f} | {run.heap_peak_mb:.1f} |"
        )
    return "\n".join(lines)


def verdicts(runs):
    lines = []
    for run in runs:
        size, target = TARGETS_MS.get(run.backend, (None, None))
        if run.size == size and run.latencies:
            p95 = run.percentile(95)
            verdict = "met" if p95 <= target else "MISSED"
            lines.append(f"- {run.backend} at {size:,}: p95 {p95:.0f} ms, target ≤ {target} ms: {verdict}")
    by_key = {(run.backend, run.size): run for run in runs}
    for (backend, size), run in by_key.items():
        other = by_key.get(("database", size))
        if backend == "elasticsearch" and other and other.totals and run.totals:
            differ = sum(a != b for a, b in zip(run.totals, other.totals, strict=True))
            lines.append(
                f"- {size:,} listings: result totals differ between backends on {differ} of {len(run.totals)} pages"
            )
    return "\n".join(lines)


def main():
    args = parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="sds-benchmark-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    setup_django(workdir)
    print(f"Migrated a fresh database in {workdir} in {time.perf_counter() - started:.1f} s")
    from search import index

    prepare_taxonomies()
    generator = Generator(areas())
    urls = search_urls(generator.areas, args.queries)
    print(f"{len(generator.areas)} outward codes around {len({a.town for a in generator.areas})} towns")
    recorder = Recorder()
    runs, notes = [], []
    with Osmem(wanted="elasticsearch" in args.backends) as osmem:
        for size in sorted(args.sizes):
            started = time.perf_counter()
            generator.grow_to(size)
            print(f"\nGenerated {size:,} listings in {time.perf_counter() - started:.1f} s (cumulative)")
            for backend in args.backends:
                if backend == "database" and args.database_max_size and size > args.database_max_size:
                    notes.append(f"- database backend skipped at {size:,} listings (--database-max-size)")
                    continue
                run = Run(backend, size)
                with engine_settings(backend, osmem, args.engine_timeout):
                    if backend == "elasticsearch":
                        started = time.perf_counter()
                        indexed = index.rebuild()
                        run.index_seconds = time.perf_counter() - started
                        print(f"Indexed {indexed:,} published listings in {run.index_seconds:.1f} s")
                    replay(run, urls, recorder, osmem.cpu_seconds, args.profile)
                runs.append(run)
                print(table([run]).splitlines()[-1])
                for error in run.errors[:3]:
                    print(f"  error: {error}")
        osmem_mb = osmem.rss_mb()
    print("\n## Results\n")
    print(table(runs))
    print()
    print(verdicts(runs))
    print("\n".join(notes))
    print(
        f"\n{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, SQLite, osmem-server RSS {osmem_mb or 0:.0f} MB; "
        f"{args.queries} pages per run after {WARM_UP} warm-up pages, one client, one process. "
        f"Heap peak: tracemalloc over {MEMORY_SAMPLE} pages."
    )
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
