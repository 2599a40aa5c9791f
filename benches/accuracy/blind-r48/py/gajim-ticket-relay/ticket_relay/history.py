import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("HELPDESK_DB_URL", "postgresql+psycopg://desk@helpdesk-db.internal/helpdesk"),
    pool_size=2,
    max_overflow=0,
)


def log_inbound(account: str, jid: str, body: str) -> None:
    with _engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO xmpp_inbound (account, jid, body, received_at) "
                "VALUES (:account, :jid, :body, :ts)"
            ),
            {"account": account, "jid": jid, "body": body, "ts": datetime.now(timezone.utc)},
        )
