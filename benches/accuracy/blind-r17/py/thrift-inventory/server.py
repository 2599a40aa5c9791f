import logging
import os
import time

import pymysql
import redis
import thriftpy2
from dbutils.pooled_db import PooledDB
from thriftpy2.rpc import make_server

from handler import InventoryHandler

log = logging.getLogger("inventory")

inventory_thrift = thriftpy2.load(
    os.path.join(os.path.dirname(__file__), "inventory.thrift"), module_name="inventory_thrift"
)


def build_pool() -> PooledDB:
    """MySQL may still be starting when the container comes up: retry, then give up."""
    for attempt in range(1, 11):
        try:
            return PooledDB(
                creator=pymysql,
                maxconnections=10,
                mincached=2,
                blocking=True,
                ping=1,
                host=os.environ.get("MYSQL_HOST", "mysql"),
                user=os.environ["MYSQL_USER"],
                password=os.environ["MYSQL_PASSWORD"],
                database="inventory",
                charset="utf8mb4",
            )
        except pymysql.err.OperationalError as exc:
            log.warning("mysql not ready (attempt %d): %s", attempt, exc)
            time.sleep(min(2 * attempt, 15))
    raise SystemExit("could not reach MySQL")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = build_pool()
    cache = redis.Redis(connection_pool=redis.ConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=20))
    handler = InventoryHandler(inventory_thrift, pool, cache)
    server = make_server(inventory_thrift.Inventory, handler, "0.0.0.0", 6000, client_timeout=None)
    log.info("inventory thrift server on :6000")
    try:
        server.serve()
    finally:
        pool.close()
        cache.close()


if __name__ == "__main__":
    main()
