"""Moderation report bookkeeping (fed by on_new_event for m.room.message reports)."""
import os

from sqlalchemy import create_engine, text

_engine = create_engine(os.environ["GUARD_DATABASE_URL"], pool_pre_ping=True)


def open_report(room_id: str, reporter: str, target_event: str, note: str) -> None:
    with _engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO guard_reports (room_id, reporter, target_event, note) "
                "VALUES (:room_id, :reporter, :target_event, :note) "
                "ON CONFLICT (target_event, reporter) DO NOTHING"
            ),
            {"room_id": room_id, "reporter": reporter, "target_event": target_event, "note": note},
        )


def open_report_count(room_id: str) -> int:
    with _engine.connect() as conn:
        return conn.execute(
            text("SELECT count(*) FROM guard_reports WHERE room_id = :r AND closed_at IS NULL"),
            {"r": room_id},
        ).scalar_one()
