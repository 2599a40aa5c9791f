import logging
import os
import time

import httpx
import zmq
from psycopg_pool import ConnectionPool, PoolTimeout

from handler import PriceHandler

log = logging.getLogger("pricing")

DSN = os.environ["DATABASE_URL"]
FX_URL = os.environ.get("FX_URL", "http://fx:8080")
BIND = os.environ.get("ZMQ_BIND", "tcp://*:5555")


def open_pool(attempts: int = 8) -> ConnectionPool:
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(DSN, min_size=2, max_size=10, open=False)
        try:
            pool.open(wait=True, timeout=5.0)
            return pool
        except PoolTimeout:
            pool.close()
            log.warning("database not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 ** attempt, 30))
    raise SystemExit("database unavailable, giving up")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = open_pool()
    http = httpx.Client(base_url=FX_URL, timeout=5.0)
    handler = PriceHandler(pool, http)

    ctx = zmq.Context()
    sock = ctx.socket(zmq.REP)
    sock.bind(BIND)
    poller = zmq.Poller()
    poller.register(sock, zmq.POLLIN)
    log.info("pricing service listening on %s", BIND)

    try:
        while True:
            events = dict(poller.poll(timeout=1000))
            if sock not in events:
                continue
            req = sock.recv_json()
            try:
                reply = handler.dispatch(req)
            except Exception:
                log.exception("request failed")
                reply = {"ok": False, "error": "internal"}
            sock.send_json(reply)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close(linger=0)
        ctx.term()
        http.close()
        pool.close()


if __name__ == "__main__":
    main()
