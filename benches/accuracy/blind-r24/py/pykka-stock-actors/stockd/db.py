"""Primary database handle for the stock daemon."""
import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg2://stock:stock@localhost:5432/stock"
)

engine = create_engine(
    DATABASE_URL,
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)

SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)


def session_scope():
    """Context manager used by the actors: commit on success, roll back on error."""
    return SessionLocal.begin()
