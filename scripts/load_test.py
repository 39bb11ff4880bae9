"""A bounded load test of a running site on this machine: a realistic mix of anonymous pages, replayed for a fixed
time by a few client processes with keep-alive connections, then requests a second and p95 per kind of page.

    make serve                                  # in one terminal (production settings, gunicorn)
    .venv/bin/python scripts/load_test.py       # in another; --help for the options

Loopback only: it refuses any other address, so it can never be pointed at someone else's server. The clients run
on the same cores as the server, so the figures are a floor for the server alone; the load average at the start and
end is printed beside them.
"""

import argparse
import http.client
import ipaddress
import multiprocessing
import os
import random
import re
import socket
import time
from collections import defaultdict
from urllib.parse import urlsplit

# Kind of page: (share of requests, how to find its addresses). Shares follow what visitors mostly do: read guidance,
# look at listings, start at the home page, search now and then, sign in rarely.
MIX = {
    "guidance": 40,
    "listing": 25,
    "home": 12,
    "glossary": 5,
    "search": 10,
    "sign-in": 8,
}
SEARCHES = [
    "/find-support/?where=EH6+8RG",
    "/find-support/?where=G2&q=dementia",
    "/find-support/?where=IV2",
    "/find-support/?where=Edinburgh&q=personal+care",
    "/find-support/?where=AB10",
    "/find-support/?where=EH1",
]
GUIDANCE_LINK = re.compile(r'href="((?:/[a-z]{2}(?:-[a-z]+)?)?/guidance/[a-z0-9-]+/)"')
# As a visitor arrives from the results: with the place searched for, so the page shows the distance.
LISTING_LINK = re.compile(r'href="(/support/[a-z0-9-]+/(?:\?where=[^"]*)?)"')


def loopback_only(base):
    parts = urlsplit(base)
    host = parts.hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, parts.port or 80)}
    except socket.gaierror as error:
        raise SystemExit(f"load_test: cannot resolve {host}: {error}") from error
    if parts.scheme != "http" or not all(ipaddress.ip_address(a).is_loopback for a in addresses):
        raise SystemExit(f"load_test: refusing {base}: only http:// on a loopback address (127.0.0.1, localhost)")
    return parts.hostname, parts.port or 80


def fetch(connection, path):
    connection.request("GET", path, headers={"Accept-Encoding": "gzip", "Host": "localhost"})
    response = connection.getresponse()
    body = response.read()
    return response.status, body


def discover(host, port):
    """Addresses of each kind, read from the site itself (guidance links from the library, listings from searches)."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Host": "localhost"}
    found = {"home": ["/", "/ur/", "/pl/"], "glossary": ["/glossary/"], "sign-in": ["/accounts/login/"]}
    connection.request("GET", "/guidance/", headers=headers)
    guidance = set(GUIDANCE_LINK.findall(connection.getresponse().read().decode()))
    found["guidance"] = sorted(guidance)[:40] or ["/guidance/"]
    listings = set()
    for search in SEARCHES:
        connection.request("GET", search, headers=headers)
        listings.update(LISTING_LINK.findall(connection.getresponse().read().decode()))
    if not listings:
        raise SystemExit("load_test: no listing links found in search results: is demo data loaded?")
    found["listing"] = sorted(listings)[:60]
    found["search"] = SEARCHES
    connection.close()
    return found


def client(args):
    host, port, addresses, seconds, seed, results = args
    rng = random.Random(seed)  # noqa: S311 - a repeatable mix of pages, not a secret
    kinds = list(MIX)
    weights = [MIX[kind] for kind in kinds]
    timings = defaultdict(list)
    errors = defaultdict(int)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        path = rng.choice(addresses[kind])
        started = time.perf_counter()
        try:
            status, _body = fetch(connection, path)
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
            errors[kind] += 1
            continue
        timings[kind].append(time.perf_counter() - started)
        if status != 200:
            errors[kind] += 1
    connection.close()
    results.put((dict(timings), dict(errors)))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000", help="the site (loopback only)")
    parser.add_argument("--seconds", type=float, default=20, help="how long to replay (at most 300)")
    parser.add_argument("--clients", type=int, default=8, help="simultaneous connections (at most 64)")
    parser.add_argument("--warm-up", type=float, default=3, help="seconds of the same mix first, not counted")
    parser.add_argument("--only", choices=list(MIX), help="one kind of page alone: its capacity, not its share")
    args = parser.parse_args()
    if args.only:
        for kind in MIX:
            MIX[kind] = 1 if kind == args.only else 0
    seconds, clients = min(args.seconds, 300), max(1, min(args.clients, 64))
    host, port = loopback_only(args.base)
    addresses = discover(host, port)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()

    def replay(duration):
        jobs = [(host, port, addresses, duration, seed, queue) for seed in range(clients)]
        processes = [context.Process(target=client, args=(job,)) for job in jobs]
        for process in processes:
            process.start()
        collected = [queue.get() for _ in processes]
        for process in processes:
            process.join()
        return collected

    if args.warm_up:
        replay(args.warm_up)
    load_before = os.getloadavg()
    started = time.monotonic()
    collected = replay(seconds)
    elapsed = time.monotonic() - started
    load_after = os.getloadavg()

    timings, errors = defaultdict(list), defaultdict(int)
    for got, failed in collected:
        for kind, values in got.items():
            timings[kind].extend(values)
        for kind, count in failed.items():
            errors[kind] += count
    total = sum(len(values) for values in timings.values())
    print(f"{clients} clients for {elapsed:.1f} s against {args.base}; cores: {os.cpu_count()}; "
          f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")  # fmt: skip
    print(f"{'page':10} {'requests':>9} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'errors':>7}")
    for kind in [kind for kind in MIX if MIX[kind]]:
        values = timings.get(kind, [])
        print(
            f"{kind:10} {len(values):9d} {len(values) / elapsed:8.1f} {percentile(values, 0.5) * 1000:7.1f} "
            f"{percentile(values, 0.95) * 1000:7.1f} {errors.get(kind, 0):7d}"
        )
    everything = [value for values in timings.values() for value in values]
    print(
        f"{'all':10} {total:9d} {total / elapsed:8.1f} {percentile(everything, 0.5) * 1000:7.1f} "
        f"{percentile(everything, 0.95) * 1000:7.1f} {sum(errors.values()):7d}"
    )


if __name__ == "__main__":
    main()
