"""Factories for the tray's backing services. Called once, from opstray.app.main()."""
import os

import requests
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import sessionmaker

OPS_DB_URL = os.environ.get("OPS_DB_URL", "mysql+pymysql://ops_ro:ops@wms-db.internal/wms")
OPS_API = os.environ.get("OPS_API", "https://ops.warehouse.internal/api")
OPS_TOKEN = os.environ.get("OPS_TOKEN", "")


def make_engine() -> Engine:
    engine = create_engine(
        OPS_DB_URL,
        pool_size=2,
        max_overflow=1,
        pool_recycle=900,
        pool_pre_ping=True,
    )
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)


def make_http() -> requests.Session:
    session = requests.Session()
    session.headers.update(
        {
            "Authorization": f"Bearer {OPS_TOKEN}",
            "Accept": "application/json",
            "User-Agent": "opstray/0.4",
        }
    )
    return session
