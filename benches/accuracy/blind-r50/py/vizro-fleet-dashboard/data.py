"""Data sources for the fleet dashboard.

Vizro calls the loader functions registered in data_manager on page loads and
filter/parameter changes (subject to the data_manager cache timeout), so they
must only borrow from clients built once per worker process.
"""
import os
from functools import lru_cache

import httpx
import pandas as pd
from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("FLEET_DB_URL", "postgresql+psycopg://dashboard@fleet-db.internal/fleet"),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)

TRIPS_SQL = text(
    "SELECT t.vehicle_id, v.vehicle_type, t.depot, t.distance_km, "
    "       EXTRACT(EPOCH FROM (t.ended_at - t.started_at)) / 60 AS duration_min "
    "FROM trips t JOIN vehicles v ON v.id = t.vehicle_id "
    "WHERE t.started_at > now() - make_interval(days => :days)"
)


@lru_cache(maxsize=1)
def telematics() -> httpx.Client:
    return httpx.Client(
        base_url=os.environ.get("TELEMATICS_URL", "https://telematics.internal"),
        headers={"Authorization": f"Bearer {os.environ.get('TELEMATICS_TOKEN', '')}"},
        timeout=10.0,
    )


def load_trips(days: int = 7) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(TRIPS_SQL, conn, params={"days": days})


def load_vehicle_health() -> pd.DataFrame:
    resp = telematics().get("/v1/vehicles/health")
    resp.raise_for_status()
    return pd.DataFrame(resp.json()["vehicles"])
