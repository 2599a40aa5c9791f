"""Append-only audit log of deletes and saves."""
import getpass
import os

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("BIM_DB_URL", "postgresql+psycopg2://rhino@bim-db.internal:5432/bim"),
    pool_size=2,
)

_INSERT = text(
    "INSERT INTO audit_log (action, subject, username, happened_at) "
    "VALUES (:action, :subject, :username, now())"
)


def record(action, subject):
    with _engine.begin() as conn:
        conn.execute(
            _INSERT,
            {"action": action, "subject": subject, "username": getpass.getuser()},
        )
