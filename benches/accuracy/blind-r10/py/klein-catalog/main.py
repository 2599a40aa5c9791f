import os

from twisted.enterprise import adbapi
from twisted.internet import reactor
from twisted.web.client import HTTPConnectionPool

from catalog import CatalogApp


def main() -> None:
    dbpool = adbapi.ConnectionPool(
        "psycopg2",
        os.environ.get("CATALOG_DSN", "dbname=catalog user=catalog host=localhost"),
        cp_min=2,
        cp_max=10,
        cp_reconnect=True,
    )
    http_pool = HTTPConnectionPool(reactor, persistent=True)
    http_pool.maxPersistentPerHost = 8

    reactor.addSystemEventTrigger("before", "shutdown", dbpool.close)
    reactor.addSystemEventTrigger("before", "shutdown", http_pool.closeCachedConnections)

    catalog = CatalogApp(dbpool, http_pool, os.environ.get("STOCK_URL", "http://stock.internal:8081"))
    catalog.app.run("0.0.0.0", int(os.environ.get("PORT", "8080")))


if __name__ == "__main__":
    main()
