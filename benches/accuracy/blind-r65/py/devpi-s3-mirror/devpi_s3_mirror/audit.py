"""Upload audit trail kept in the platform team's Postgres."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DEVPI_AUDIT_DB_URL"], pool_size=5, pool_pre_ping=True)

_INSERT = text(
    "INSERT INTO devpi_uploads (stage, project, version, filename, s3_key, size_bytes) "
    "VALUES (:stage, :project, :version, :filename, :s3_key, :size)"
)


def record_upload(stage, project, version, filename, s3_key, size):
    with engine.begin() as conn:
        conn.execute(
            _INSERT,
            {
                "stage": stage,
                "project": project,
                "version": version,
                "filename": filename,
                "s3_key": s3_key,
                "size": size,
            },
        )
