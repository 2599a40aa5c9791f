import os

import pytest
import redis
import requests
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://orders:orders@localhost:55432/orders_test")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://localhost:56379/0")
API_BASE = os.environ.get("API_BASE", "http://localhost:8000")


@pytest.fixture(scope="session")
def engine():
    eng = create_engine(TEST_DATABASE_URL, pool_size=2, max_overflow=0)
    yield eng
    eng.dispose()


@pytest.fixture()
def db_session(engine):
    """Each test runs inside a transaction that is rolled back afterwards."""
    connection = engine.connect()
    trans = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield session
    finally:
        session.close()
        trans.rollback()
        connection.close()


@pytest.fixture(scope="session")
def redis_client():
    client = redis.Redis.from_url(TEST_REDIS_URL)
    yield client
    client.close()


@pytest.fixture(autouse=True)
def _flush_redis(redis_client):
    yield
    redis_client.flushdb()


@pytest.fixture(scope="session")
def api():
    with requests.Session() as s:
        s.headers["X-Test-Run"] = os.environ.get("GITHUB_RUN_ID", "local")
        yield s
