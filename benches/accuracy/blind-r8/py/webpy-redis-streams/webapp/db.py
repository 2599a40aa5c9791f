"""Connections for the web process (gunicorn workers import this once each)."""
import os

import redis
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine(os.environ["DATABASE_URL"], pool_size=5, max_overflow=5, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)

stream = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
