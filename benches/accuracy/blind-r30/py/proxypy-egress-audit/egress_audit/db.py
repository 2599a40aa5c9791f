import os

from sqlalchemy import create_engine

DATABASE_URL = os.environ.get(
    "EGRESS_DB_URL", "postgresql+psycopg://egress:egress@audit-db:5432/egress"
)

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
