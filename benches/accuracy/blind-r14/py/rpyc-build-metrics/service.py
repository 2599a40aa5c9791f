import json
import logging

import redis
import rpyc
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from db import BuildTiming

log = logging.getLogger("metrics.service")

LEADERBOARD_TTL = 60


class BuildMetricsService(rpyc.Service):
    """Exposed to CI agents. A single instance is handed to the server, so every
    connection shares the same session factory and Redis client."""

    def __init__(self, Session: sessionmaker, cache: redis.Redis):
        super().__init__()
        self.Session = Session
        self.cache = cache

    def on_connect(self, conn):
        self.cache.incr("metrics:connections")
        log.info("agent connected: %s", conn._config.get("endpoints"))

    def on_disconnect(self, conn):
        self.cache.decr("metrics:connections")

    def exposed_record(self, pipeline, stage, seconds, agent):
        with self.Session.begin() as session:
            session.add(BuildTiming(pipeline=pipeline, stage=stage, seconds=float(seconds), agent=agent))
        self.cache.delete(f"metrics:slowest:{pipeline}")

    def exposed_slowest_stages(self, pipeline, limit=5):
        key = f"metrics:slowest:{pipeline}"
        cached = self.cache.get(key)
        if cached is not None:
            return json.loads(cached)
        with self.Session() as session:
            rows = session.execute(
                select(BuildTiming.stage, func.avg(BuildTiming.seconds).label("avg_s"))
                .where(BuildTiming.pipeline == pipeline)
                .group_by(BuildTiming.stage)
                .order_by(func.avg(BuildTiming.seconds).desc())
                .limit(limit)
            ).all()
        result = [[stage, round(avg_s, 1)] for stage, avg_s in rows]
        self.cache.setex(key, LEADERBOARD_TTL, json.dumps(result))
        return result
