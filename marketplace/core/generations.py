"""Values a process works out once and keeps until what they depend on changes, in this process or any other.

Each kind of value has a generation number in the default cache, shared by every process. `changed()` (connect it to
the signals of whatever the values are built from) forgets this process's values at once and moves the shared number
on once the transaction commits: moved earlier, another process could rebuild from the rows as they were before the
commit and keep that; and written inside the transaction (the database cache), it would hold a lock until the commit.
Another process reads the shared number at most every KEPT_VALUES_CHECK_SECONDS (1 s in production, 0 in tests) and
forgets its values when it has moved on. So another process may use values up to that old, as a search engine's
index lags a write by its refresh interval, while a request reads the cache (a database table without Redis) about
once a second per process rather than at every lookup.

If the cache cannot be reached, values are built afresh for every lookup (and the failure logged): pages slow down but
never show stale values or fail.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)


class ProcessMemo:
    def __init__(self, name, max_values=None):
        """`max_values`: forget everything kept when there would be more (for values keyed by what a request says)."""
        self.key = f"generation:{name}"
        self.max_values = max_values
        self._generation = None
        self._checked_at = float("-inf")
        self._values = {}
        self._lock = threading.Lock()

    def changed(self, *args, **kwargs):
        """Every kept value of this kind is out of date from now on. Takes any signal's arguments."""
        self.forget()  # this process sees its own change at once
        transaction.on_commit(self._move_shared_generation)

    def _move_shared_generation(self):
        self.forget()  # a thread may have rebuilt from the rows before the commit meanwhile
        try:
            try:
                cache.incr(self.key)
            except ValueError:  # not there yet, or evicted
                self._new_generation()
        except Exception:
            logger.exception("Could not tell other processes that %s changed", self.key)

    def _new_generation(self):
        # A value no process can have kept: restarting at 0 after an eviction could revive values kept under 0.
        generation = time.time_ns()
        cache.set(self.key, generation, timeout=None)
        return generation

    def values(self):
        """This generation's values ({key: value}), after forgetting those of an earlier one."""
        now = time.monotonic()
        if self._generation is None or now - self._checked_at >= settings.KEPT_VALUES_CHECK_SECONDS:
            try:
                generation = cache.get(self.key)
                if generation is None:
                    generation = self._new_generation()
            except Exception:
                logger.exception("Could not read %s: nothing is kept until the cache answers", self.key)
                self.forget()
                return {}
            with self._lock:
                if generation != self._generation:
                    self._values = {}
                    self._generation = generation
                self._checked_at = now
        return self._values

    def get(self, key, build):
        """The value kept for `key`, or `build()` kept from now on."""
        values = self.values()
        if key not in values:
            if self.max_values is not None and len(values) >= self.max_values:
                values.clear()
            values[key] = build()
        return values[key]

    def forget(self):
        """Forget this process's values (tests that count what is built from scratch use it)."""
        with self._lock:
            self._values = {}
            self._generation = None
            self._checked_at = float("-inf")
