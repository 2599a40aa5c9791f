"""Billing worker process: python worker.py (one per container)."""
import logging
import os
import time

import redis
from spinach import Engine, RedisBroker

import db
import providers
import tasks

log = logging.getLogger("billing.worker")


def connect_redis(url: str, attempts: int = 10) -> redis.Redis:
    """Redis comes up after the worker in docker compose; wait for it."""
    client = redis.Redis.from_url(url)
    for attempt in range(1, attempts + 1):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if attempt == attempts:
                client.close()
                raise
            log.info("waiting for redis (%d/%d)", attempt, attempts)
            time.sleep(attempt)
    return client


def main():
    logging.basicConfig(level=logging.INFO)
    redis_client = connect_redis(os.environ.get("REDIS_URL", "redis://redis:6379/3"))

    spin = Engine(RedisBroker(redis=redis_client), namespace="billing")
    spin.attach_tasks(tasks.tasks)
    tasks.engine_ref = spin

    try:
        spin.start_workers(number=int(os.environ.get("WORKERS", "8")), block=True)
    finally:
        providers.close_all()
        db.engine.dispose()
        redis_client.close()


if __name__ == "__main__":
    main()
