"""Temperature samples pushed every few seconds by the RepeatedTimer."""
import os

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("PRINTFARM_DB_URL", "postgresql+psycopg2://farm:farm@farm-db.lan:5432/printfarm"),
    pool_pre_ping=True,
)


def push_temperatures(node, temps):
    rows = [
        {"node": node, "tool": tool, "actual": t.get("actual"), "target": t.get("target")}
        for tool, t in (temps or {}).items()
    ]
    if not rows:
        return
    with _engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO temperature_samples (node, tool, actual, target, sampled_at) "
                "VALUES (:node, :tool, :actual, :target, now())"
            ),
            rows,
        )
