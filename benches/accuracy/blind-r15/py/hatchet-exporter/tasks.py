import csv
import io
from datetime import date, timedelta

from hatchet_sdk import Context, EmptyModel, Hatchet
from pydantic import BaseModel

import clients

hatchet = Hatchet()

EXPORT_BUCKET = "acme-tenant-exports"


class ExportInput(BaseModel):
    tenant: str
    day: date


@hatchet.task(name="export-tenant-events", input_validator=ExportInput, execution_timeout=timedelta(minutes=15))
def export_tenant_events(input: ExportInput, ctx: Context) -> dict:
    ch = clients.clickhouse_for(input.tenant)
    result = ch.query(
        "SELECT ts, user_id, event, props FROM events WHERE toDate(ts) = {day:Date} ORDER BY ts",
        parameters={"day": input.day},
    )
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(result.column_names)
    writer.writerows(result.result_rows)

    key = f"{input.tenant}/{input.day.isoformat()}.csv"
    clients.s3().put_object(Bucket=EXPORT_BUCKET, Key=key, Body=buf.getvalue().encode())

    with clients.pool.connection() as conn:
        conn.execute(
            "INSERT INTO exports (tenant, day, s3_key, rows) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (tenant, day) DO UPDATE SET s3_key = EXCLUDED.s3_key, rows = EXCLUDED.rows",
            (input.tenant, input.day, key, len(result.result_rows)),
        )
    ctx.log(f"exported {len(result.result_rows)} rows to s3://{EXPORT_BUCKET}/{key}")
    return {"key": key, "rows": len(result.result_rows)}


@hatchet.task(name="schedule-daily-exports", on_crons=["15 1 * * *"])
def schedule_daily_exports(input: EmptyModel, ctx: Context) -> dict:
    with clients.pool.connection() as conn:
        tenants = [row[0] for row in conn.execute("SELECT slug FROM tenants WHERE export_enabled")]
    yesterday = date.today() - timedelta(days=1)
    export_tenant_events.run_many_no_wait(
        [export_tenant_events.create_bulk_run_item(input=ExportInput(tenant=t, day=yesterday)) for t in tenants]
    )
    return {"scheduled": len(tenants)}
