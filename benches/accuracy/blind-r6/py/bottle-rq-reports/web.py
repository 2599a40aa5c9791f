"""Web process: accepts report requests and enqueues them. Never imports jobs.py."""
import json
import os

import bottle
from redis import Redis
from rq import Queue
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"], pool_size=5, max_overflow=5, pool_pre_ping=True)
queue = Queue("reports", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))

app = bottle.Bottle()


@app.post("/reports")
def request_report():
    body = bottle.request.json or {}
    kind = body.get("kind", "monthly_sales")
    with engine.begin() as conn:
        report_id = conn.execute(
            text("INSERT INTO reports (kind, params, status) VALUES (:kind, :params, 'queued') RETURNING id"),
            {"kind": kind, "params": json.dumps(body.get("params", {}))},
        ).scalar_one()
    # Enqueue by dotted path so the web process does not import the worker module.
    queue.enqueue("jobs.build_report", report_id, job_timeout=900)
    bottle.response.status = 202
    return {"id": report_id, "status": "queued"}


@app.get("/reports/<report_id:int>")
def report_status(report_id):
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT id, kind, status, result_url FROM reports WHERE id = :id"), {"id": report_id}
        ).mappings().first()
    if row is None:
        bottle.abort(404, "no such report")
    return dict(row)


if __name__ == "__main__":
    bottle.run(app, host="0.0.0.0", port=8080)
