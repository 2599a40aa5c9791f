"""AWS Step Functions activity worker: long-polls GetActivityTask in a loop and
completes one 'ApproveRefund' step per task."""
import json
import logging
import os
import socket

import boto3
from sqlalchemy import text

from returns.dbconf import make_engine

log = logging.getLogger("activity")

ACTIVITY_ARN = os.environ["REFUND_ACTIVITY_ARN"]


def approve(engine, payload):
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE returns SET status = 'refund_approved', refund_minor = :amt WHERE rma = :rma"),
            {"amt": payload["refund_minor"], "rma": payload["rma"]},
        )
    return {"rma": payload["rma"], "approved": True}


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=2)
    sfn = boto3.client("stepfunctions", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    worker_name = socket.gethostname()

    while True:
        task = sfn.get_activity_task(activityArn=ACTIVITY_ARN, workerName=worker_name)
        token = task.get("taskToken")
        if not token:
            continue
        try:
            result = approve(engine, json.loads(task["input"]))
        except Exception as exc:
            log.exception("refund approval failed")
            sfn.send_task_failure(taskToken=token, error="ApprovalFailed", cause=str(exc)[:256])
            continue
        sfn.send_task_success(taskToken=token, output=json.dumps(result))


if __name__ == "__main__":
    main()
