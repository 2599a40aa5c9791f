"""Step Functions activity worker: long-polls GetActivityTask, one task at a time."""
import json
import logging
import os
import signal
import socket
import threading
import time

import boto3
from botocore.config import Config
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from statusboard.db import make_engine

log = logging.getLogger("statusboard.worker")

ACTIVITY_ARN = os.environ["ACTIVITY_ARN"]
WORKER_NAME = os.environ.get("DYNO", socket.gethostname())
_stop = threading.Event()


def connect_with_retry(attempts: int = 10):
    for attempt in range(1, attempts + 1):
        engine = make_engine()
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError:
            engine.dispose()
            if attempt == attempts:
                raise
            log.warning("database unavailable, retry %d/%d", attempt, attempts)
            time.sleep(min(2 * attempt, 20))
    raise RuntimeError("unreachable")


def handle(engine, payload: dict) -> dict:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO executions (execution_id, state, step, updated_at)"
                " VALUES (:id, 'RUNNING', :step, now())"
                " ON CONFLICT (execution_id) DO UPDATE SET state = 'RUNNING', step = :step, updated_at = now()"
            ),
            {"id": payload["executionId"], "step": payload["step"]},
        )
        shipped = conn.execute(
            text("SELECT count(*) FROM shipments WHERE order_id = :order AND status = 'shipped'"),
            {"order": payload["orderId"]},
        ).scalar_one()
    return {"orderId": payload["orderId"], "shippedParcels": shipped}


def main():
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, lambda *_: _stop.set())
    engine = connect_with_retry()
    sfn = boto3.client("stepfunctions", config=Config(read_timeout=70, retries={"max_attempts": 5}))
    try:
        while not _stop.is_set():
            task = sfn.get_activity_task(activityArn=ACTIVITY_ARN, workerName=WORKER_NAME)
            token = task.get("taskToken")
            if not token:
                continue
            try:
                result = handle(engine, json.loads(task["input"]))
            except Exception as exc:
                log.exception("activity failed")
                sfn.send_task_failure(taskToken=token, error=type(exc).__name__, cause=str(exc)[:32000])
            else:
                sfn.send_task_success(taskToken=token, output=json.dumps(result))
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
