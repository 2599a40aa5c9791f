"""Shared engine for the media catalogue database."""
import os

from sqlalchemy import create_engine, text

# mirror_asset is mapped over hundreds of items with the thread-pool task runner,
# so the pool was bumped to avoid "QueuePool limit reached" timeouts.
engine = create_engine(os.environ["CATALOG_DATABASE_URL"], pool_size=40, max_overflow=20, pool_pre_ping=True)


def record_keys(keys: list[str]) -> int:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO mirrored_media (s3_key) VALUES (:key) ON CONFLICT DO NOTHING"),
            [{"key": k} for k in keys],
        )
    return len(keys)
