"""Long-running sync worker: loads the shop source into Postgres every few minutes."""
import logging
import os
import signal
import time

import dlt

from sources import shop_source

INTERVAL_SECONDS = int(os.environ.get("SYNC_INTERVAL_SECONDS", "300"))

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("shop-sync")

_stopping = False


def _stop(signum, frame):
    global _stopping
    _stopping = True


def main() -> None:
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    pipeline = dlt.pipeline(
        pipeline_name="shop_sync",
        destination="postgres",
        dataset_name="shop_raw",
    )
    while not _stopping:
        started = time.monotonic()
        try:
            info = pipeline.run(shop_source())
            log.info("load finished: %s", info)
        except Exception:
            log.exception("sync run failed; will retry next interval")
        elapsed = time.monotonic() - started
        time.sleep(max(5.0, INTERVAL_SECONDS - elapsed))


if __name__ == "__main__":
    main()
