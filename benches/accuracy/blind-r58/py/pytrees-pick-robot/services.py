"""Connections shared by every behaviour in the mission tree (built once per robot process)."""

import logging
import os
import time
from dataclasses import dataclass

import redis
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger(__name__)


@dataclass
class Services:
    pool: ConnectionPool
    redis: redis.Redis

    def close(self) -> None:
        self.redis.close()
        self.pool.close()


def _open_pool(dsn: str, attempts: int, delay: float) -> ConnectionPool:
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=4, open=False, name="mission")
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("WMS database not reachable (attempt %d/%d)", attempt, attempts)
            if attempt == attempts:
                raise
            time.sleep(delay)
    raise RuntimeError("unreachable")


def connect_services(attempts: int = 10, delay: float = 3.0) -> Services:
    pool = _open_pool(os.environ["WMS_DSN"], attempts, delay)
    fleet = redis.Redis.from_url(
        os.environ.get("FLEET_REDIS_URL", "redis://fleet-hub.local:6379/0"),
        decode_responses=True,
        health_check_interval=30,
    )
    fleet.ping()
    return Services(pool=pool, redis=fleet)
