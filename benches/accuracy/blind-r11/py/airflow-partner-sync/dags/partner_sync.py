from __future__ import annotations

import gzip
import json
import os
from datetime import timedelta

import boto3
import pendulum
import requests
from airflow.decorators import dag, task
from airflow.operators.python import PythonOperator

from include.partners import fetch_partner_feed
from include.warehouse import get_warehouse_conn, rows_as_dicts

RAW_BUCKET = os.environ.get("PARTNER_RAW_BUCKET", "acme-partner-raw")
SLACK_WEBHOOK = os.environ.get("PARTNER_SLACK_WEBHOOK", "")


def notify_slack(**context) -> None:
    """on_failure/summary hook; requests.post has no pooled session object."""
    if not SLACK_WEBHOOK:
        return
    ti = context["ti"]
    counts = ti.xcom_pull(task_ids="sync_partner", key="return_value") or []
    total = sum(c["count"] for c in counts)
    requests.post(
        SLACK_WEBHOOK,
        json={"text": f"partner_sync {context['ds']}: {len(counts)} partners, {total} offers"},
        timeout=10,
    )


@dag(
    schedule="*/15 * * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=2)},
    tags=["partners", "ingest"],
)
def partner_sync():
    @task
    def list_partners() -> list[dict]:
        conn = get_warehouse_conn()
        with conn.cursor() as cur:
            cur.execute(
                "SELECT slug, api_token FROM partners WHERE active AND feed_enabled ORDER BY slug"
            )
            return rows_as_dicts(cur)

    @task(max_active_tis_per_dag=8)
    def sync_partner(partner: dict, data_interval_end=None) -> dict:
        offers = fetch_partner_feed(partner["slug"], partner["api_token"])
        key = f"offers/{partner['slug']}/{data_interval_end:%Y/%m/%d/%H%M}.json.gz"
        s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        s3.put_object(
            Bucket=RAW_BUCKET,
            Key=key,
            Body=gzip.compress(json.dumps(offers).encode()),
            ContentType="application/json",
            ContentEncoding="gzip",
        )
        return {"slug": partner["slug"], "count": len(offers), "key": key}

    partners = list_partners()
    synced = sync_partner.expand(partner=partners)

    summary = PythonOperator(
        task_id="notify_slack",
        python_callable=notify_slack,
        trigger_rule="all_done",
    )
    synced >> summary


partner_sync()
