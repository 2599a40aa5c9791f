"""Digest process: posts a summary of unclassified scans on a cron schedule."""
import logging
import os
import time
from datetime import datetime, timezone

import httpx
from croniter import croniter
from sqlalchemy import text

from scanpipe.db import make_engine

log = logging.getLogger("scanpipe.digest")
SCHEDULE = os.environ.get("DIGEST_CRON", "0 7,13 * * 1-5")


def send_digest(engine, http):
    with engine.connect() as conn:
        pending = conn.execute(
            text(
                "SELECT count(*) FROM scanned_documents "
                "WHERE classified_at IS NULL AND uploaded_at < SYSTIMESTAMP - INTERVAL '2' HOUR"
            )
        ).scalar_one()
    if pending:
        http.post("/hooks/records-team", json={"text": f"{pending} scans waiting for classification"})


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    http = httpx.Client(base_url=os.environ.get("CHAT_API", "https://chat.internal"), timeout=10.0)
    schedule = croniter(SCHEDULE, datetime.now(timezone.utc))
    try:
        while True:
            next_run = schedule.get_next(datetime)
            time.sleep(max(0.0, (next_run - datetime.now(timezone.utc)).total_seconds()))
            try:
                send_digest(engine, http)
            except Exception:
                log.exception("digest failed")
    finally:
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
