import logging
import os
import time

import clickhouse_connect
import psycopg

log = logging.getLogger(__name__)

CH_HOST = os.environ.get("TRIAGE_CH_HOST", "clickhouse.re.internal")
CASES_DSN = os.environ.get("CASES_DSN", "postgresql://triage@cases-db.re.internal/cases")


def connect_clickhouse(attempts=5):
    """The ClickHouse box is often still waking up when the analyst starts a run."""
    last_exc = None
    for attempt in range(1, attempts + 1):
        client = None
        try:
            client = clickhouse_connect.get_client(
                host=CH_HOST,
                username=os.environ.get("TRIAGE_CH_USER", "triage"),
                password=os.environ.get("TRIAGE_CH_PASSWORD", ""),
                database="malware",
                connect_timeout=5,
            )
            if not client.ping():
                raise ConnectionError("ping failed")
            break
        except Exception as exc:  # clickhouse_connect raises OperationalError / DatabaseError
            if client is not None:
                client.close()
            last_exc = exc
            log.warning("clickhouse not ready (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(2 * attempt)
    else:
        raise RuntimeError("clickhouse unavailable") from last_exc
    return client


def open_cases_db():
    return psycopg.connect(CASES_DSN, autocommit=True)
