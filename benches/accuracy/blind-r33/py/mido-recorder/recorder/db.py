import logging
import os
import time

import psycopg

log = logging.getLogger(__name__)
DSN = os.environ.get("PRACTICE_DSN", "postgresql://practice@localhost:5432/practice")


def connect_with_retry(attempts=10):
    """The studio box boots faster than the NAS that hosts Postgres."""
    delay = 1.0
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg.connect(DSN, connect_timeout=5, application_name="midi-recorder")
            break
        except psycopg.OperationalError as exc:
            log.warning("postgres not ready (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(delay)
            delay = min(delay * 2, 30)
    else:
        raise RuntimeError("could not reach postgres")
    return conn
