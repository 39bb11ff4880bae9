"""Counts of the cases sent and the server errors met, for the summary at the end of the test run."""

from collections import Counter

cases = Counter()  # target -> requests sent
errors = Counter()  # target -> server errors (status 500 or an exception)
seconds = Counter()  # target -> time spent in requests
cpu_seconds = Counter()  # target -> processor time spent in requests


def record(target, elapsed, cpu, server_error=False):
    cases[target] += 1
    seconds[target] += elapsed
    cpu_seconds[target] += cpu
    if server_error:
        errors[target] += 1


def summary_lines(verbose=False):
    if not cases:
        return []
    lines = [
        f"fuzz: {sum(cases.values())} generated cases across {len(cases)} views, "
        f"{sum(errors.values())} server errors, {sum(seconds.values()):.1f}s in requests "
        f"({sum(cpu_seconds.values()):.1f}s of processor time)"
    ]
    if verbose:
        for target, count in sorted(cases.items()):
            lines.append(
                f"  {target}: {count} cases, {errors[target]} server errors, {seconds[target]:.1f}s "
                f"({1000 * cpu_seconds[target] / count:.0f} ms of processor time each)"
            )
    return lines
