"""Connection audit trail (who connected, when, how many lines)."""
from sqlalchemy import create_engine, text

from . import settings

audit_engine = create_engine(settings.DATABASE_URL, pool_pre_ping=True)


def record_disconnect(peer: str, lines: int, reason: str) -> None:
    with audit_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO gateway_audit (peer, lines, reason, at) "
                "VALUES (:peer, :lines, :reason, now())"
            ),
            {"peer": peer, "lines": lines, "reason": reason},
        )
