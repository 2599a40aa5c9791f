"""Where traced events go: Postgres for SQL calls, S3 for key material, a webhook for alerts."""
import json
import os
import time

import boto3
import httpx
from psycopg2.pool import ThreadedConnectionPool

PG_DSN = os.environ.get("TRACE_PG_DSN", "dbname=traces user=tracer host=127.0.0.1")
ALERT_WEBHOOK = os.environ.get("ALERT_WEBHOOK", "https://hooks.example.com/frida")
DUMP_BUCKET = os.environ.get("DUMP_BUCKET", "mobsec-key-dumps")

POOL = ThreadedConnectionPool(1, 4, PG_DSN)

SUSPICIOUS = ("password", "token", "secret", "pin")


def record_sql(session_id: str, payload: dict) -> None:
    sql = payload.get("sql")
    conn = POOL.getconn()
    if not sql:
        return
    cur = conn.cursor()
    cur.execute(
        "INSERT INTO sql_calls (session_id, tid, statement, seen_at) VALUES (%s, %s, %s, now())",
        (session_id, payload.get("tid"), sql),
    )
    conn.commit()
    cur.close()
    POOL.putconn(conn)
    if any(word in sql.lower() for word in SUSPICIOUS):
        alert(session_id, f"sensitive column touched: {sql[:200]}")


def record_key(session_id: str, payload: dict, data: bytes | None) -> None:
    if data is None:
        return
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    key = f"{session_id}/{payload['fn']}/{int(time.time() * 1000)}.bin"
    s3.put_object(Bucket=DUMP_BUCKET, Key=key, Body=data)


def alert(session_id: str, text: str) -> None:
    client = httpx.Client(timeout=5)
    client.post(ALERT_WEBHOOK, content=json.dumps({"session": session_id, "text": text}),
                headers={"Content-Type": "application/json"})
