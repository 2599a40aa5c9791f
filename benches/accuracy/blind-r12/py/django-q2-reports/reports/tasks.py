import csv
import io
from datetime import date, timedelta

from django.conf import settings
from django.db import connection
from django_q.tasks import async_task

from .clients import s3, tenant_search


def build_usage_report(tenant: str, days: int = 30) -> str:
    """Aggregate API usage for one tenant and upload it as CSV. Runs in a Q cluster worker."""
    since = date.today() - timedelta(days=days)
    es = tenant_search(tenant)
    resp = es.search(
        index="api-usage-*",
        size=0,
        query={"range": {"@timestamp": {"gte": since.isoformat()}}},
        aggs={"by_key": {"terms": {"field": "api_key", "size": 500}}},
    )
    with connection.cursor() as cur:
        cur.execute("SELECT api_key, owner_email FROM api_keys WHERE tenant = %s", [tenant])
        owners = dict(cur.fetchall())

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["api_key", "owner", "requests"])
    for bucket in resp["aggregations"]["by_key"]["buckets"]:
        writer.writerow([bucket["key"], owners.get(bucket["key"], ""), bucket["doc_count"]])

    key = f"{tenant}/usage-{date.today():%Y%m%d}.csv"
    s3().put_object(Bucket=settings.REPORTS_BUCKET, Key=key, Body=buf.getvalue().encode())
    return key


def nightly_reports() -> None:
    """Scheduled nightly; fans out one task per tenant."""
    for tenant in settings.TENANT_SEARCH_URLS:
        async_task("reports.tasks.build_usage_report", tenant, 30, group=f"nightly-{date.today()}")


def purge_old_reports(keep_days: int = 90) -> int:
    cutoff = date.today() - timedelta(days=keep_days)
    client = s3()
    paginator = client.get_paginator("list_objects_v2")
    deleted = 0
    for page in paginator.paginate(Bucket=settings.REPORTS_BUCKET):
        stale = [{"Key": o["Key"]} for o in page.get("Contents", []) if o["LastModified"].date() < cutoff]
        if stale:
            client.delete_objects(Bucket=settings.REPORTS_BUCKET, Delete={"Objects": stale})
            deleted += len(stale)
    return deleted
