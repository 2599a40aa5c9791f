"""Tiny JSON API over the collected host samples, served by eventlet's WSGI server."""
import eventlet

eventlet.monkey_patch()

import json  # noqa: E402
import os  # noqa: E402
from urllib.parse import parse_qs  # noqa: E402

from eventlet import wsgi  # noqa: E402
from sqlalchemy import desc, select  # noqa: E402

from common.db import make_engine, samples  # noqa: E402

engine = make_engine(pool_size=8, max_overflow=4)


def _json(start_response, status, payload):
    body = json.dumps(payload, default=str).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def latest(environ, start_response):
    qs = parse_qs(environ.get("QUERY_STRING", ""))
    host = qs.get("host", [None])[0]
    limit = min(int(qs.get("limit", ["60"])[0]), 1000)
    stmt = select(samples).order_by(desc(samples.c.taken_at)).limit(limit)
    if host:
        stmt = stmt.where(samples.c.host == host)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
    return _json(start_response, "200 OK", {"samples": rows})


def hosts(environ, start_response):
    with engine.connect() as conn:
        names = conn.execute(select(samples.c.host).distinct().order_by(samples.c.host)).scalars().all()
    return _json(start_response, "200 OK", {"hosts": names})


ROUTES = {"/api/samples": latest, "/api/hosts": hosts}


def app(environ, start_response):
    handler = ROUTES.get(environ.get("PATH_INFO", "/"))
    if handler is None:
        return _json(start_response, "404 Not Found", {"error": "not found"})
    if environ["REQUEST_METHOD"] != "GET":
        return _json(start_response, "405 Method Not Allowed", {"error": "GET only"})
    return handler(environ, start_response)


if __name__ == "__main__":
    listener = eventlet.listen(("0.0.0.0", int(os.environ.get("PORT", "8000"))))
    wsgi.server(listener, app, max_size=200, log_output=False)
