"""Orders export (run once per night by cron; each run is one process).

Usage:
  orders-export run [--since=<date>] [--batch=<n>] [--bucket=<name>]
  orders-export (-h | --help)

Options:
  --since=<date>   Export orders created on/after this date [default: yesterday].
  --batch=<n>      Rows per Snowflake insert batch [default: 5000].
  --bucket=<name>  S3 bucket for the CSV copy [default: shop-exports].
"""
import asyncio
import csv
import io
import os
from datetime import date, timedelta

import boto3
import snowflake.connector
from docopt import docopt
from tortoise import Tortoise

from .models import Order

TORTOISE_CONFIG = {
    "connections": {"default": os.environ.get("SHOP_DB_URL", "postgres://shop:shop@shop-db:5432/shop")},
    "apps": {"shop": {"models": ["orders_export.models"], "default_connection": "default"}},
}


def snowflake_connect():
    return snowflake.connector.connect(
        account=os.environ["SF_ACCOUNT"],
        user=os.environ["SF_USER"],
        password=os.environ["SF_PASSWORD"],
        warehouse="EXPORT_WH",
        database="ANALYTICS",
        schema="SHOP",
    )


async def export(since: date, batch: int, bucket: str) -> int:
    await Tortoise.init(config=TORTOISE_CONFIG)
    s3 = boto3.client("s3")
    buf = io.StringIO()
    writer = csv.writer(buf)
    total = 0
    try:
        with snowflake_connect() as sf:
            cur = sf.cursor()
            offset = 0
            while True:
                orders = await Order.filter(created_at__gte=since).order_by("id").offset(offset).limit(batch)
                if not orders:
                    break
                rows = [
                    (o.number, o.customer_email, o.total_cents, o.currency, o.status, o.created_at)
                    for o in orders
                ]
                cur.executemany(
                    "INSERT INTO ORDERS (NUMBER, EMAIL, TOTAL_CENTS, CURRENCY, STATUS, CREATED_AT) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    rows,
                )
                writer.writerows(rows)
                total += len(rows)
                offset += batch
            sf.commit()
        s3.put_object(Bucket=bucket, Key=f"orders/{since.isoformat()}.csv", Body=buf.getvalue().encode())
    finally:
        await Tortoise.close_connections()
    return total


def main() -> None:
    args = docopt(__doc__)
    since_arg = args["--since"]
    since = date.today() - timedelta(days=1) if since_arg == "yesterday" else date.fromisoformat(since_arg)
    n = asyncio.run(export(since, int(args["--batch"]), args["--bucket"]))
    print(f"exported {n} orders since {since}")


if __name__ == "__main__":
    main()
