import logging
import os
import signal
import time

import boto3
import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from .apply import apply_entry

log = logging.getLogger("ledger-worker")

QUEUE_URL = os.environ["LEDGER_QUEUE_URL"]
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://ledger:ledger@localhost:5432/ledger")

running = True


def _stop(signum, frame):
    global running
    running = False


def open_pool() -> ConnectionPool:
    """The database may come up after us in compose/k8s; retry a few times at start-up."""
    delay = 1.0
    for attempt in range(1, 8):
        pool = ConnectionPool(DATABASE_URL, min_size=2, max_size=8, open=False, name="ledger")
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except (PoolTimeout, psycopg.OperationalError) as exc:
            log.warning("database not ready (attempt %d): %s", attempt, exc)
            pool.close()
            time.sleep(delay)
            delay = min(delay * 2, 30)
    raise SystemExit("could not connect to the ledger database")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    pool = open_pool()
    try:
        while running:
            resp = sqs.receive_message(
                QueueUrl=QUEUE_URL,
                MaxNumberOfMessages=10,
                WaitTimeSeconds=20,
                VisibilityTimeout=60,
            )
            for message in resp.get("Messages", []):
                try:
                    apply_entry(pool, message)
                except Exception:
                    log.exception("failed to apply %s; leaving it for redrive", message["MessageId"])
                    continue
                sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])
    finally:
        pool.close()


if __name__ == "__main__":
    main()
