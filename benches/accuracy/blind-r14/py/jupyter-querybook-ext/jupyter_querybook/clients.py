"""Construction of the long-lived clients. Only called from the extension loader."""
import os

import boto3
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool


def make_pool() -> ConnectionPool:
    return ConnectionPool(
        conninfo=os.environ.get("QUERYBOOK_DSN", "host=warehouse-ro dbname=analytics user=notebooks"),
        min_size=1,
        max_size=6,
        kwargs={"row_factory": dict_row, "options": "-c statement_timeout=120000"},
        name="querybook",
        open=True,
    )


def make_s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "us-east-1"))
