"""Process-wide clients shared by every VacuumGauge device in this server instance."""
import os
from functools import lru_cache

import redis
from sqlalchemy import create_engine

ARCHIVE_URL = os.environ.get(
    "VACUUM_ARCHIVE_URL", "postgresql+psycopg2://vacuum@archiver.beamline.local/vacuum"
)
REDIS_URL = os.environ.get("VACUUM_REDIS_URL", "redis://plc-gateway.beamline.local:6379/0")


@lru_cache(maxsize=1)
def get_engine():
    return create_engine(ARCHIVE_URL, pool_size=4, max_overflow=4, pool_pre_ping=True)


@lru_cache(maxsize=1)
def get_redis():
    return redis.Redis.from_url(REDIS_URL, decode_responses=True, socket_timeout=2)
