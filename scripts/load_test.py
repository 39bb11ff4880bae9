"""A bounded load test of a running site on this machine: a realistic mix of anonymous pages, replayed for a fixed
time over a few keep-alive connections, then requests a second, p50 and p95 per kind of page.

    make serve                                  # in one terminal (production settings, gunicorn)
    .venv/bin/python scripts/load_test.py       # in another; --help for the options

Loopback only: it refuses any other address, so it can never be pointed at someone else's server. The client shares
the cores with the server, so it is kept cheap: two processes (one a core) drive the connections with asyncio and read
responses with a minimal HTTP/1.1 parser, a fraction of the CPU http.client in a process per connection took. The
load average at the start and end is printed beside the figures.
"""

import argparse
import asyncio
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
TIMEOUT_SECONDS = 30
# The only response headers the client reads: where the body ends, and whether the connection stays open.
FRAMING_HEADER = re.compile(rb"\r\n(content-length|transfer-encoding|connection):([^\r]*)", re.IGNORECASE)


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


def request_bytes(path):
    return f"GET {path} HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n\r\n".encode("latin-1")


def _chunked_body_end(buffer, position):
    """Where a chunked body starting at `position` ends (after its trailers), or None if it has not all arrived."""
    while True:
        line_end = buffer.find(b"\r\n", position)
        if line_end < 0:
            return None
        size = int(bytes(buffer[position:line_end]).split(b";")[0], 16)
        position = line_end + 2
        if size == 0:
            while (line_end := buffer.find(b"\r\n", position)) != position:  # trailers, up to an empty line
                if line_end < 0:
                    return None
                position = line_end + 2
            return position + 2
        position += size + 2
        if position > len(buffer):
            return None


def parse_response(buffer, closed):
    """(status, whether the connection stays open, bytes it took) once a whole response is in `buffer`, else None.
    The body's length comes from Content-Length, chunked encoding, or the server closing the connection."""
    head_end = buffer.find(b"\r\n\r\n")
    if head_end < 0:
        return None
    head = bytes(buffer[:head_end])
    version, status = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)[:2]
    headers = {name.lower(): value.strip().lower() for name, value in FRAMING_HEADER.findall(head)}
    keep_open = version == "HTTP/1.1" and headers.get(b"connection") != b"close"
    body_start = head_end + 4
    if b"content-length" in headers:
        end = body_start + int(headers[b"content-length"])
        end = end if end <= len(buffer) else None
    elif headers.get(b"transfer-encoding") == b"chunked":
        end = _chunked_body_end(buffer, body_start)
    else:
        end, keep_open = (len(buffer) if closed else None), False
    return None if end is None else (int(status), keep_open, end)


class Connection(asyncio.Protocol):
    """One keep-alive connection, one request at a time. A protocol rather than asyncio's streams: it costs the
    shared cores far less per response."""

    def __init__(self):
        self.buffer = bytearray()
        self.closed = False
        self.waiting = None
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        self._answer()

    def connection_lost(self, exc):
        self.closed = True
        self._answer()

    def _answer(self):
        if self.waiting is None or self.waiting.done():
            return
        parsed = parse_response(self.buffer, self.closed)
        if parsed is not None:
            status, keep_open, used = parsed
            del self.buffer[:used]
            self.waiting.set_result((status, keep_open))
        elif self.closed:
            self.waiting.set_exception(ConnectionResetError("closed before the whole response"))

    async def get(self, request):
        self.waiting = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return await self.waiting


async def client(host, port, addresses, deadline, seed, timings, errors):
    """One visitor after another on one connection, opened again whenever the server closes it."""
    rng = random.Random(seed)  # noqa: S311 - a repeatable mix of pages, not a secret
    kinds = [kind for kind in MIX if MIX[kind]]
    weights = [MIX[kind] for kind in kinds]
    requests = {path: request_bytes(path) for kind in kinds for path in addresses[kind]}
    loop = asyncio.get_running_loop()
    connection = None
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        path = rng.choice(addresses[kind])
        started = time.perf_counter()
        try:
            async with asyncio.timeout(TIMEOUT_SECONDS):
                if connection is None:
                    _transport, connection = await loop.create_connection(Connection, host, port)
                status, keep_open = await connection.get(requests[path])
        except (TimeoutError, OSError, ValueError):
            status, keep_open = None, False
        if status is None:
            errors[kind] += 1
        else:
            timings[kind].append(time.perf_counter() - started)
            if status != 200:
                errors[kind] += 1
        if not keep_open and connection is not None:
            connection.transport.close()
            connection = None
    if connection is not None:
        connection.transport.close()


async def replay_in_process(host, port, addresses, seconds, seeds):
    timings, errors = defaultdict(list), defaultdict(int)
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(host, port, addresses, deadline, seed, timings, errors) for seed in seeds))
    return dict(timings), dict(errors)


def _process(host, port, addresses, seconds, seeds, results):
    results.put(asyncio.run(replay_in_process(host, port, addresses, seconds, seeds)))


def replay(host, port, addresses, seconds, clients, processes):
    """Timings and errors by kind of page, from `clients` connections shared out between `processes` processes."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    shares = [range(clients)[number::processes] for number in range(min(processes, clients))]
    workers = [
        context.Process(target=_process, args=(host, port, addresses, seconds, seeds, results)) for seeds in shares
    ]
    for worker in workers:
        worker.start()
    timings, errors = defaultdict(list), defaultdict(int)
    for _ in workers:
        got, failed = results.get()
        for kind, values in got.items():
            timings[kind].extend(values)
        for kind, count in failed.items():
            errors[kind] += count
    for worker in workers:
        worker.join()
    return timings, errors


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000", help="the site (loopback only)")
    parser.add_argument("--seconds", type=float, default=20, help="how long to replay (at most 300)")
    parser.add_argument("--clients", type=int, default=8, help="simultaneous keep-alive connections (at most 64)")
    parser.add_argument(
        "--processes", type=int, default=2, help="client processes sharing the connections (at most 4; one per core)"
    )
    parser.add_argument("--warm-up", type=float, default=3, help="seconds of the same mix first, not counted")
    parser.add_argument("--only", choices=list(MIX), help="one kind of page alone: its capacity, not its share")
    args = parser.parse_args()
    if args.only:
        for kind in MIX:
            MIX[kind] = 1 if kind == args.only else 0
    seconds, clients = min(args.seconds, 300), max(1, min(args.clients, 64))
    host, port = loopback_only(args.base)
    try:
        addresses = discover(host, port)
    except OSError as error:
        raise SystemExit(f"load_test: cannot reach {args.base}: {error}") from error
    processes = max(1, min(args.processes, 4))
    if args.warm_up:
        replay(host, port, addresses, args.warm_up, clients, processes)
    load_before = os.getloadavg()
    started = time.monotonic()
    timings, errors = replay(host, port, addresses, seconds, clients, processes)
    elapsed = time.monotonic() - started
    load_after = os.getloadavg()

    total = sum(len(values) for values in timings.values())
    print(f"{clients} clients in {processes} processes for {elapsed:.1f} s against {args.base}; "
          f"cores: {os.cpu_count()}; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")  # fmt: skip
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
