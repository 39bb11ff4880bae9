"""The search engine the search tests run against, started once per test session.

By default a real OpenSearch 2.19 node, built from Maven Central and started by scripts/opensearch-test-server.sh
(Java 17 and Maven are installed with apt when missing). There is no stand-in: osmem-server, an in-memory
Elasticsearch/OpenSearch API once used for a quick loop, has no `scripted_metric` aggregation, which every listing
search needs for its fair prices (`search/backends/engine_fair_prices.py`).
"""

import os
import select
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from elastic_transport import HttpHeaders, Urllib3HttpNode

ROOT = Path(__file__).resolve().parent.parent
OPENSEARCH_SCRIPT = ROOT / "scripts" / "opensearch-test-server.sh"
BUILD_TIMEOUT_SECONDS = 20 * 60  # a fresh machine installs a JDK and Maven, then downloads the jars
START_TIMEOUT_SECONDS = 180
STOP_TIMEOUT_SECONDS = 30
LOG_TAIL_CHARACTERS = 4000

# The node's data in memory where the machine offers it: creating and dropping an index per test is then about three
# times faster (no waits for the disk to confirm each cluster state change).
SHARED_MEMORY = Path("/dev/shm")  # noqa: S108 (TemporaryDirectory makes a private folder of its own in it)
MEMORY_DIRECTORY = SHARED_MEMORY if os.access(SHARED_MEMORY, os.W_OK) else None

JSON = "application/json"
NDJSON = "application/x-ndjson"


class EngineNotStarted(Exception):
    pass


# Settings that point listing search at the test engine (the URL apart).
LISTING_SEARCH_SETTINGS = {"LISTING_SEARCH_ENGINE": "opensearch", "LISTING_SEARCH_NODE_CLASS": None}


def _tail(path_or_text):
    text = path_or_text.read_text(errors="replace") if isinstance(path_or_text, Path) else path_or_text
    return text[-LOG_TAIL_CHARACTERS:]


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=0.5) as response:  # noqa: S310 (a local test server)
            return response.status == 200
    except OSError:
        return False


def _stop(process):
    if process.stdin:
        process.stdin.close()  # the node stops when its standard input closes
    try:
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _address(process, log, deadline):
    """The first line the launcher prints (its URL), or EngineNotStarted with the end of its log."""
    while time.monotonic() < deadline:
        readable, _, _ = select.select([process.stdout], [], [], 0.5)
        if readable:
            line = process.stdout.readline().strip()
            if line.startswith("http://"):
                return line
        if process.poll() is not None:
            raise EngineNotStarted(f"OpenSearch exited with status {process.returncode}:\n{_tail(log)}")
    raise EngineNotStarted(f"OpenSearch did not start within {START_TIMEOUT_SECONDS} s:\n{_tail(log)}")


@contextmanager
def opensearch():
    """Build if needed, start a node and yield its URL; stop it afterwards. Raises `EngineNotStarted`, saying why."""
    try:
        built = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
            [str(OPENSEARCH_SCRIPT), "build"], capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired as error:
        raise EngineNotStarted(f"building OpenSearch took over {BUILD_TIMEOUT_SECONDS} s") from error
    if built.returncode:
        raise EngineNotStarted(f"building OpenSearch failed ({OPENSEARCH_SCRIPT} build):\n{_tail(built.stderr)}")
    with tempfile.TemporaryDirectory(prefix="sds-opensearch-", dir=MEMORY_DIRECTORY) as home:
        log = Path(home) / "node.log"
        with log.open("w") as log_file:
            process = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
                [str(OPENSEARCH_SCRIPT), "start", "--home", str(Path(home) / "node")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log_file,
                text=True,
            )
            try:
                yield _address(process, log, time.monotonic() + START_TIMEOUT_SECONDS)
            finally:
                _stop(process)


class PlainJsonNode(Urllib3HttpNode):
    """OpenSearch answers 406 to the elasticsearch client's `vnd.elasticsearch+json; compatible-with=8` media type
    (a real Elasticsearch accepts it), so tests send plain JSON; bulk and msearch bodies stay newline-delimited JSON."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        headers = HttpHeaders(headers or {})
        if "accept" in headers:
            headers["accept"] = JSON
        if content_type := headers.get("content-type"):
            headers["content-type"] = NDJSON if "ndjson" in content_type else JSON
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


class ElasticsearchClientNode(PlainJsonNode):
    """Lets the elasticsearch client's code path run against the test OpenSearch, which (unlike Elasticsearch) does
    not name itself Elasticsearch in a response header, which the client insists on."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        response = super().perform_request(method, target, body=body, headers=headers, **kwargs)
        response.meta.headers["x-elastic-product"] = "Elasticsearch"
        return response
