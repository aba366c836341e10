"""A served worker collects garbage between requests and job steps, never inside an allocation (annotate.garbage):
Python 3.11's collector, run inside allocations, let weakref callbacks corrupt the heap under load (bench/soak.py)."""
import faulthandler
import gc
import time
import weakref

import pytest

from annotate import garbage
from annotate import server
from annotate.jobs.runner import Progress


class Cycle:
    def __init__(self):
        self.me = self


@pytest.fixture
def worker_settings():
    """The worker's settings, as gunicorn's post_fork applies them, undone afterwards for the other tests."""
    handling = faulthandler.is_enabled()
    gc.collect()
    try:
        server.post_fork(None, None)
        yield
    finally:
        gc.enable()
        if not handling:
            faulthandler.disable()


LIVE = []


def cycles_past_the_threshold() -> list[weakref.ref]:
    """Cyclic garbage, and enough new live objects for the automatic collector to have run many times over (the
    count goes down again as tracked objects are freed, so they are kept). The margin is wide because the count is
    the process's: a thread left running by an earlier test (a live server) frees objects too, and with a margin of
    twice the threshold CI once found the count back under it."""
    refs = [weakref.ref(Cycle()) for _ in range(50)]
    LIVE.append([[] for _ in range(20 * gc.get_threshold()[0])])
    return refs


def test_a_worker_collects_only_when_a_request_is_answered(worker_settings):
    assert not gc.isenabled()
    refs = cycles_past_the_threshold()
    assert all(r() is not None for r in refs)  # no collection inside those allocations
    server.post_request(None, None, None, None)
    assert all(r() is None for r in refs)
    assert gc.get_count()[0] < gc.get_threshold()[0]


def test_a_request_with_little_garbage_does_not_pay_for_a_collection(worker_settings):
    gc.collect()
    refs = [weakref.ref(Cycle()) for _ in range(5)]
    server.post_request(None, None, None, None)
    assert all(r() is not None for r in refs)  # not due yet: the next request's end will take them
    assert garbage.collect_if_due() == 0


def test_older_generations_are_collected_as_often_as_the_automatic_collector_would(worker_settings):
    _, middle, _ = gc.get_threshold()
    collected = []

    def note(phase, info):
        if phase == "start":
            collected.append(info["generation"])

    gc.collect()
    gc.callbacks.append(note)
    try:
        for _ in range(middle + 2):
            cycles_past_the_threshold()
            garbage.collect_if_due()
            assert gc.get_count()[1] <= middle + 1  # generation 1 is collected in its turn, not left to grow
    finally:
        gc.callbacks.remove(note)
    assert collected.count(0) >= middle and max(collected) >= 1


def test_a_long_job_collects_at_its_steps(worker_settings):
    progress = Progress(job_id=0)
    progress.last = time.monotonic()  # reported just now: this step writes nothing
    refs = cycles_past_the_threshold()
    progress(1, 10, "reading")
    assert all(r() is None for r in refs)


def test_outside_the_server_python_collects_as_usual():
    assert gc.isenabled()
    gc.collect()
    refs = cycles_past_the_threshold()
    assert garbage.collect_if_due() == 0
    assert all(r() is None for r in refs)  # the automatic collector ran inside the allocations
