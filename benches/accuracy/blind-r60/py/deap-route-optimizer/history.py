"""Reads the stops planned for a delivery day from the dispatch database."""

import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("DISPATCH_DB_URL", "postgresql+psycopg2://dispatch@dispatch-db/dispatch"),
    pool_size=2,
    max_overflow=0,
)

STOPS_SQL = text(
    """
    SELECT s.id, s.address_hash, s.window_start, s.window_end, s.service_minutes
    FROM planned_stops s
    WHERE s.route_date = :d AND s.depot = :depot
    ORDER BY s.id
    """
)


def load_stops(route_date: str, depot: str) -> list[dict]:
    conn = engine.connect()
    rows = conn.execute(STOPS_SQL, {"d": route_date, "depot": depot}).mappings().all()
    return [dict(r) for r in rows]
