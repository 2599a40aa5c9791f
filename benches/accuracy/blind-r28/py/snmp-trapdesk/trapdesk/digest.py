"""Digest worker: every 15 minutes, roll raw traps up into per-site counts for the NOC wall."""
import logging
import os
import signal
import threading

from sqlalchemy import text

from trapdesk.db import make_engine

log = logging.getLogger("trapdesk.digest")

INTERVAL = int(os.environ.get("DIGEST_INTERVAL_SECONDS", "900"))

ROLLUP = text(
    """
    INSERT INTO trap_rollups (bucket, site, trap_oid, n)
    SELECT date_trunc('hour', received_at), site, trap_oid, count(*)
    FROM traps
    WHERE received_at >= :since
    GROUP BY 1, 2, 3
    ON CONFLICT (bucket, site, trap_oid) DO UPDATE SET n = EXCLUDED.n
    """
)


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    engine = make_engine(pool_size=1)
    try:
        while not stop.is_set():
            with engine.begin() as conn:
                since = conn.execute(
                    text("SELECT coalesce(max(bucket), now() - interval '1 day') FROM trap_rollups")
                ).scalar_one()
                result = conn.execute(ROLLUP, {"since": since})
            log.info("rolled up %d buckets since %s", result.rowcount, since)
            stop.wait(INTERVAL)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
