"""The servers `benchmark_search.py` measures: an OpenSearch node, a scratch PostgreSQL database, the site under
gunicorn (production settings), and wrk as its clients. Each runs for as long as its `with` block; memory and CPU
figures come from /proc."""

import json
import os
import secrets
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
OPENSEARCH_SCRIPT = ROOT / "scripts" / "opensearch-test-server.sh"
BIN = Path(sys.executable).parent
ENGINE_START_SECONDS = 180
SITE_START_SECONDS = 120
LOG_TAIL = 3000


def free_port(ports):
    """The first port of `ports` (a range) nobody listens on at 127.0.0.1."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"no free port in {ports.start}-{ports.stop - 1}")


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (a local server)
            return response.status == 200
    except OSError:
        return False


def tail(path):
    return Path(path).read_text(errors="replace")[-LOG_TAIL:] if Path(path).exists() else ""


# --- /proc ------------------------------------------------------------------------------------------------------


def status_mb(pid, key="VmHWM"):
    """A memory figure of a process from /proc (VmHWM: its peak resident set), in MB; None if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def reset_peak(pid="self"):
    """Start a new peak resident-set measurement for a process (Linux 4+); False where it cannot be reset."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def cpu_seconds(pid):
    """CPU time a process has used so far (user + system); 0 where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid):
    pids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return pids


# --- The engine -------------------------------------------------------------------------------------------------


class OpenSearch:
    """The tests' OpenSearch node (scripts/opensearch-test-server.sh) with a benchmark's JVM: a fixed `heap`, the
    optimising JIT and G1 (the test defaults favour a quick start). Data under `home`, on disk as in production."""

    def __init__(self, home, ports, heap):
        self.home, self.ports, self.heap = Path(home), ports, heap
        self.process = self.url = None

    def __enter__(self):
        built = subprocess.run([str(OPENSEARCH_SCRIPT), "build"], capture_output=True, text=True)  # noqa: S603
        if built.returncode:
            raise SystemExit(f"building OpenSearch failed ({OPENSEARCH_SCRIPT} build):\n{built.stderr[-LOG_TAIL:]}")
        shutil.rmtree(self.home, ignore_errors=True)
        self.home.mkdir(parents=True)
        self.log = self.home / "node.log"
        options = f"-Xms{self.heap} -Xmx{self.heap} -XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC"
        port = free_port(self.ports)
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
                [str(OPENSEARCH_SCRIPT), "start", "--home", str(self.home / "node"), "--port", str(port)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env={**os.environ, "OPENSEARCH_JAVA_OPTS": options},
            )
        deadline = time.monotonic() + ENGINE_START_SECONDS
        while time.monotonic() < deadline and not self.url:
            if select.select([self.process.stdout], [], [], 0.5)[0]:
                line = self.process.stdout.readline().strip()
                if line.startswith("http://"):
                    self.url = line
            if self.process.poll() is not None:
                break
        if not self.url:
            self.__exit__()
            raise SystemExit(f"OpenSearch did not start:\n{tail(self.log)}")
        return self

    @property
    def pid(self):
        return self.process.pid  # the script execs java: the same process

    def __exit__(self, *exc):
        if not self.process:
            return
        self.process.stdin.close()  # the node stops when its standard input closes
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.home, ignore_errors=True)


# --- PostgreSQL -------------------------------------------------------------------------------------------------


def postgres_server_url():
    """The local test PostgreSQL (scripts/postgres-test-server.sh starts it, installing it if needed)."""
    return subprocess.run(  # noqa: S603
        [str(ROOT / "scripts" / "postgres-test-server.sh")], capture_output=True, text=True, check=True
    ).stdout.strip()


@contextmanager
def scratch_postgres(server_url, name):
    """A new, empty database `name` on the server of `server_url` (whose own database is never touched), dropped
    afterwards. Yields its URL."""
    import psycopg

    parts = urlsplit(server_url)
    if parts.path.lstrip("/") == name:
        raise SystemExit(f"the benchmark's database must not be the server's own ({name})")

    maintenance = urlunsplit(parts._replace(path="/postgres"))  # the server's own database may not exist

    def execute(statement):
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(statement)

    execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- The site ---------------------------------------------------------------------------------------------------


def production_environment(workdir, database_url, search):
    """What scripts/serve.sh gives the production settings on a loopback machine, pointed at the benchmark's database
    and engine (`search`: LISTING_SEARCH_* variables)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "off",
        "BEHIND_TLS_PROXY": "off",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "json",  # the benchmark counts the engine's warnings in the log
        "REDIS_URL": "",
        "BASE_URL": "http://127.0.0.1",
        **search,
    }


def prepare_production(environment):
    """Static files (the manifest the production settings need) and the database cache tables."""
    for command in (["collectstatic", "--no-input", "-v0"], ["createcachetable"]):
        subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *command], env=environment, cwd=ROOT, check=True
        )


class Gunicorn:
    """The site under gunicorn as production runs it (gunicorn.conf.py: 2 workers per core, 2 threads each)."""

    def __init__(self, environment, ports, log):
        self.environment, self.ports, self.log = environment, ports, Path(log)
        self.process = self.url = None

    def __enter__(self):
        port = free_port(self.ports)
        self.url = f"http://127.0.0.1:{port}"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 (the project's gunicorn, fixed arguments)
                [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
                cwd=ROOT,
                env={**self.environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        deadline = time.monotonic() + SITE_START_SECONDS
        while not answers(self.url + "/health/"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise SystemExit(f"gunicorn did not start at {self.url}:\n{tail(self.log)}")
            time.sleep(0.2)
        return self

    def warnings_from(self, logger_name):
        """How many warnings `logger_name` has written to the log so far (the production settings log JSON lines)."""
        count = 0
        for line in self.log.read_text(errors="replace").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and (record.get("logger"), record.get("level")) == (logger_name, "WARNING"):
                count += 1
        return count

    def worker_cpu_seconds(self):
        return {pid: cpu_seconds(pid) for pid in children(self.process.pid)}

    def worker_peaks_mb(self):
        return [mb for pid in children(self.process.pid) if (mb := status_mb(pid)) is not None]

    def __exit__(self, *exc):
        if not self.process:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- The clients ------------------------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {}
for line in io.lines(%(paths)s) do paths[#paths + 1] = line end
local threads = {}
function setup(thread)
  thread:set("start", #threads * 131)
  table.insert(threads, thread)
end
function init(args)
  counter = start or 0
  server_errors = 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[counter %% #paths + 1])
end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local e, failed = summary.errors, 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("server_errors") end
  io.write(string.format(
    '\\nRESULT {"requests": %%d, "seconds": %%f, "socket_errors": %%d, "server_errors": %%d, ' ..
    '"p50_ms": %%f, "p95_ms": %%f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, failed,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


def wrk(url, paths_file, clients, seconds):
    """`clients` clients (one thread each) requesting the paths in turn for `seconds`, each from a different place in
    the list. A new connection per page, as a reverse proxy without upstream keep-alive (nginx's default) makes, so
    the pages spread over gunicorn's workers. Returns pages per second, latency and failures (5xx, socket errors)."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk), or pass --http-seconds 0")
    script = Path(paths_file).with_suffix(".lua")
    script.write_text(WRK_SCRIPT % {"paths": json.dumps(str(paths_file))})
    finished = subprocess.run(  # noqa: S603
        [shutil.which("wrk"), "-t", str(clients), "-c", str(clients), "-d", f"{seconds}s", "--timeout", "10s"]
        + ["-H", "Connection: close"]
        + ["-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    [line] = [line for line in finished.stdout.splitlines() if line.startswith("RESULT ")]
    result = json.loads(line.removeprefix("RESULT "))
    result["pages_per_second"] = result["requests"] / result["seconds"]
    return result
