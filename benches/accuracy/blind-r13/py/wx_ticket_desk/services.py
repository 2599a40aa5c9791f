"""Construction of the long-lived clients. Only desk.main() calls these."""
import os

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker


def make_engine() -> Engine:
    url = os.environ.get("DESK_DB_URL", "mysql+pymysql://desk:desk@db.internal/helpdesk")
    return create_engine(url, pool_size=3, max_overflow=2, pool_recycle=1800, pool_pre_ping=True)


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)


def make_http_session() -> requests.Session:
    http = requests.Session()
    http.headers["Authorization"] = "Bearer " + os.environ.get("STATUS_API_TOKEN", "")
    http.mount("https://", HTTPAdapter(pool_connections=2, pool_maxsize=4, max_retries=2))
    return http
