import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

# The subscriber runs callbacks on a thread pool; size the pool so no callback waits.
engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg://media:media@localhost:5432/media"),
    pool_size=40,
    max_overflow=40,
    pool_pre_ping=True,
)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)
