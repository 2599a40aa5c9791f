"""One-off capacity study: python simulate.py --clinic north --replications 200.

Reads the clinic's staffing scenarios from Postgres, simulates each one, writes
results back, uploads a JSON report to S3 and notifies the planning service.
"""
import argparse
import json
import os
from datetime import date

import boto3
import psycopg
import requests
from psycopg.rows import dict_row

from model import Params, run_once

DSN = os.environ.get("PLANNING_DSN", "postgresql://planner@planning-db/planning")
REPORT_BUCKET = os.environ.get("REPORT_BUCKET", "clinic-capacity-reports")
PLANNING_API = os.environ.get("PLANNING_API", "https://planning.example.org/api")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clinic", required=True)
    parser.add_argument("--replications", type=int, default=100)
    args = parser.parse_args()

    conn = psycopg.connect(DSN, row_factory=dict_row)
    try:
        scenarios = conn.execute(
            "SELECT id, doctors, triage_nurses, arrivals_per_hour, triage_minutes, "
            "consult_minutes FROM scenarios WHERE clinic = %s ORDER BY id",
            (args.clinic,),
        ).fetchall()

        report = []
        for scenario in scenarios:
            params = Params(**{k: v for k, v in scenario.items() if k != "id"})
            for seed in range(args.replications):
                summary = run_once(params, seed)
                conn.execute(
                    "INSERT INTO scenario_runs (scenario_id, seed, result) VALUES (%s, %s, %s)",
                    (scenario["id"], seed, json.dumps(summary)),
                )
                report.append({"scenario": scenario["id"], "seed": seed, **summary})
            conn.commit()
    finally:
        conn.close()

    key = f"{args.clinic}/{date.today().isoformat()}.json"
    s3 = boto3.client("s3")
    s3.put_object(Bucket=REPORT_BUCKET, Key=key, Body=json.dumps(report).encode())

    with requests.Session() as http:
        http.post(
            f"{PLANNING_API}/studies",
            json={"clinic": args.clinic, "report": f"s3://{REPORT_BUCKET}/{key}"},
            timeout=15,
        ).raise_for_status()
    print(f"{len(report)} runs written, report at s3://{REPORT_BUCKET}/{key}")


if __name__ == "__main__":
    main()
