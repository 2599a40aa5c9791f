"""One engine per process: web, worker and backfill each call make_engine() once."""
import os

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://mailroom:mailroom@pg:5432/mailroom")

INSERT_MESSAGE = """
    INSERT INTO inbound_messages (mailbox, uid, message_id, sender, subject, received_at, raw)
    VALUES (:mailbox, :uid, :message_id, :sender, :subject, :received_at, :raw)
    ON CONFLICT (mailbox, uid) DO NOTHING
"""


def make_engine(role: str) -> Engine:
    return create_engine(
        DATABASE_URL,
        pool_size=5,
        max_overflow=5,
        pool_pre_ping=True,
        connect_args={"application_name": f"mailroom-{role}"},
    )
