"""Long-lived clients for the lobby kiosk, built once by main()."""
import os
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker


@dataclass
class Services:
    engine: Engine
    Session: sessionmaker
    http: requests.Session
    rooms_api: str

    def close(self):
        self.http.close()
        self.engine.dispose()


def build_services() -> Services:
    engine = create_engine(
        os.environ.get("KIOSK_DB_URL", "postgresql+psycopg2://kiosk@frontdesk-db/frontdesk"),
        pool_size=2,
        max_overflow=1,
        pool_pre_ping=True,
    )
    http = requests.Session()
    http.mount("https://", HTTPAdapter(pool_connections=1, pool_maxsize=2, max_retries=2))
    http.headers["Authorization"] = f"Bearer {os.environ.get('ROOMS_API_TOKEN', '')}"
    return Services(
        engine=engine,
        Session=sessionmaker(engine, expire_on_commit=False),
        http=http,
        rooms_api=os.environ.get("ROOMS_API_URL", "https://rooms.example.com/api"),
    )
