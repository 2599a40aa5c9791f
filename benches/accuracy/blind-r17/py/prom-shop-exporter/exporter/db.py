import os

from sqlalchemy import create_engine

DATABASE_URL = os.environ["SHOP_DATABASE_URL"]

# Shared engine for the shop OLTP database.
engine = create_engine(DATABASE_URL, pool_size=20, max_overflow=40, pool_pre_ping=True)
