"""One-off / release-phase backfill of executions rows from the Step Functions API."""
import argparse
import os

import boto3
from sqlalchemy import text

from statusboard.db import make_engine


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--missing-only", action="store_true")
    parser.add_argument("--state-machine-arn", default=os.environ.get("STATE_MACHINE_ARN"))
    args = parser.parse_args()

    sfn = boto3.client("stepfunctions")
    engine = make_engine()
    try:
        paginator = sfn.get_paginator("list_executions")
        with engine.begin() as conn:
            known = set()
            if args.missing_only:
                known = {r[0] for r in conn.execute(text("SELECT execution_id FROM executions"))}
            for page in paginator.paginate(stateMachineArn=args.state_machine_arn):
                for ex in page["executions"]:
                    if ex["executionArn"] in known:
                        continue
                    conn.execute(
                        text(
                            "INSERT INTO executions (execution_id, state, step, updated_at)"
                            " VALUES (:id, :state, NULL, :at) ON CONFLICT DO NOTHING"
                        ),
                        {"id": ex["executionArn"], "state": ex["status"], "at": ex.get("stopDate") or ex["startDate"]},
                    )
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
