"""Factories for the exhibit's external services. Called once from main()."""
import os
import time
from dataclasses import dataclass

import requests
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import sessionmaker

DATABASE_URL = os.environ.get(
    "EXHIBIT_DATABASE_URL", "postgresql+psycopg2://exhibit:exhibit@museum-db:5432/visits"
)
CMS_API = os.environ.get("EXHIBIT_CMS_API", "https://cms.museum.example.org/api")


@dataclass
class Services:
    engine: Engine
    Session: sessionmaker
    http: requests.Session

    def close(self) -> None:
        self.http.close()
        self.engine.dispose()


def make_engine(retries: int = 10) -> Engine:
    engine = create_engine(DATABASE_URL, pool_size=2, max_overflow=1, pool_pre_ping=True)
    for attempt in range(1, retries + 1):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except Exception:
            if attempt == retries:
                engine.dispose()
                raise
            time.sleep(min(2 * attempt, 15))
    return engine


def make_http() -> requests.Session:
    session = requests.Session()
    session.headers.update({"User-Agent": "exhibit-kiosk/2.0"})
    return session


def build_services() -> Services:
    engine = make_engine()
    return Services(engine=engine, Session=sessionmaker(engine), http=make_http())
