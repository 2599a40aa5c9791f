"""Tiny status page for the feed import. Run by the `web` process type."""
import json
import os

from sqlalchemy import text
from waitress import serve

from shared.db import make_engine

engine = None


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if path == "/healthz":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]
    if path != "/runs":
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT started_at, finished_at FROM etl_runs ORDER BY started_at DESC LIMIT 20")
        ).all()
    body = json.dumps(
        [{"started": r.started_at.isoformat(), "finished": r.finished_at.isoformat()} for r in rows]
    ).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def main():
    global engine
    engine = make_engine(pool_size=4)
    serve(application, host="0.0.0.0", port=int(os.environ.get("PORT", "8080")), threads=4)


if __name__ == "__main__":
    main()
