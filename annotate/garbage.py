"""Garbage collection at safe points in a served worker, not inside whatever allocation crosses the threshold.

Python 3.11 collects cyclic garbage inside any allocation of a tracked object once the youngest generation's count
passes its threshold, so finalizers and weakref callbacks run in the middle of whatever C code allocated.
SQLAlchemy's identity map has such a callback: when a mapped object is collected, it changes its InstanceState's
attributes. Python 3.12 moved collection to the interpreter's eval breaker to stop collections at arbitrary points
(gh-97922).

Why the server does the same by hand: under bench/soak.py, gunicorn workers of the make-run server (8 threads
each) died of SIGSEGV, each time somewhere else (a page read, a flush, a session close) with the heap already
corrupt. Their core files showed a dictionary whose values had been freed while the dictionary was in use, and
pymalloc's free list broken. The crash was not SQLAlchemy's compiled extensions: it happened with its pure-Python
modules too. No connection was shared between threads, and no memory was allocated without the interpreter lock.
With collection moved here, no worker crashed under the same load. The cause inside the interpreter is not proven;
bench/soak.py, run while the cores are busy, is how to check again (README, "Crashes").

A worker turns automatic collection off (server.post_fork) and collects, by the same thresholds, when a request
has been answered (server.post_request) and at each step a job reports (annotate.jobs.runner). The CLI, the tests
and the development server keep Python's automatic collection.
"""
import gc


def collect_between_requests() -> None:
    """Stop collecting inside allocations, in this process; collect_if_due collects instead."""
    gc.disable()


def collect_if_due() -> int:
    """Collect what Python's automatic collector would have collected by now, if it is off: the youngest
    generation once its count passes its threshold, an older one once enough younger collections have passed.
    Called from Python code between units of work, where a finalizer or weakref callback can run safely."""
    if gc.isenabled():
        return 0
    young, middle, old = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count0 <= young:
        return 0
    return gc.collect(2 if count2 > old else 1 if count1 > middle else 0)
