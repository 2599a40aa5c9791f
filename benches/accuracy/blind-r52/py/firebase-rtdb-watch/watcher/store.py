"""Telemetry persistence."""
import os
from datetime import datetime, timezone

from psycopg_pool import ConnectionPool

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://greenhouse@localhost/greenhouse")

pool = ConnectionPool(DATABASE_URL, min_size=1, max_size=8, open=True, name="telemetry")

INSERT_READING = """
    INSERT INTO readings (greenhouse, sensor, measured_at, temperature_c, humidity_pct, soil_moisture)
    VALUES (%s, %s, %s, %s, %s, %s)
    ON CONFLICT (greenhouse, sensor, measured_at) DO NOTHING
"""


def _ts(reading):
    raw = reading.get("ts")
    if raw is None:
        return datetime.now(timezone.utc)
    return datetime.fromtimestamp(raw / 1000, tz=timezone.utc)


def save_reading(greenhouse, sensor, reading):
    with pool.connection() as conn:
        conn.execute(
            INSERT_READING,
            (
                greenhouse,
                sensor,
                _ts(reading),
                reading.get("temp"),
                reading.get("hum"),
                reading.get("soil"),
            ),
        )


def close():
    pool.close()
