"""Database helpers shared by the telemetry nodes."""
import os

import psycopg
import redis

TELEMETRY_DSN = os.environ.get("TELEMETRY_DSN", "postgresql://fleet@db.internal/telemetry")
MAINTENANCE_DSN = os.environ.get("MAINTENANCE_DSN", "postgresql://fleet@db.internal/maintenance")

# Live robot state for the dashboard; one client for the whole node.
state_cache = redis.Redis.from_url(
    os.environ.get("REDIS_URL", "redis://cache.internal:6379/2"), decode_responses=True
)


def open_maintenance_db() -> psycopg.Connection:
    """Connect to the maintenance database (battery health history)."""
    return psycopg.connect(MAINTENANCE_DSN, autocommit=True, connect_timeout=5)
