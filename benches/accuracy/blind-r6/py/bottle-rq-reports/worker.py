"""Entry point for the worker dyno."""
import os

from redis import Redis
from rq import Queue, SimpleWorker

import jobs  # noqa: F401  -- preload so the engine is created once for this process


def main() -> None:
    redis = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    worker = SimpleWorker([Queue("reports", connection=redis)], connection=redis)
    worker.work(with_scheduler=False)


if __name__ == "__main__":
    main()
