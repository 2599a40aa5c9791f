import csv
import io
import logging
import os
from datetime import datetime, timedelta, timezone

import boto3

from clients import clickhouse, pg_pool
from scheduler import app

log = logging.getLogger("etl")

EXPORT_BUCKET = os.environ.get("EXPORT_BUCKET", "metering-exports")


@app.task("every 5 minutes")
def roll_up_usage():
    since = datetime.now(timezone.utc) - timedelta(minutes=5)
    ch = clickhouse()
    result = ch.query(
        "SELECT account_id, sum(units) AS units FROM events WHERE ts >= %(since)s GROUP BY account_id",
        parameters={"since": since},
    )
    with pg_pool.connection() as conn:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO usage_rollup (account_id, window_start, units) VALUES (%s, %s, %s) "
                "ON CONFLICT (account_id, window_start) DO UPDATE SET units = EXCLUDED.units",
                [(row[0], since, row[1]) for row in result.result_rows],
            )
    log.info("rolled up %d accounts", len(result.result_rows))


@app.task("every 10 minutes")
def expire_trials():
    conn = pg_pool.getconn()
    cur = conn.execute(
        "UPDATE accounts SET plan = 'free' WHERE plan = 'trial' AND trial_ends_at < now() RETURNING id"
    )
    expired = [r[0] for r in cur.fetchall()]
    conn.commit()
    pg_pool.putconn(conn)
    log.info("expired %d trials", len(expired))


@app.task("hourly")
def export_usage_csv():
    buf = io.StringIO()
    writer = csv.writer(buf)
    with pg_pool.connection() as conn:
        for row in conn.execute(
            "SELECT account_id, window_start, units FROM usage_rollup WHERE window_start >= now() - interval '1 hour'"
        ):
            writer.writerow(row)
    s3 = boto3.client("s3")
    key = f"usage/{datetime.now(timezone.utc):%Y/%m/%d/%H}.csv"
    s3.put_object(Bucket=EXPORT_BUCKET, Key=key, Body=buf.getvalue().encode())
    log.info("exported %s", key)
