"""HTTP API process (emmett serve)."""
import json
import os

import redis
from emmett import App, request, response
from emmett.tools import service
from sqlalchemy import text

from orders_common.db import make_engine

app = App(__name__)

engine = make_engine(pool_size=8)
queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


@app.route("/orders/<int:order_id>", methods="get")
@service.json
async def get_order(order_id):
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT id, status, total_cents, updated_at FROM orders WHERE id = :id"),
            {"id": order_id},
        ).mappings().first()
    if row is None:
        response.status = 404
        return {"error": "not found"}
    return {**row, "updated_at": row["updated_at"].isoformat()}


@app.route("/orders/<int:order_id>/refund", methods="post")
@service.json
async def request_refund(order_id):
    params = await request.body_params
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE orders SET status = 'refund_requested' WHERE id = :id AND status = 'paid'"),
            {"id": order_id},
        )
    queue.lpush("refunds:pending", json.dumps({"order_id": order_id, "reason": params.get("reason", "")}))
    response.status = 202
    return {"queued": True}
