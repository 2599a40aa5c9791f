"""Per-user storage accounting for mirrored files."""
import os

from sqlalchemy import create_engine, text

LIMIT_BYTES = int(os.environ.get("DEVPI_S3_QUOTA_BYTES", str(20 * 1024**3)))

_engine = create_engine(os.environ["DEVPI_AUDIT_DB_URL"], pool_size=3, pool_pre_ping=True)


def add_usage(user: str, nbytes: int) -> None:
    with _engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO devpi_quota (username, used_bytes) VALUES (:u, :n) "
                "ON CONFLICT (username) DO UPDATE SET used_bytes = devpi_quota.used_bytes + :n"
            ),
            {"u": user, "n": nbytes},
        )


def usage_for(user: str) -> int:
    with _engine.connect() as conn:
        used = conn.execute(
            text("SELECT used_bytes FROM devpi_quota WHERE username = :u"), {"u": user}
        ).scalar()
    return used or 0
