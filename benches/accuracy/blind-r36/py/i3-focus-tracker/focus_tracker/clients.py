"""Factories for the tracker's long-lived clients. Called once, from main()."""
from dataclasses import dataclass

import requests
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker


@dataclass
class Services:
    engine: Engine
    Session: sessionmaker
    http: requests.Session
    timesheet_url: str
    host: str

    def close(self):
        self.http.close()
        self.engine.dispose()


def make_engine(url):
    return create_engine(url, pool_size=2, max_overflow=0, pool_pre_ping=True)


def make_http(token):
    session = requests.Session()
    session.headers.update({"Authorization": "Bearer " + token,
                            "User-Agent": "i3-focus-tracker/0.6"})
    return session


def build_services(cfg):
    engine = make_engine(cfg["database_url"])
    return Services(
        engine=engine,
        Session=sessionmaker(engine, expire_on_commit=False),
        http=make_http(cfg["timesheet_token"]),
        timesheet_url=cfg["timesheet_url"].rstrip("/"),
        host=cfg["host"],
    )
