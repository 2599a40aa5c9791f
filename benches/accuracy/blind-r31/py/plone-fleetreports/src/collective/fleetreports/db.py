"""Warehouse access for the utilisation dashboard."""
import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

WAREHOUSE_URL = os.environ.get(
    "FLEET_WAREHOUSE_URL", "postgresql+psycopg2://plone_ro@warehouse.internal/fleet"
)

engine = create_engine(WAREHOUSE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)
Session = sessionmaker(bind=engine)
