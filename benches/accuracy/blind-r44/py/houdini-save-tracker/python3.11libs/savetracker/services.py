"""Process-wide service objects, created lazily on first use and reused.

Houdini runs one Python interpreter per session, so each getter returns
the same engine / client for every save and every shelf click.
"""
import atexit
import functools
import os

import boto3
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

DB_URL = os.environ.get("SAVETRACKER_DB_URL", "postgresql+psycopg2://houdini@pipeline-db:5432/pipeline")
BUCKET = os.environ.get("SAVETRACKER_BUCKET", "studio-hip-archive")


@functools.lru_cache(maxsize=None)
def get_engine():
    engine = create_engine(DB_URL, pool_size=1, max_overflow=1, pool_pre_ping=True, pool_recycle=900)
    atexit.register(engine.dispose)
    return engine


@functools.lru_cache(maxsize=None)
def get_session_factory():
    return sessionmaker(bind=get_engine(), expire_on_commit=False)


@functools.lru_cache(maxsize=None)
def get_s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-west-2"))
