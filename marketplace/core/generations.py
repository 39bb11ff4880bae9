"""Values a process works out once and keeps until what they depend on changes, in this process or any other.

Each kind of value has a generation number in the default cache, shared by every process. `changed()` moves it on
(connect it to the signals of whatever the values are built from); a process that sees it has moved forgets every
value it kept of that kind. One cache read per lookup keeps a value current across processes without building it
again on every request.
"""

import threading
import time

from django.core.cache import cache


class ProcessMemo:
    def __init__(self, name):
        self.key = f"generation:{name}"
        self._generation = None
        self._values = {}
        self._lock = threading.Lock()

    def changed(self, *args, **kwargs):
        """Every kept value of this kind is out of date from now on. Takes any signal's arguments."""
        try:
            cache.incr(self.key)
        except ValueError:  # not there yet, or evicted
            self._new_generation()

    def _new_generation(self):
        # A value no process can have kept: restarting at 0 after an eviction could revive values kept under 0.
        generation = time.time_ns()
        cache.set(self.key, generation, timeout=None)
        return generation

    def values(self):
        """This generation's values ({key: value}), after forgetting those of an earlier one."""
        generation = cache.get(self.key)
        if generation is None:
            generation = self._new_generation()
        if generation != self._generation:
            with self._lock:
                self._values = {}
                self._generation = generation
        return self._values

    def get(self, key, build):
        """The value kept for `key`, or `build()` kept from now on."""
        values = self.values()
        if key not in values:
            values[key] = build()
        return values[key]

    def forget(self):
        """Forget this process's values (tests that count what is built from scratch use it)."""
        with self._lock:
            self._values = {}
            self._generation = None
