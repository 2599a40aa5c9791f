"""Catalogue writes; the engine is created once per worker process on import."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("CATALOG_DSN", "postgresql+psycopg2://archive@db/catalog"),
    pool_size=1,
    max_overflow=0,
)


def register(page: dict) -> bool:
    conn = engine.connect()
    exists = conn.execute(
        text("SELECT 1 FROM pages WHERE s3_key = :key"), {"key": page["key"]}
    ).first()
    if exists:
        return False
    conn.execute(
        text(
            "INSERT INTO pages (s3_key, width, height, thumb_256, thumb_1024) "
            "VALUES (:key, :width, :height, :thumb_256, :thumb_1024)"
        ),
        page,
    )
    conn.commit()
    conn.close()
    return True
