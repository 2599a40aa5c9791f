"""FastCGI responder for /quotes/ behind nginx (see nginx-quotes.conf)."""
import os

import redis
from flup.server.fcgi import WSGIServer

from app import make_app
from db import make_pool


def main() -> None:
    pool = make_pool()
    cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    application = make_app(pool, cache)
    try:
        WSGIServer(application, bindAddress=("127.0.0.1", 9010), maxThreads=10).run()
    finally:
        pool.closeall()
        cache.close()


if __name__ == "__main__":
    main()
