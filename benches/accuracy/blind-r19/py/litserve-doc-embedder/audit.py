"""Request audit trail, kept in the same database as the vectors."""
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text

_engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)


def record(document_key: str, chunk_count: int, caller: str | None) -> None:
    with _engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO embed_audit (document_key, chunk_count, caller, at) "
                "VALUES (:key, :n, :caller, :at)"
            ),
            {"key": document_key, "n": chunk_count, "caller": caller, "at": datetime.now(timezone.utc)},
        )
