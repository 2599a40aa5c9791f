import os

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DATABASE_URL = os.environ.get("ORDERS_DATABASE_URL", "postgresql+psycopg2://bot:bot@orders-db:5432/orders")

# The action server runs with --workers so keep plenty of headroom for busy evenings.
engine = create_engine(DATABASE_URL, pool_size=40, max_overflow=20, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)
