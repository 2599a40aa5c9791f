"""Audit trail of model predictions and retrains."""
import json
import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("WAREHOUSE_URL", "postgresql+psycopg2://ml:ml@warehouse:5432/labels"),
    pool_size=3,
)


def record(event: str, project_id: str, payload: dict) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO ml_audit (event, project_id, payload) "
                "VALUES (:e, :p, CAST(:j AS jsonb))"
            ),
            {"e": event, "p": project_id, "j": json.dumps(payload)},
        )
