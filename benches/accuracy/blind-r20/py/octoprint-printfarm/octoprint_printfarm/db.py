"""Farm database: job history and the requeue table."""
import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

FARM_DB_URL = os.environ.get(
    "PRINTFARM_DB_URL", "postgresql+psycopg2://farm:farm@farm-db.lan:5432/printfarm"
)

engine = create_engine(FARM_DB_URL, pool_size=3, max_overflow=2, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)


def record_job(session, node, name, seconds, status):
    session.execute(
        text(
            "INSERT INTO jobs (node, file_name, seconds, status, finished_at) "
            "VALUES (:node, :name, :seconds, :status, now())"
        ),
        {"node": node, "name": name, "seconds": seconds, "status": status},
    )
