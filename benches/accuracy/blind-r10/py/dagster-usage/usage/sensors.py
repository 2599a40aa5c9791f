import json
import os

import redis
from dagster import RunConfig, RunRequest, SensorEvaluationContext, SkipReason, define_asset_job, sensor

from .assets import UsageConfig
from .clients import get_billing_api

refresh_usage_job = define_asset_job("refresh_usage", selection="account_usage_summary")


@sensor(job=refresh_usage_job, minimum_interval_seconds=30)
def usage_spike_sensor(context: SensorEvaluationContext):
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    since = float(context.cursor or 0)
    spikes = r.zrangebyscore("usage:spikes", since, "+inf", withscores=True)
    if not spikes:
        return SkipReason("no usage spikes")
    accounts = sorted({member.decode() for member, _ in spikes})
    context.update_cursor(str(max(score for _, score in spikes)))
    return RunRequest(
        run_key=f"spike-{context.cursor}",
        run_config=RunConfig(ops={"account_usage_summary": UsageConfig(account_ids=accounts)}),
    )


@sensor(job=refresh_usage_job, minimum_interval_seconds=120)
def pending_invoice_sensor(context: SensorEvaluationContext):
    api = get_billing_api()
    resp = api.get("/v2/invoices", params={"status": "pending_usage"})
    resp.raise_for_status()
    invoices = resp.json()["data"]
    if not invoices:
        yield SkipReason("no invoices waiting for usage")
        return
    accounts = sorted({inv["account_id"] for inv in invoices})
    context.log.info("refreshing usage for %s", json.dumps(accounts))
    yield RunRequest(
        run_key=",".join(inv["id"] for inv in invoices),
        run_config=RunConfig(ops={"account_usage_summary": UsageConfig(account_ids=accounts)}),
    )
