"""Writes every scored batch to the audit table for the model-risk team."""
import json
import os

from psycopg_pool import ConnectionPool

audit_pool = ConnectionPool(
    os.environ.get("AUDIT_DSN", "postgresql://scorer@audit-db:5432/model_audit"),
    min_size=4,
    max_size=80,
    open=False,
)


def record_batch(model_version: str, subscriber_ids, scores) -> None:
    if audit_pool.closed:
        audit_pool.open()
    conn = audit_pool.getconn()
    conn.execute(
        "INSERT INTO churn_scores (model_version, payload, scored_at) VALUES (%s, %s, now())",
        (model_version, json.dumps(dict(zip(subscriber_ids, scores)))),
    )
    conn.commit()
    audit_pool.putconn(conn)
