"""Engine for the audit log tables (studio Postgres)."""
import os

from sqlalchemy import create_engine, text

STUDIO_DB = os.environ.get(
    "STUDIO_DB_URL", "postgresql+psycopg2://unreal:unreal@pipeline-db:5432/studio"
)

engine = create_engine(STUDIO_DB, pool_size=2, max_overflow=2, pool_pre_ping=True)


def write_events(rows):
    if not rows:
        return
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO import_events (asset_path, asset_class, source_file, user_name)"
                " VALUES (:asset_path, :asset_class, :source_file, :user_name)"
            ),
            rows,
        )
