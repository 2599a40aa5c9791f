"""Background worker process (python -m app.worker): long-polls SQS."""
import json
import logging
import os
import time
from datetime import datetime, timezone

import boto3
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.models import Job

DATABASE_URL = os.environ.get(
    "WORKER_DATABASE_URL", "postgresql+psycopg2://jobs:jobs@localhost:5432/jobs"
)
QUEUE_URL = os.environ["JOBS_QUEUE_URL"]
log = logging.getLogger("worker")


def connect_with_retry(url: str, attempts: int = 10) -> Engine:
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=2, max_overflow=0, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError:
            engine.dispose()
            log.warning("database not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2**attempt, 30))
    raise RuntimeError("could not connect to the database")


def run_job(kind: str, args: dict) -> str:
    if kind == "echo":
        return json.dumps(args)
    if kind == "sum":
        return str(sum(args.get("values", [])))
    raise ValueError(f"unknown job kind {kind!r}")


def main() -> None:
    engine = connect_with_retry(DATABASE_URL)
    sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    log.info("worker started")

    while True:
        resp = sqs.receive_message(
            QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20
        )
        for message in resp.get("Messages", []):
            body = json.loads(message["Body"])
            with Session(engine) as session, session.begin():
                job = session.get(Job, body["job_id"])
                if job is None:
                    log.warning("job %s vanished", body["job_id"])
                else:
                    try:
                        job.result = run_job(job.kind, body.get("args", {}))
                        job.status = "done"
                    except Exception as exc:  # noqa: BLE001
                        job.result = str(exc)
                        job.status = "failed"
                    job.updated_at = datetime.now(timezone.utc)
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
