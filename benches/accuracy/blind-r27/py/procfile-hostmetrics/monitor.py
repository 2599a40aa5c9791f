"""Worker process: samples this host with psutil every INTERVAL seconds."""
import logging
import os
import socket
import time

import psutil
from sqlalchemy import insert, text
from sqlalchemy.exc import OperationalError

from common.db import make_engine, metadata, samples

INTERVAL = int(os.environ.get("SAMPLE_INTERVAL", "15"))
log = logging.getLogger("monitor")


def wait_for_db(attempts: int = 20):
    for attempt in range(1, attempts + 1):
        engine = make_engine(pool_size=1, max_overflow=0)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError as exc:
            engine.dispose()
            log.warning("database not reachable (%s), attempt %d/%d", exc.orig, attempt, attempts)
            time.sleep(min(attempt * 2, 20))
    raise SystemExit("giving up: database unavailable")


def take_sample(host: str, prev_net):
    net = psutil.net_io_counters()
    sample = {
        "host": host,
        "cpu_pct": psutil.cpu_percent(interval=None),
        "mem_pct": psutil.virtual_memory().percent,
        "disk_pct": psutil.disk_usage("/").percent,
        "load_1m": psutil.getloadavg()[0],
        "net_sent_kb": (net.bytes_sent - prev_net.bytes_sent) / 1024,
        "net_recv_kb": (net.bytes_recv - prev_net.bytes_recv) / 1024,
    }
    return sample, net


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    engine = wait_for_db()
    metadata.create_all(engine)
    host = os.environ.get("HOST_LABEL", socket.gethostname())
    psutil.cpu_percent(interval=None)  # prime the CPU counter
    prev_net = psutil.net_io_counters()
    try:
        while True:
            time.sleep(INTERVAL)
            sample, prev_net = take_sample(host, prev_net)
            with engine.begin() as conn:
                conn.execute(insert(samples), sample)
            if sample["disk_pct"] > 90:
                log.warning("disk almost full on %s: %.1f%%", host, sample["disk_pct"])
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
