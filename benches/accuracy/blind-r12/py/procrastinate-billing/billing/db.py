import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

BILLING_DB_URL = os.environ.get("BILLING_DB_URL", "postgresql+psycopg://billing@billing-db:5432/billing")

# Worker runs with --concurrency=8; sized generously so tasks never wait on the pool.
engine = create_engine(BILLING_DB_URL, pool_size=30, max_overflow=30, pool_pre_ping=True)
SessionLocal = sessionmaker(engine, expire_on_commit=False)
