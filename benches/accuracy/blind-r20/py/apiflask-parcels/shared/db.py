"""Engine factory shared by the web app, the tracking worker and one-off scripts.

Each process calls make_engine() exactly once; processes never share an engine.
"""
import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://parcels@localhost/parcels")


def make_engine(pool_size: int = 5, max_overflow: int = 5):
    return create_engine(DATABASE_URL, pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=True)


def make_sessionmaker(engine):
    return sessionmaker(bind=engine, expire_on_commit=False)
