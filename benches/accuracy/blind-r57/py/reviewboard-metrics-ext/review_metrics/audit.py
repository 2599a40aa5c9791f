"""Audit trail of review events for the compliance report.

Lives in the same database as the metrics (schema "audit").
"""
import json
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get(
        "REVIEW_METRICS_DB_URL",
        "postgresql+psycopg2://rbmetrics@metrics-db.internal/review_metrics",
    ),
    pool_size=3,
    max_overflow=2,
)

_INSERT = text(
    "INSERT INTO audit.review_events (happened_at, kind, review_request_id, actor, detail) "
    "VALUES (:at, :kind, :rr, :actor, CAST(:detail AS jsonb))"
)


def log_event(kind, review_request_id, actor, **detail):
    with _engine.begin() as conn:
        conn.execute(
            _INSERT,
            {
                "at": datetime.now(timezone.utc),
                "kind": kind,
                "rr": review_request_id,
                "actor": actor,
                "detail": json.dumps(detail, default=str),
            },
        )


def events_for(review_request_id):
    with _engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT happened_at, kind, actor, detail FROM audit.review_events "
                "WHERE review_request_id = :rr ORDER BY happened_at"
            ),
            {"rr": review_request_id},
        )
        return [dict(row._mapping) for row in rows]
