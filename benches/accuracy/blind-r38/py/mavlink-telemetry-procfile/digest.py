"""Long-running: posts an hourly flight digest to the ops chat webhook."""
import logging
import os
import sched
import time

import requests
from sqlalchemy import text

from common.db import make_engine

log = logging.getLogger("digest")
HOUR = 3600


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    chat = requests.Session()
    webhook = os.environ["OPS_WEBHOOK_URL"]
    scheduler = sched.scheduler(time.time, time.sleep)

    def run_digest():
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    text(
                        "SELECT vehicle, COUNT(*) AS fixes, MIN(battery_pct) AS min_batt "
                        "FROM positions WHERE ts > NOW() - INTERVAL 1 HOUR GROUP BY vehicle"
                    )
                ).all()
            lines = [f"UAV {r.vehicle}: {r.fixes} fixes, min battery {r.min_batt}%" for r in rows]
            chat.post(webhook, json={"text": "\n".join(lines) or "No flights in the last hour."}, timeout=10)
        except Exception:
            log.exception("digest failed")
        finally:
            scheduler.enter(HOUR, 1, run_digest)

    next_hour = (int(time.time()) // HOUR + 1) * HOUR
    scheduler.enterabs(next_hour, 1, run_digest)
    try:
        scheduler.run()
    finally:
        chat.close()
        engine.dispose()


if __name__ == "__main__":
    main()
