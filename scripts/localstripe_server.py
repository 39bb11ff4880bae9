"""Run localstripe (a stateful fake of Stripe's API, for tests and benchmarks) on 127.0.0.1, its state in memory.

localstripe's own command listens on every interface and loads and saves its whole store in a fixed file,
/tmp/localstripe.pickle, shared by every run on the machine (and rewritten after every change). This launcher serves the
same aiohttp application on the loopback address only, starts empty and writes nothing to disk.

    .venv/bin/python scripts/localstripe_server.py --port 8420

Point the stripe library at http://127.0.0.1:PORT with any key starting `sk_test_`. Webhooks: POST
/_config/webhooks/<id> with `url` and `secret`; DELETE /_config/data empties the store.
"""

import argparse
import logging
import sys

from aiohttp import web
from localstripe import resources, server


def keep_in_memory(store):
    """Stop the store from reading or writing its pickle file (it looks both methods up on the instance)."""
    store.try_load_from_disk = lambda: None
    store.dump_to_disk = lambda: None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--access-log", action="store_true", help="log every request on stderr")
    args = parser.parse_args(argv)

    keep_in_memory(resources.store)
    # localstripe reports each webhook delivery (and its failure) on this logger.
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(message)s")
    web.run_app(
        server.app,
        host="127.0.0.1",
        port=args.port,
        access_log=logging.getLogger("aiohttp.access") if args.access_log else None,
        print=lambda message: print(message, file=sys.stderr, flush=True),
    )


if __name__ == "__main__":
    main()
