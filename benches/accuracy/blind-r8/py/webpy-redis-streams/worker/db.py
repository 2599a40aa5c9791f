"""Connections for the fulfilment worker process (separate from the web process)."""
import os

from sqlalchemy import create_engine

engine = create_engine(os.environ["DATABASE_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True)
