"""Tracking poller process: asks carriers for status updates once a minute."""
import logging
import os
import signal
import time
from datetime import timedelta

import httpx
from sqlalchemy import text
from timeloop import Timeloop

from shared.db import make_engine, make_sessionmaker

log = logging.getLogger("tracking")

engine = make_engine(pool_size=2, max_overflow=0)
Session = make_sessionmaker(engine)
carriers = httpx.Client(base_url=os.environ.get("CARRIER_GATEWAY", "https://carriers.internal"), timeout=15.0)

tl = Timeloop()


@tl.job(interval=timedelta(seconds=60))
def poll_tracking():
    with Session() as s:
        pending = s.execute(
            text("SELECT id, carrier, tracking_number FROM parcels "
                 "WHERE status NOT IN ('delivered', 'returned') ORDER BY updated_at LIMIT 200")
        ).all()
    updates = []
    for parcel_id, carrier, number in pending:
        resp = carriers.get(f"/{carrier}/track/{number}")
        if resp.status_code == 200:
            updates.append({"id": parcel_id, "status": resp.json()["status"]})
    if updates:
        with Session.begin() as s:
            s.execute(text("UPDATE parcels SET status = :status, updated_at = now() WHERE id = :id"), updates)
    log.info("updated %d of %d parcels", len(updates), len(pending))


@tl.job(interval=timedelta(hours=1))
def purge_old_events():
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM tracking_events WHERE created_at < now() - interval '90 days'"))


def main():
    logging.basicConfig(level=logging.INFO)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    tl.start(block=False)
    try:
        while not stopping:
            time.sleep(1)
    finally:
        tl.stop()
        carriers.close()
        engine.dispose()


if __name__ == "__main__":
    main()
