"""Values kept per process (marketplace.core.generations): a change made here shows at once; one made by another
process shows once this process next reads the shared generation, at most KEPT_VALUES_CHECK_SECONDS later."""

import pytest
from django.core.cache import cache

from marketplace.core import generations

pytestmark = pytest.mark.django_db  # `changed()` tells other processes once the transaction commits


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(generations.time, "monotonic", clock)
    return clock


def counting_builds():
    built = []

    def build():
        built.append(len(built) + 1)
        return f"value {len(built)}"

    return built, build


def test_a_value_is_built_once_and_kept(settings, clock):
    settings.KEPT_VALUES_CHECK_SECONDS = 1
    memo = generations.ProcessMemo("test-kept")
    built, build = counting_builds()
    assert memo.get("links", build) == "value 1"
    clock.now += 30
    assert memo.get("links", build) == "value 1"
    assert built == [1]


def test_a_change_in_this_process_shows_at_once(settings, clock):
    settings.KEPT_VALUES_CHECK_SECONDS = 1
    memo = generations.ProcessMemo("test-here")
    _built, build = counting_builds()
    memo.get("links", build)
    memo.changed()
    assert memo.get("links", build) == "value 2"


def test_another_processs_change_shows_within_the_check_interval(settings, clock):
    settings.KEPT_VALUES_CHECK_SECONDS = 1
    memo = generations.ProcessMemo("test-elsewhere")
    _built, build = counting_builds()
    memo.get("links", build)
    cache.incr(memo.key)  # what `changed()` does in another process: only the shared number moves
    clock.now += 0.5
    assert memo.get("links", build) == "value 1"
    clock.now += 0.6
    assert memo.get("links", build) == "value 2"


def test_with_no_interval_every_lookup_sees_the_shared_generation(settings, clock):
    settings.KEPT_VALUES_CHECK_SECONDS = 0
    memo = generations.ProcessMemo("test-tests")
    _built, build = counting_builds()
    memo.get("links", build)
    cache.incr(memo.key)
    assert memo.get("links", build) == "value 2"


def test_a_lost_generation_starts_afresh(settings, clock):
    settings.KEPT_VALUES_CHECK_SECONDS = 0
    memo = generations.ProcessMemo("test-evicted")
    _built, build = counting_builds()
    memo.get("links", build)
    cache.clear()  # evicted, or the cache restarted
    assert memo.get("links", build) == "value 2"
