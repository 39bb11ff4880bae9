"""The search benchmark's report (`scripts/benchmark_search_report.py`): the table the README's performance table is
pasted from, and the verdicts against issue 14's targets."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "benchmark_search_report.py"


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location("benchmark_search_report", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(report, backend, database, size, page_ms, engine_ms=(), cpu_ms=10, eight_clients=None):
    http = {}
    if eight_clients is not None:
        for clients, rate in (("1", eight_clients / 4), ("8", eight_clients)):
            http[clients] = {"pages_per_second": rate, "socket_errors": 0, "server_errors": 0}
    return report.Run(
        backend,
        database,
        size,
        index_seconds=12.34 if backend == "elasticsearch" else None,
        latencies=[page_ms / 1000] * 100,
        cpu=[cpu_ms / 1000] * 100,
        engine_ms=list(engine_ms) or ([] if backend == "database" else [5] * 100),
        totals=[20] * 100,
        statuses={200: 100},
        http=http,
        worker_peaks_mb=[150.0, 160.0, 155.0, 152.0],
        engine_peak_mb=900.0 if backend == "elasticsearch" else None,
    )


def test_each_run_is_one_row_with_its_figures(report):
    runs = [
        _run(report, "elasticsearch", "sqlite", 100_000, 40, eight_clients=120),
        _run(report, "database", "postgresql", 10_000, 150),
    ]

    lines = report.table(runs).splitlines()

    assert len(lines) == 4  # header, rule, two runs
    engine = [cell.strip() for cell in lines[2].strip("|").split("|")]
    assert engine[:9] == ["elasticsearch", "sqlite", "100,000", "12.3 s", "40", "40", "40", "5 / 5", "10"]
    assert engine[10:13] == ["30.0", "120.0", "20.0"]
    assert engine[13:17] == ["160 / 617", "900", "0 / 0", "0"]
    database = [cell.strip() for cell in lines[3].strip("|").split("|")]
    assert database[3] == "–" and database[7] == "–" and database[14] == "–"


def test_verdicts_judge_each_target_at_its_size(report):
    runs = [
        _run(report, "database", "sqlite", 10_000, 90, eight_clients=80),
        _run(report, "database", "postgresql", 10_000, 150),
        _run(report, "elasticsearch", "sqlite", 10_000, 20, eight_clients=130),
        _run(report, "elasticsearch", "sqlite", 100_000, 60, engine_ms=[30] * 100, cpu_ms=30),
    ]

    lines = report.verdicts(runs).splitlines()

    assert "database on sqlite, 10,000 listings: page p95 90 ms, target ≤ 100 ms: met" in lines[0]
    assert "database on postgresql, 10,000 listings: page p95 150 ms, target ≤ 100 ms: MISSED" in lines[1]
    assert "page p95 60 ms, target ≤ 50 ms: MISSED; the engine's own p95 30 ms: met" in lines[2]
    assert "page CPU p95 30 ms, target ≤ 25 ms: MISSED" in lines[2]
    assert "database on sqlite, 10,000 listings: 80.0 results pages/s with 8 clients" in lines[3]
    assert lines[3].endswith("MISSED") and lines[4].endswith("met")
    assert "10,000 listings on sqlite: result totals differ between backends on 0 of 100 pages" in lines[5]
