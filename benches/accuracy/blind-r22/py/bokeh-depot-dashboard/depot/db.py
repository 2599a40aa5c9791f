"""Shared database access for the depot dashboard.

This module is imported once per server process (Python caches it in
sys.modules), so the engine below is shared by every browser session.
"""
import os

from sqlalchemy import create_engine, text

DATABASE_URL = os.environ.get(
    "DEPOT_DATABASE_URL", "postgresql+psycopg2://depot:depot@localhost:5432/depot"
)

engine = create_engine(
    DATABASE_URL,
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
    pool_recycle=1800,
)


def list_depots() -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT code FROM depots WHERE active ORDER BY code")
        ).scalars()
        return list(rows)


def vehicle_counts(depot: str) -> dict[str, int]:
    sql = text(
        """
        SELECT status, count(*) AS n
          FROM vehicles
         WHERE home_depot = :depot
         GROUP BY status
        """
    )
    with engine.connect() as conn:
        return {row.status: row.n for row in conn.execute(sql, {"depot": depot})}


def dispose() -> None:
    engine.dispose()
