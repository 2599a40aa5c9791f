"""Release-phase migration: runs once per deploy, then exits."""
from sqlalchemy import text

from .db import make_engine

DDL = [
    """CREATE TABLE IF NOT EXISTS telemetry_raw (
        id bigserial PRIMARY KEY, vehicle_id text NOT NULL, ts timestamptz NOT NULL,
        lat double precision, lon double precision, speed_kmh real, fuel_pct real, payload jsonb)""",
    "CREATE INDEX IF NOT EXISTS telemetry_raw_ts ON telemetry_raw (ts)",
    """CREATE TABLE IF NOT EXISTS telemetry_5m (
        vehicle_id text NOT NULL, bucket timestamptz NOT NULL, avg_speed_kmh real, min_fuel_pct real,
        samples integer, PRIMARY KEY (vehicle_id, bucket))""",
]


def main():
    engine = make_engine(pool_size=1)
    try:
        with engine.begin() as conn:
            for stmt in DDL:
                conn.execute(text(stmt))
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
