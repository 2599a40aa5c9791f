"""Capacity snapshots, written by the serve() loop and read by the CLI command."""
from sqlalchemy import create_engine, text

from . import settings

history_engine = create_engine(settings.DSN, pool_pre_ping=True)


def snapshot(df: dict) -> None:
    rows = [
        {
            "name": p["name"],
            "used": p["stats"]["bytes_used"],
            "avail": p["stats"]["max_avail"],
            "objects": p["stats"]["objects"],
        }
        for p in df["pools"]
    ]
    with history_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO pool_usage (taken_at, name, bytes_used, max_avail, objects) "
                "VALUES (now(), :name, :used, :avail, :objects)"
            ),
            rows,
        )


def recent(pool_name: str, limit: int = 12) -> list:
    with history_engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT taken_at, bytes_used, max_avail FROM pool_usage "
                "WHERE name = :name ORDER BY taken_at DESC LIMIT :limit"
            ),
            {"name": pool_name, "limit": limit},
        ).all()
