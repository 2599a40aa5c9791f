"""Verdict storage shared by the guard callbacks."""
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ["GUARD_DATABASE_URL"],
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)


def record_verdict(event_id: str, room_id: str, sender: str, reason: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO guard_verdicts (event_id, room_id, sender, reason, created_at) "
                "VALUES (:event_id, :room_id, :sender, :reason, :created_at)"
            ),
            {
                "event_id": event_id,
                "room_id": room_id,
                "sender": sender,
                "reason": reason,
                "created_at": datetime.now(timezone.utc),
            },
        )


def is_allowlisted(user_id: str) -> bool:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT 1 FROM guard_allowlist WHERE user_id = :u"), {"u": user_id}
        ).first()
    return row is not None
