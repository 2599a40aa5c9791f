"""Factories for the doorbell's external clients. Called once from main()."""
import logging
import os
import time

import boto3
import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)


def make_engine():
    engine = create_engine(
        os.environ.get("DOORBELL_DB", "postgresql+psycopg2://doorbell:doorbell@nas.lan/home"),
        pool_size=2,
        max_overflow=1,
        pool_pre_ping=True,
        pool_recycle=900,
    )
    # The Pi usually boots faster than the NAS: wait for Postgres before going live.
    for attempt in range(1, 31):
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError:
            log.info("database not reachable yet (attempt %d), waiting", attempt)
            time.sleep(5)
    engine.dispose()
    raise SystemExit("database unreachable, giving up")


def make_http():
    session = requests.Session()
    retry = Retry(total=3, backoff_factor=0.5, status_forcelist=(502, 503, 504))
    session.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=4))
    session.headers["Authorization"] = f"Bearer {os.environ.get('NTFY_TOKEN', '')}"
    return session


def make_s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
