"""Weekly-ish digest worker driven by the stdlib sched scheduler."""
import logging
import os
import sched
import time

import httpx
from sqlalchemy import text

from db import make_engine

log = logging.getLogger("digest")
INTERVAL = int(os.environ.get("DIGEST_INTERVAL_SECONDS", "3600"))
VK_API = "https://api.vk.com/method/wall.post"


def run_digest(scheduler, engine, http):
    try:
        with engine.begin() as conn:
            rows = conn.execute(
                text(
                    "UPDATE suggestions SET digested_at = now() "
                    "WHERE digested_at IS NULL RETURNING body"
                )
            ).all()
        if rows:
            message = "Идеи сообщества:\n" + "\n".join(f"• {r.body}" for r in rows)
            http.post(
                VK_API,
                data={
                    "owner_id": f"-{os.environ['VK_GROUP_ID']}",
                    "from_group": 1,
                    "message": message,
                    "access_token": os.environ["VK_WALL_TOKEN"],
                    "v": "5.199",
                },
            ).raise_for_status()
            log.info("posted digest with %d ideas", len(rows))
    except Exception:
        log.exception("digest run failed")
    finally:
        scheduler.enter(INTERVAL, 1, run_digest, (scheduler, engine, http))


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=1)
    http = httpx.Client(timeout=10)
    scheduler = sched.scheduler(time.time, time.sleep)
    scheduler.enter(0, 1, run_digest, (scheduler, engine, http))
    try:
        scheduler.run()
    finally:
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
