import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DB_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://vk:vk@db.lan:5432/community")


def make_engine(pool_size=3):
    """One engine per process: bot.py and digest.py each call this once in main()."""
    return create_engine(DB_URL, pool_size=pool_size, max_overflow=2, pool_pre_ping=True)


def make_sessionmaker(engine):
    return sessionmaker(bind=engine, expire_on_commit=False)
