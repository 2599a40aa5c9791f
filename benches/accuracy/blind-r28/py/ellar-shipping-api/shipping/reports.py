"""Reporting queries for the operations dashboard."""
import os
from datetime import date

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg://shipping:shipping@db.internal:5432/shipping"),
    pool_size=4,
    max_overflow=2,
)

DAILY_VOLUME = text(
    """
    SELECT date_trunc('day', created_at)::date AS day, carrier, count(*) AS shipments,
           sum(quoted_cents) AS quoted_cents
    FROM shipments
    WHERE created_at >= :since
    GROUP BY 1, 2
    ORDER BY 1, 2
    """
)

LATE = text(
    """
    SELECT id, order_ref, carrier, status, created_at
    FROM shipments
    WHERE status IN ('created', 'label_printed') AND created_at < now() - interval '48 hours'
    ORDER BY created_at
    LIMIT :limit
    """
)


def daily_volume(since: date) -> list[dict]:
    with _engine.connect() as conn:
        return [dict(r) for r in conn.execute(DAILY_VOLUME, {"since": since}).mappings()]


def late_shipments(limit: int = 100) -> list[dict]:
    with _engine.connect() as conn:
        return [dict(r) for r in conn.execute(LATE, {"limit": limit}).mappings()]
