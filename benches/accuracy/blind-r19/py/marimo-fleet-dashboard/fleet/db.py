"""Database access for the fleet dashboard.

ENGINE points at the central ops database and is shared by every marimo
session served from this process.
"""
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

OPS_DATABASE_URL = os.environ.get(
    "OPS_DATABASE_URL", "postgresql+psycopg2://fleet:fleet@ops-db:5432/ops"
)

# Each depot keeps its own telemetry replica.
DEPOT_URLS = {
    "north": os.environ.get("DEPOT_NORTH_URL", "postgresql+psycopg2://fleet@depot-north:5432/telemetry"),
    "south": os.environ.get("DEPOT_SOUTH_URL", "postgresql+psycopg2://fleet@depot-south:5432/telemetry"),
    "harbour": os.environ.get("DEPOT_HARBOUR_URL", "postgresql+psycopg2://fleet@depot-harbour:5432/telemetry"),
}

ENGINE = create_engine(OPS_DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)


def engine_for_depot(depot: str) -> Engine:
    """Return an engine for a depot's telemetry replica."""
    return create_engine(DEPOT_URLS[depot], pool_pre_ping=True)


VEHICLE_STATUS_SQL = """
    SELECT v.registration, v.model, s.status, s.odometer_km, s.updated_at
    FROM vehicles v
    JOIN vehicle_status s ON s.vehicle_id = v.id
    WHERE v.depot = %(depot)s
    ORDER BY s.updated_at DESC
"""
