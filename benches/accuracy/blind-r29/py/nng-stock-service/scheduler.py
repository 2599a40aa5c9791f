"""APScheduler 4 process: periodic reorder checks and nightly snapshots."""
import logging

from apscheduler import Scheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine, text

from db import make_engine

log = logging.getLogger("stock-scheduler")

ENGINE: Engine | None = None  # set once in main(), before the scheduler starts


def check_reorders() -> None:
    with ENGINE.begin() as conn:
        created = conn.execute(
            text(
                "INSERT INTO reorders (sku, site, qty, created_at) "
                "SELECT s.sku, s.site, s.reorder_qty, NOW() FROM stock s "
                "LEFT JOIN reorders r ON r.sku = s.sku AND r.site = s.site AND r.closed_at IS NULL "
                "WHERE s.qty <= s.reorder_level AND r.sku IS NULL"
            )
        ).rowcount
    log.info("created %d reorders", created)


def snapshot_levels() -> None:
    with ENGINE.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO stock_snapshots (day, sku, site, qty) "
                "SELECT CURDATE(), sku, site, qty FROM stock"
            )
        )
    log.info("snapshot written")


def main() -> None:
    global ENGINE
    logging.basicConfig(level=logging.INFO)
    ENGINE = make_engine(pool_size=2)
    with Scheduler() as scheduler:
        scheduler.add_schedule(check_reorders, IntervalTrigger(minutes=5), id="reorders")
        scheduler.add_schedule(snapshot_levels, CronTrigger(hour=23, minute=55), id="snapshot")
        scheduler.run_until_stopped()


if __name__ == "__main__":
    main()
