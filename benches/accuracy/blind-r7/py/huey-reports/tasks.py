import csv
import datetime as dt
import functools
import io
import json
import threading
import urllib.request

import boto3
from huey import RedisHuey, crontab
from pymongo import MongoClient

from config import REDIS_URL, REPORT_BUCKET, SLACK_WEBHOOK, TENANT_URIS

huey = RedisHuey("reports", url=REDIS_URL)

_clients: dict[str, MongoClient] = {}
_clients_lock = threading.Lock()


def tenant_db(tenant: str):
    """One MongoClient per tenant, reused by every task that touches that tenant."""
    with _clients_lock:
        client = _clients.get(tenant)
        if client is None:
            client = MongoClient(TENANT_URIS[tenant], maxPoolSize=10, appname="reports")
            _clients[tenant] = client
    return client.get_default_database()


@functools.lru_cache(maxsize=1)
def s3():
    return boto3.client("s3")


def notify(text: str) -> None:
    if not SLACK_WEBHOOK:
        return
    req = urllib.request.Request(
        SLACK_WEBHOOK,
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        resp.read()


@huey.task(retries=2, retry_delay=60)
def build_monthly_report(tenant: str, month: str) -> str:
    db = tenant_db(tenant)
    start = dt.datetime.strptime(month, "%Y-%m")
    end = (start + dt.timedelta(days=32)).replace(day=1)

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["order_id", "customer", "total", "created_at"])
    for order in db.orders.find({"created_at": {"$gte": start, "$lt": end}}).sort("created_at"):
        writer.writerow([order["_id"], order["customer"], order["total"], order["created_at"].isoformat()])

    key = f"{tenant}/{month}.csv"
    s3().put_object(Bucket=REPORT_BUCKET, Key=key, Body=buf.getvalue().encode("utf-8"))
    notify(f"Report ready for {tenant}: s3://{REPORT_BUCKET}/{key}")
    return key


@huey.periodic_task(crontab(day="1", hour="3", minute="0"))
def monthly_reports():
    last_month = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    for tenant in TENANT_URIS:
        build_monthly_report(tenant, last_month)
