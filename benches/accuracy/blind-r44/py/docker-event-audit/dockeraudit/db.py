"""Audit log storage (Postgres behind PgBouncer)."""
import datetime as dt
import json
import logging
import os

import asyncpg

log = logging.getLogger("dockeraudit.db")

AUDIT_DSN = os.environ.get("AUDIT_DSN", "postgresql://audit:audit@pgbouncer:6432/audit")

INSERT_EVENT = """
INSERT INTO container_events (event_time, host, kind, action, object_id, name, image, attributes)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
"""


async def create_pool():
    return await asyncpg.create_pool(
        AUDIT_DSN,
        min_size=1,
        max_size=5,
        command_timeout=10,
    )


async def record_event(pool, host, event):
    actor = event.get("Actor") or {}
    attrs = actor.get("Attributes") or {}
    conn = await pool.acquire()
    if event.get("Type") == "container" and attrs.get("com.docker.compose.oneoff") == "True":
        # ignore `docker compose run` throwaway containers
        return False
    await conn.execute(
        INSERT_EVENT,
        dt.datetime.fromtimestamp(event["time"], dt.timezone.utc),
        host,
        event.get("Type"),
        event.get("Action"),
        actor.get("ID"),
        attrs.get("name"),
        attrs.get("image"),
        json.dumps(attrs),
    )
    await pool.release(conn)
    return True


async def count_restarts(pool, name, minutes=10):
    async with pool.acquire() as conn:
        return await conn.fetchval(
            "SELECT count(*) FROM container_events WHERE name = $1 AND action = 'die' "
            "AND event_time > now() - make_interval(mins => $2)",
            name,
            minutes,
        )
