"""Warehouse engine used by the dashboard's charts."""
import os

from sqlalchemy import create_engine

WAREHOUSE_URL = os.environ.get(
    "WAREHOUSE_URL", "postgresql+psycopg2://analyst@warehouse.internal:5432/sales"
)

engine = create_engine(WAREHOUSE_URL, pool_pre_ping=True, pool_size=5, max_overflow=5)
