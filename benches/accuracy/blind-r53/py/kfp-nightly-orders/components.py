"""Lightweight KFP v2 components.

Each component call becomes its own pod: the function body runs exactly once
in a fresh Python process, so clients are opened and closed inside it.
"""
from kfp import dsl
from kfp.dsl import Dataset, Input, Output

DEPS = ["psycopg[binary]==3.2.1", "boto3==1.34.144", "pandas==2.2.2"]


@dsl.component(base_image="python:3.11-slim", packages_to_install=DEPS)
def extract_orders(region: str, run_date: str, orders: Output[Dataset]):
    import os

    import pandas as pd
    import psycopg

    dsn = os.environ["ORDERS_DSN"]
    with psycopg.connect(dsn, options="-c statement_timeout=600000") as conn:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT order_id, customer_id, total_cents, currency, created_at "
                "FROM orders WHERE region = %s AND created_at::date = %s",
                (region, run_date),
            )
            cols = [d.name for d in cur.description]
            frame = pd.DataFrame(cur.fetchall(), columns=cols)
    frame.to_parquet(orders.path, index=False)
    orders.metadata["rows"] = len(frame)


@dsl.component(base_image="python:3.11-slim", packages_to_install=DEPS)
def convert_currency(orders: Input[Dataset], rates_url: str, converted: Output[Dataset]):
    import pandas as pd
    import requests

    with requests.Session() as http:
        rates = http.get(rates_url, timeout=30).json()["rates"]
    frame = pd.read_parquet(orders.path)
    frame["total_eur"] = frame.apply(
        lambda r: r.total_cents / 100.0 / rates.get(r.currency, 1.0), axis=1
    )
    frame.to_parquet(converted.path, index=False)


@dsl.component(base_image="python:3.11-slim", packages_to_install=DEPS)
def publish(converted: Input[Dataset], region: str, run_date: str, bucket: str) -> str:
    import os

    import boto3
    import pandas as pd
    import psycopg

    key = f"orders/{run_date}/{region}.parquet"
    s3 = boto3.client("s3")
    s3.upload_file(converted.path, bucket, key)

    frame = pd.read_parquet(converted.path)
    with psycopg.connect(os.environ["REPORTING_DSN"]) as conn:
        conn.execute(
            "INSERT INTO daily_region_revenue (region, day, orders, revenue_eur, s3_key) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (region, day) DO UPDATE "
            "SET orders = EXCLUDED.orders, revenue_eur = EXCLUDED.revenue_eur, s3_key = EXCLUDED.s3_key",
            (region, run_date, len(frame), float(frame["total_eur"].sum()), key),
        )
    return f"s3://{bucket}/{key}"
