"""Blocking storage helpers; executed on curio's thread pool."""
import json
import logging
import time

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("telemetry.storage")

INSERT_SQL = """
INSERT INTO readings (logger_id, ts, metric, value)
VALUES (%s, %s, %s, %s)
ON CONFLICT (logger_id, ts, metric) DO NOTHING
"""


def open_pool(dsn, attempts=10):
    """Open the shared pool, waiting for the database to come up."""
    pool = ConnectionPool(dsn, min_size=2, max_size=8, open=False, kwargs={"autocommit": False})
    for attempt in range(1, attempts + 1):
        try:
            pool.open(wait=True, timeout=5)
            log.info("database pool ready after %d attempt(s)", attempt)
            return pool
        except (PoolTimeout, psycopg.OperationalError) as exc:
            log.warning("database not ready (%s), retry %d/%d", exc, attempt, attempts)
            time.sleep(min(2 * attempt, 15))
    pool.close()
    raise SystemExit("database never became available")


def store_reading(pool, cache, reading):
    rows = [(reading.logger_id, reading.ts, metric, value) for metric, value in reading.values.items()]
    with pool.connection() as conn:
        with conn.cursor() as cur:
            cur.executemany(INSERT_SQL, rows)
    cache.hset(
        f"logger:{reading.logger_id}",
        mapping={"last_seen": reading.ts.isoformat(), "last_values": json.dumps(reading.values)},
    )
    cache.expire(f"logger:{reading.logger_id}", 7 * 24 * 3600)
    return len(rows)


def known_logger(cache, logger_id):
    return bool(cache.sismember("loggers:registered", logger_id))
