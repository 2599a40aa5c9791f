from dagster import Definitions, EnvVar, ScheduleDefinition, define_asset_job

from .assets import account_usage_summary, raw_usage_events
from .resources import WarehouseResource
from .sensors import pending_invoice_sensor, refresh_usage_job, usage_spike_sensor

hourly_job = define_asset_job("hourly_usage", selection="raw_usage_events")

defs = Definitions(
    assets=[raw_usage_events, account_usage_summary],
    jobs=[refresh_usage_job, hourly_job],
    schedules=[ScheduleDefinition(job=hourly_job, cron_schedule="5 * * * *")],
    sensors=[usage_spike_sensor, pending_invoice_sensor],
    resources={"warehouse": WarehouseResource(url=EnvVar("WAREHOUSE_URL"))},
)
