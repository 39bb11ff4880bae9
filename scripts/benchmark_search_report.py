"""The search benchmark's figures for one run (a backend, a database and a size) and the table and verdicts printed
from them (the README's performance table is pasted from that table)."""

import statistics
from dataclasses import dataclass, field

# Issue 14's targets.
TARGETS_MS = {"elasticsearch": (100_000, 50), "database": (10_000, 100)}  # whole page p95 at a size
PAGE_CPU_P95_MS = 25  # the results page's own work (form, cards, facets, template) on the engine backend
EIGHT_CLIENTS_PAGES_PER_SECOND = 100  # at demo size
DEMO_LISTINGS = "under 1,000"  # `make run`: load_demo_data makes 280 organisations and 200 personal assistants


@dataclass
class Run:
    backend: str
    database: str
    size: int
    index_seconds: float | None = None
    latencies: list = field(default_factory=list)  # seconds per page, in-process, one client
    cpu: list = field(default_factory=list)  # CPU seconds of this process per page (Django, SQLite, the client)
    engine_ms: list = field(default_factory=list)  # the engine's own `took` per page (its searches summed)
    engine_cpu_seconds: float = 0.0
    totals: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    fallbacks: int = 0  # pages the database answered because the engine did not (in-process)
    http_fallbacks: int = 0  # the same under gunicorn (the engine's warnings in its log)
    errors: list = field(default_factory=list)
    http: dict = field(default_factory=dict)  # clients → wrk's figures under gunicorn
    worker_peaks_mb: list = field(default_factory=list)
    engine_peak_mb: float | None = None

    @property
    def label(self):
        return f"{self.backend} on {self.database}, {self.size:,} listings"

    def percentile(self, p, values=None):
        values = self.latencies if values is None else values
        return quantile(values, p) * 1000

    def engine_percentile(self, p):
        return quantile(self.engine_ms, p) if self.engine_ms else None

    def pages_per_second(self, clients):
        figures = self.http.get(str(clients))
        return figures and figures["pages_per_second"]

    def http_failures(self):
        return sum(figures["socket_errors"] + figures["server_errors"] for figures in self.http.values())


def quantile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def _number(value, digits=0):
    return "–" if value is None else f"{value:,.{digits}f}"


def table(runs):
    header = (
        "| backend | database | listings | index build | p50 ms | p95 ms | p99 ms | engine p50 / p95 ms "
        "| CPU ms/page | engine CPU ms/page | pages/s, 1 client | pages/s, 8 clients | mean results "
        "| app peak MB (largest worker / all) | engine peak MB | fallbacks (in-process / gunicorn) | errors |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    for run in runs:
        if not run.latencies:
            continue
        pages = len(run.latencies)
        known = [total for total in run.totals if total is not None]
        engine = (
            f"{run.engine_percentile(50):.0f} / {run.engine_percentile(95):.0f}" if run.backend != "database" else "–"
        )
        app = f"{max(run.worker_peaks_mb):.0f} / {sum(run.worker_peaks_mb):.0f}" if run.worker_peaks_mb else "–"
        lines.append(
            f"| {run.backend} | {run.database} | {run.size:,} "
            f"| {_number(run.index_seconds, 1) + ' s' if run.index_seconds is not None else '–'} "
            f"| {run.percentile(50):.0f} | {run.percentile(95):.0f} | {run.percentile(99):.0f} | {engine} "
            f"| {1000 * sum(run.cpu) / pages:.0f} "
            f"| {_number(1000 * run.engine_cpu_seconds / pages) if run.backend != 'database' else '–'} "
            f"| {_number(run.pages_per_second(1), 1)} | {_number(run.pages_per_second(8), 1)} "
            f"| {statistics.mean(known) if known else 0:.1f} | {app} | {_number(run.engine_peak_mb)} "
            f"| {run.fallbacks} / {run.http_fallbacks if run.http else '–'} | {len(run.errors) + run.http_failures()} |"
        )
    return "\n".join(lines)


def _met(ok):
    return "met" if ok else "MISSED"


def verdicts(runs):
    """One line per target the runs can judge, and how far the backends' result totals agree."""
    lines = []
    for run in runs:
        if not run.latencies:
            continue
        size, target = TARGETS_MS[run.backend]
        if run.size == size:
            p95 = run.percentile(95)
            line = f"- {run.label}: page p95 {p95:.0f} ms, target ≤ {target} ms: {_met(p95 <= target)}"
            if run.backend == "elasticsearch":
                engine = run.engine_percentile(95)
                line += f"; the engine's own p95 {engine:.0f} ms: {_met(engine <= target)}"
                cpu = run.percentile(95, run.cpu)
                line += f"; page CPU p95 {cpu:.0f} ms, target ≤ {PAGE_CPU_P95_MS} ms: {_met(cpu <= PAGE_CPU_P95_MS)}"
            lines.append(line)
    smallest = min((run.size for run in runs if run.http), default=None)
    for run in runs:
        if run.size == smallest and run.pages_per_second(8) is not None:
            rate = run.pages_per_second(8)
            lines.append(
                f"- {run.label}: {rate:.1f} results pages/s with 8 clients under gunicorn, target ≥ "
                f"{EIGHT_CLIENTS_PAGES_PER_SECOND} at demo size ({DEMO_LISTINGS} listings; measured at {run.size:,}): "
                f"{_met(rate >= EIGHT_CLIENTS_PAGES_PER_SECOND)}"
            )
    by_key = {(run.backend, run.database, run.size): run for run in runs}
    for (backend, database, size), run in by_key.items():
        other = by_key.get(("database", database, size))
        if backend == "elasticsearch" and other and other.totals and run.totals:
            differ = sum(a != b for a, b in zip(run.totals, other.totals, strict=True))
            lines.append(
                f"- {size:,} listings on {database}: result totals differ between backends on {differ} of "
                f"{len(run.totals)} pages"
            )
    return "\n".join(lines)
