"""Shared engine for the fleet dashboard (imported once per kernel)."""
import os

from sqlalchemy import create_engine

FLEET_DB_URL = os.environ.get(
    "FLEET_DB_URL", "postgresql+psycopg2://dash_ro@fleet-db.internal:5432/fleet"
)

engine = create_engine(FLEET_DB_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)
