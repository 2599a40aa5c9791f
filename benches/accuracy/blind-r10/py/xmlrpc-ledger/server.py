import logging
import os
import time
from socketserver import ThreadingMixIn
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer

import psycopg2
from psycopg2.pool import ThreadedConnectionPool

from ledger import LedgerService

log = logging.getLogger("ledger")
DSN = os.environ.get("LEDGER_DSN", "dbname=ledger user=ledger host=localhost")


class ThreadedXMLRPCServer(ThreadingMixIn, SimpleXMLRPCServer):
    daemon_threads = True


class RequestHandler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/RPC2",)


def connect_with_retry(dsn: str, attempts: int = 8) -> ThreadedConnectionPool:
    for attempt in range(1, attempts + 1):
        try:
            return ThreadedConnectionPool(2, 12, dsn)
        except psycopg2.OperationalError as exc:
            delay = min(2**attempt, 30)
            log.warning("database not ready (%s), retrying in %ss", exc, delay)
            time.sleep(delay)
    raise SystemExit("could not reach the ledger database")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = connect_with_retry(DSN)
    server = ThreadedXMLRPCServer(("0.0.0.0", 8069), requestHandler=RequestHandler, allow_none=True)
    server.register_introspection_functions()
    server.register_instance(LedgerService(pool))
    server.register_function(lambda: "pong", "ping")
    try:
        server.serve_forever()
    finally:
        pool.closeall()


if __name__ == "__main__":
    main()
