"""Process-wide clients, created lazily exactly once and shared by all threads."""
import os
import threading
from dataclasses import dataclass

import httpx
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

_lock = threading.Lock()
_engine: Engine | None = None
_SessionLocal: sessionmaker | None = None
_tax_client: httpx.Client | None = None


def get_sessionmaker() -> sessionmaker:
    global _engine, _SessionLocal
    if _SessionLocal is None:
        with _lock:
            if _SessionLocal is None:
                _engine = create_engine(
                    os.environ.get("BILLING_DATABASE_URL", "postgresql+psycopg://billing@db/billing"),
                    pool_size=8,
                    max_overflow=4,
                    pool_pre_ping=True,
                )
                _SessionLocal = sessionmaker(_engine, expire_on_commit=False)
    return _SessionLocal


def get_tax_client() -> httpx.Client:
    global _tax_client
    if _tax_client is None:
        with _lock:
            if _tax_client is None:
                _tax_client = httpx.Client(
                    base_url=os.environ.get("TAX_API", "https://tax.example.com/v1"),
                    timeout=httpx.Timeout(5.0, connect=2.0),
                    limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
                )
    return _tax_client


@dataclass
class RequestContext:
    """Built per request; holds references to the shared clients, never creates them."""

    session: Session
    tax: httpx.Client
    caller: str
