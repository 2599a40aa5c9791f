"""Workflows for syncing PSP settlements into the accounting ledger."""
import logging
import os
import threading
from datetime import datetime, timedelta, timezone

from dbos import DBOS, DBOSConfig, Queue

from .clients import get_redis
from .steps import fetch_fx_rates, fetch_settlements, ledger_balance, post_to_ledger

logging.basicConfig(level=logging.INFO)

config: DBOSConfig = {
    "name": "ledger-sync",
    "database_url": os.environ.get("DBOS_DATABASE_URL"),
}
DBOS(config=config)

settle_queue = Queue("settlements", concurrency=4)


@DBOS.workflow()
def post_settlement(settlement: dict) -> bool:
    rates = fetch_fx_rates(settlement["currency"])
    return post_to_ledger(settlement, rates.get("EUR", "1"))


@DBOS.scheduled("*/10 * * * *")
@DBOS.workflow()
def sync_settlements(scheduled_time: datetime, actual_time: datetime) -> None:
    cache = get_redis()
    since = cache.get("ledger:last_sync") or (
        scheduled_time - timedelta(hours=1)
    ).isoformat()
    handles = [
        settle_queue.enqueue(post_settlement, s) for s in fetch_settlements(since)
    ]
    posted = sum(1 for h in handles if h.get_result())
    cache.set("ledger:last_sync", scheduled_time.isoformat())
    DBOS.logger.info("sync at %s posted %d settlements", actual_time, posted)


@DBOS.scheduled("0 * * * *")
@DBOS.workflow()
def hourly_balance_snapshot(scheduled_time: datetime, actual_time: datetime) -> None:
    balance = ledger_balance("psp-clearing")
    DBOS.logger.info("clearing balance at %s: %s EUR", scheduled_time, balance)


def main() -> None:
    DBOS.launch()
    DBOS.logger.info("ledger-sync started at %s", datetime.now(timezone.utc))
    threading.Event().wait()


if __name__ == "__main__":
    main()
