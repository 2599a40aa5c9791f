import logging
import signal
import sys
import time

import mido
from psycopg_pool import ConnectionPool, PoolTimeout

from . import config
from .handler import MidiHandler
from .venues import venue_redis

log = logging.getLogger("bridge")


def open_pool():
    """Start-up only: wait for the database, retrying a bounded number of times."""
    for attempt in range(1, 11):
        pool = ConnectionPool(config.DATABASE_DSN, min_size=1, max_size=4, open=False,
                              kwargs={"application_name": "lighting-bridge"})
        try:
            pool.open(wait=True, timeout=10)
        except PoolTimeout:
            pool.close()
            log.warning("database not reachable (attempt %d/10), retrying", attempt)
            time.sleep(min(2 * attempt, 15))
            continue
        return pool
    log.error("giving up: database unreachable")
    sys.exit(1)


def main():
    logging.basicConfig(level=logging.INFO)
    pool = open_pool()
    handler = MidiHandler(pool, venue_redis)
    stop_signals = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
    port = mido.open_input(config.MIDI_PORT, callback=handler)
    log.info("listening on %s", config.MIDI_PORT)
    try:
        signal.sigwait(stop_signals)
    finally:
        port.close()
        venue_redis.close()
        pool.close()


if __name__ == "__main__":
    main()
