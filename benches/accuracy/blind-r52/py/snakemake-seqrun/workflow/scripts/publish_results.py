"""Upload the run's QC reports and tell the LIMS the run is complete.

Runs once per workflow execution (single `publish` job, own process).
"""
import json
import os
from pathlib import Path

import boto3
import requests

run_id = snakemake.params.run_id
bucket = snakemake.params.bucket

s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-east-1"))

uploaded = []
for report in snakemake.input.qc:
    key = f"{run_id}/qc/{Path(report).name}"
    s3.upload_file(report, bucket, key)
    uploaded.append(key)

samples = []
for reg in snakemake.input.registered:
    with open(reg) as fh:
        samples.append(json.load(fh))

with requests.Session() as lims:
    lims.headers["Authorization"] = f"Token {os.environ['LIMS_TOKEN']}"
    resp = lims.post(
        f"{snakemake.params.lims_url}/runs/{run_id}/complete",
        json={
            "reports": [f"s3://{bucket}/{k}" for k in uploaded],
            "samples": samples,
            "failed_samples": [s["sample"] for s in samples if s["failed"]],
        },
        timeout=30,
    )
    resp.raise_for_status()
