"""gunicorn settings and server hooks for the inventory API."""
import multiprocessing
import os
import time
import uuid

bind = os.environ.get("BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = 4
worker_class = "gthread"
preload_app = False
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"


def on_starting(server):
    server.log.info("inventory api starting with %s workers", workers)


def post_fork(server, worker):
    # Each worker process opens its own pool once, right after the fork.
    import inventory

    inventory.init_clients()
    server.log.info("worker %s: clients ready", worker.pid)


def pre_request(worker, req):
    req.headers.append(("X-REQUEST-START", str(time.time())))
    if not any(name == "X-REQUEST-ID" for name, _ in req.headers):
        req.headers.append(("X-REQUEST-ID", uuid.uuid4().hex))


def post_request(worker, req, environ, resp):
    started = next((v for k, v in req.headers if k == "X-REQUEST-START"), None)
    if started:
        worker.log.debug("%s %s took %.1fms", req.method, req.path, (time.time() - float(started)) * 1000)


def worker_exit(server, worker):
    import inventory

    inventory.close_clients()
