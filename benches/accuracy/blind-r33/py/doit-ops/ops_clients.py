"""Client factories for the ops tasks. Every `doit <task>` run is its own process."""
import os

import boto3
import trino
import trino.auth


def open_trino(schema="sales"):
    return trino.dbapi.connect(
        host=os.environ.get("TRINO_HOST", "trino.internal"),
        port=443,
        http_scheme="https",
        user=os.environ.get("USER", "ops"),
        auth=trino.auth.BasicAuthentication(os.environ["TRINO_USER"], os.environ["TRINO_PASSWORD"]),
        catalog="hive",
        schema=schema,
    )


def s3_client():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
