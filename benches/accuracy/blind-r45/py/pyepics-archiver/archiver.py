"""Long-running vacuum archiver: monitors PVs and records every update."""
import logging
import os
import sys
import time

import epics
import redis
import yaml
from psycopg_pool import ConnectionPool

from recorder import Recorder

log = logging.getLogger("archiver")

DSN = os.environ.get("ARCHIVE_DSN", "postgresql://archiver:archiver@ctl-db:5432/archive")
REDIS_URL = os.environ.get("REDIS_URL", "redis://ctl-cache:6379/0")


def open_pool(attempts=10):
    delay = 1.0
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(DSN, min_size=1, max_size=4, open=False,
                              kwargs={"application_name": "vacuum-archiver"})
        try:
            pool.open(wait=True, timeout=10)
            break
        except Exception as exc:
            pool.close()
            log.warning("database not ready (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    else:
        sys.exit("archive database unavailable")
    return pool


def main(config_path):
    logging.basicConfig(level=logging.INFO)
    with open(config_path) as fh:
        config = yaml.safe_load(fh)

    pool = open_pool()
    cache = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    recorder = Recorder(pool, cache)

    monitors = []
    for name in config.get("vacuum", []):
        monitors.append(epics.PV(name, callback=recorder.on_pressure, auto_monitor=True))
    for name in config.get("valves", []):
        monitors.append(epics.PV(name, form="ctrl", callback=recorder.on_valve, auto_monitor=True))
    log.info("monitoring %d PVs", len(monitors))

    try:
        while True:
            time.sleep(60)
            disconnected = [pv.pvname for pv in monitors if not pv.connected]
            if disconnected:
                log.warning("disconnected PVs: %s", ", ".join(disconnected))
    except KeyboardInterrupt:
        pass
    finally:
        for pv in monitors:
            pv.clear_callbacks()
            pv.disconnect()
        pool.close()
        cache.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "pvs.yaml")
