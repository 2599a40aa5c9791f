"""S3 ObjectCreated -> index uploads in Postgres.

Deployed as an AWS Lambda function; handler = handler.lambda_handler.
Clients live at module scope / behind caches so warm invocations reuse them.
"""
import json
import logging
import os
from functools import lru_cache
from urllib.parse import unquote_plus

import boto3
import psycopg2

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")

_conn = None


@lru_cache(maxsize=1)
def secrets_client():
    return boto3.client("secretsmanager")


@lru_cache(maxsize=1)
def db_credentials() -> dict:
    raw = secrets_client().get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"]
    return json.loads(raw)


def get_conn():
    """One connection per execution environment, re-opened if it dropped."""
    global _conn
    if _conn is None or _conn.closed:
        creds = db_credentials()
        _conn = psycopg2.connect(
            host=creds["host"],
            port=creds.get("port", 5432),
            dbname=creds["dbname"],
            user=creds["username"],
            password=creds["password"],
            connect_timeout=5,
        )
        _conn.autocommit = True
    return _conn


def lambda_handler(event, context):
    indexed = 0
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        head = s3.head_object(Bucket=bucket, Key=key)
        with get_conn().cursor() as cur:
            cur.execute(
                "INSERT INTO uploads (bucket, key, size, content_type, etag) "
                "VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (bucket, key) DO UPDATE SET size = EXCLUDED.size, etag = EXCLUDED.etag",
                (bucket, key, head["ContentLength"], head.get("ContentType"), head["ETag"].strip('"')),
            )
        indexed += 1
    logger.info("indexed %d objects (request %s)", indexed, context.aws_request_id)
    return {"indexed": indexed}
