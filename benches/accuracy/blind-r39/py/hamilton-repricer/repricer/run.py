import logging
import os
import time

import redis
from hamilton import base, driver

from repricer import nodes

log = logging.getLogger("repricer")

INTERVAL_SECONDS = int(os.environ.get("REPRICE_INTERVAL", "300"))


def build_driver():
    return driver.Builder().with_modules(nodes).with_adapters(base.DictResult()).build()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    overrides = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    dr = build_driver()
    inputs = {
        "warehouse_url": os.environ["WAREHOUSE_URL"],
        "competitor_api_url": os.environ["COMPETITOR_API_URL"],
        "competitor_api_key": os.environ["COMPETITOR_API_KEY"],
        "lookback_hours": 24,
        "max_discount": float(os.environ.get("MAX_DISCOUNT", "0.15")),
    }

    while True:
        started = time.monotonic()
        try:
            result = dr.execute(["price_updates"], inputs=inputs)
            updates = result["price_updates"]
            pipe = overrides.pipeline()
            for row in updates.itertuples(index=False):
                pipe.hset("price:overrides", row.sku, f"{row.new_price:.2f}")
            pipe.expire("price:overrides", INTERVAL_SECONDS * 3)
            pipe.execute()
            log.info("pushed %d price overrides", len(updates))
        except Exception:
            log.exception("repricing run failed")
        time.sleep(max(0.0, INTERVAL_SECONDS - (time.monotonic() - started)))


if __name__ == "__main__":
    main()
