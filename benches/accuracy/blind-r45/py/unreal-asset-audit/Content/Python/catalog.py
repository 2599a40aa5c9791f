"""Asset catalog lookups/updates (same studio database as the audit log)."""
import os

import unreal
from sqlalchemy import create_engine, text

catalog_engine = create_engine(
    os.environ.get("STUDIO_DB_URL", "postgresql+psycopg2://unreal:unreal@pipeline-db:5432/studio"),
    pool_pre_ping=True,
)


def record_import(asset_path, asset_class, source_file):
    conn = catalog_engine.connect()
    owner = conn.execute(
        text("SELECT owner FROM catalog_prefixes WHERE :p LIKE prefix || '%' ORDER BY length(prefix) DESC LIMIT 1"),
        {"p": asset_path},
    ).scalar()
    if owner is None:
        unreal.log_warning("asset_audit: no catalog owner for " + asset_path)
        return None
    conn.execute(
        text(
            "INSERT INTO catalog_assets (asset_path, asset_class, source_file, owner)"
            " VALUES (:a, :c, :s, :o)"
            " ON CONFLICT (asset_path) DO UPDATE SET source_file = EXCLUDED.source_file"
        ),
        {"a": asset_path, "c": asset_class, "s": source_file, "o": owner},
    )
    conn.commit()
    conn.close()
    return owner
