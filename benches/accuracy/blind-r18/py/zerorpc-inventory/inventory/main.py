from gevent import monkey

monkey.patch_all()

import logging  # noqa: E402
import os  # noqa: E402

import zerorpc  # noqa: E402

from .clients import make_mongo, make_redis  # noqa: E402
from .service import InventoryService  # noqa: E402


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    mongo = make_mongo(os.environ.get("MONGO_URI", "mongodb://mongo:27017/?replicaSet=rs0"))
    cache = make_redis(os.environ.get("REDIS_URL", "redis://redis:6379/1"))

    server = zerorpc.Server(InventoryService(mongo, cache), pool_size=64)
    server.bind(os.environ.get("RPC_BIND", "tcp://0.0.0.0:4242"))
    try:
        server.run()
    finally:
        server.close()
        cache.close()
        mongo.close()


if __name__ == "__main__":
    main()
