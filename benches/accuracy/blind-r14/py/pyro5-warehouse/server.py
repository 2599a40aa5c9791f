import logging
import os

import Pyro5.api
from psycopg2.pool import ThreadedConnectionPool

from services import CatalogLookup, Reservations

logging.basicConfig(level=logging.INFO)


def main():
    Pyro5.config.SERVERTYPE = "thread"
    Pyro5.config.THREADPOOL_SIZE = 40

    pool = ThreadedConnectionPool(2, 12, dsn=os.environ.get("STOCK_DSN", "dbname=stock host=stock-db user=warehouse"))

    daemon = Pyro5.api.Daemon(host="0.0.0.0", port=int(os.environ.get("PYRO_PORT", "9090")))
    daemon.register(CatalogLookup, "warehouse.catalog")
    daemon.register(Reservations(pool), "warehouse.reservations")
    logging.info("warehouse services ready")
    try:
        daemon.requestLoop()
    finally:
        daemon.close()
        pool.closeall()


if __name__ == "__main__":
    main()
