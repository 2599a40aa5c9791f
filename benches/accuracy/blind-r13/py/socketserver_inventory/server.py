import logging
import os
import socketserver
import time

import redis
from psycopg_pool import ConnectionPool, PoolTimeout

from protocol import ProtocolError, parse

log = logging.getLogger("scanner-gw")

DSN = os.environ.get("INVENTORY_DSN", "host=db.internal dbname=inventory user=scanner password=scanner")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/1")


class InventoryServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address, pool: ConnectionPool, cache: redis.Redis):
        self.pool = pool
        self.cache = cache
        super().__init__(address, ScannerHandler)


class ScannerHandler(socketserver.StreamRequestHandler):
    """One instance per scanner TCP connection; handle() loops over its lines."""

    timeout = 300

    def handle(self):
        for raw in self.rfile:
            try:
                cmd, args = parse(raw.decode("ascii", "replace"))
                reply = self.dispatch(cmd, args)
            except ProtocolError as exc:
                reply = f"ERR {exc}"
            self.wfile.write((reply + "\n").encode("ascii"))

    def dispatch(self, cmd: str, args: list[str]) -> str:
        if cmd == "PING":
            return "PONG"
        if cmd == "STOCK" and len(args) == 1:
            return self.stock(args[0])
        if cmd == "MOVE" and len(args) == 4:
            return self.move(*args)
        raise ProtocolError(f"bad command {cmd}")

    def stock(self, sku: str) -> str:
        cached = self.server.cache.get(f"stock:{sku}")
        if cached is not None:
            return f"OK {int(cached)}"
        with self.server.pool.connection() as conn:
            row = conn.execute("SELECT SUM(qty) FROM bin_stock WHERE sku = %s", (sku,)).fetchone()
        qty = int(row[0] or 0)
        self.server.cache.set(f"stock:{sku}", qty, ex=30)
        return f"OK {qty}"

    def move(self, sku: str, src: str, dst: str, qty: str) -> str:
        n = int(qty)
        with self.server.pool.connection() as conn:
            with conn.transaction():
                cur = conn.execute(
                    "UPDATE bin_stock SET qty = qty - %s WHERE sku = %s AND bin = %s AND qty >= %s",
                    (n, sku, src, n),
                )
                if cur.rowcount != 1:
                    return "ERR insufficient"
                conn.execute(
                    "INSERT INTO bin_stock (sku, bin, qty) VALUES (%s, %s, %s) "
                    "ON CONFLICT (sku, bin) DO UPDATE SET qty = bin_stock.qty + EXCLUDED.qty",
                    (sku, dst, n),
                )
        self.server.cache.delete(f"stock:{sku}")
        return "OK"


def open_pool() -> ConnectionPool:
    """Called once from main(); waits for the database to come up."""
    delay = 1.0
    for attempt in range(1, 11):
        pool = ConnectionPool(DSN, min_size=2, max_size=10, open=False)
        try:
            pool.open(wait=True, timeout=5.0)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("database not ready (attempt %d), retrying in %.0fs", attempt, delay)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    raise SystemExit("database never became available")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = open_pool()
    cache = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    with InventoryServer(("0.0.0.0", 4040), pool, cache) as server:
        log.info("scanner gateway listening on :4040")
        try:
            server.serve_forever()
        finally:
            cache.close()
            pool.close()


if __name__ == "__main__":
    main()
