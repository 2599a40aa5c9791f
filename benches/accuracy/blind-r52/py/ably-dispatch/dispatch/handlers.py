"""Ably listeners. Each one is invoked for every message on its channel."""
import json
import logging
import os

import redis.asyncio as aioredis

log = logging.getLogger("dispatch.handlers")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

_pool = None
_http = None


def configure(pool, http):
    global _pool, _http
    _pool = pool
    _http = http


def _payload(message):
    data = message.data
    return json.loads(data) if isinstance(data, (str, bytes)) else data


async def on_job_created(message):
    job = _payload(message)
    resp = await _http.post("/v1/nearest", json={"lat": job["pickup_lat"], "lng": job["pickup_lng"]})
    resp.raise_for_status()
    courier_id = resp.json()["courier_id"]

    conn = await _pool.acquire()
    existing = await conn.fetchval("SELECT courier_id FROM jobs WHERE id = $1", job["id"])
    if existing is not None:
        log.info("job %s already assigned to %s", job["id"], existing)
        return
    await conn.execute(
        "UPDATE jobs SET courier_id = $1, status = 'assigned' WHERE id = $2",
        courier_id,
        job["id"],
    )
    await _pool.release(conn)
    log.info("job %s -> courier %s", job["id"], courier_id)


async def on_job_cancelled(message):
    job = _payload(message)
    async with _pool.acquire() as conn:
        await conn.execute("UPDATE jobs SET status = 'cancelled' WHERE id = $1", job["id"])
    log.info("job %s cancelled", job["id"])


async def on_courier_location(message):
    loc = _payload(message)
    cache = aioredis.from_url(REDIS_URL, decode_responses=True)
    await cache.geoadd("couriers:live", (loc["lng"], loc["lat"], loc["courier_id"]))
    await cache.expire("couriers:live", 120)
