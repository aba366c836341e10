"""Settings of the production server `make run` starts: gunicorn with threaded workers.

Why gunicorn: the usual WSGI server for Flask on Linux; a crashed or leaking worker is replaced
without dropping the site, and threads let requests that wait on the database overlap. Two worker
processes (one per core on the reference machine) with eight threads each; override with
WEB_CONCURRENCY and THREADS. Requests longer than `timeout` are cut off, so long work (a large
import, suggestions for a huge article) must not run inside a request.
"""
import faulthandler
import gc
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("THREADS", "8"))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
max_requests = 5000  # recycle a worker now and then, so a slow leak never grows without bound
max_requests_jitter = 500
accesslog = os.environ.get("ACCESS_LOG", "-")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    """A worker that crashes in C code (SIGSEGV, SIGABRT, SIGBUS) writes every thread's Python stack to the error
    log before it dies, so the cause can be found (bench/soak.py counts such crashes).

    The worker's threads hand the interpreter lock on at Python's default interval (5 ms). A 1 ms interval once
    shortened the write lock's hold, when a write did 2-3 ms of Python inside it; since a write does a fraction of
    that there (prebuilt statements, rows inserted without the flush), the extra switching only cost CPU: in runs
    taken in turn (bench/load.py, 15 s of writers, 20 s mixed), 5 ms gave 381-429 writes/s and 181-210 mixed req/s,
    against 352-423 and 180-191 at 1 ms.

    The worker collects garbage between requests rather than inside allocations (annotate.garbage)."""
    faulthandler.enable(all_threads=True)
    from annotate import garbage  # here, not at the top: the master process loads this file and not the app

    garbage.collect_between_requests()


def post_worker_init(worker):
    """What the app loaded at start lives as long as the worker: the collector need not look at it again."""
    gc.freeze()


def post_request(worker, req, environ, resp):
    """Collect garbage once a request is answered, not inside an allocation (annotate.garbage)."""
    from annotate import garbage

    garbage.collect_if_due()
