import os
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

WMS_URL = os.environ.get("WMS_DB_URL", "mysql+pymysql://counter:counter@wms-db.lan/wms")


def make_engine(retries: int = 5):
    """Build the engine and wait for the WMS DB (the terminals boot faster than the Wi-Fi)."""
    engine = create_engine(WMS_URL, pool_size=2, max_overflow=1, pool_recycle=1800, pool_pre_ping=True)
    for attempt in range(retries):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError:
            if attempt == retries - 1:
                engine.dispose()
                raise
            time.sleep(3)
    return engine


def make_sessionmaker(engine):
    return sessionmaker(bind=engine)
