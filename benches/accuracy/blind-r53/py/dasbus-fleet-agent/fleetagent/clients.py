"""Clients shared by every signal handler; each is created once per process."""
import functools
import os
import socket

import redis
import requests
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

FLEET_DB_URL = os.environ.get(
    "FLEET_DB_URL", "postgresql+psycopg2://fleet_agent@fleet-db.internal:5432/fleet"
)
FLEET_REDIS_URL = os.environ.get("FLEET_REDIS_URL", "redis://fleet-cache.internal:6379/0")
FLEET_API = os.environ.get("FLEET_API", "https://fleet.internal/api")


def make_engine() -> Engine:
    return create_engine(
        FLEET_DB_URL,
        pool_size=2,
        max_overflow=0,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "application_name": "fleet-agent"},
    )


def make_http() -> requests.Session:
    session = requests.Session()
    session.headers["X-Fleet-Host"] = socket.gethostname()
    session.headers["Authorization"] = "Bearer " + os.environ.get("FLEET_TOKEN", "")
    return session


@functools.lru_cache(maxsize=1)
def get_redis() -> redis.Redis:
    return redis.Redis.from_url(FLEET_REDIS_URL, socket_timeout=3, health_check_interval=30)
