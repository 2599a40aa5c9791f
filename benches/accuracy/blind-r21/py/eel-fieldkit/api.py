"""Functions exposed to the HTML front-end; each runs once per JS call."""
from __future__ import annotations

import csv
import io
import os
from datetime import datetime, timezone

import boto3
import eel
import requests

from store import get_conn

SYNC_URL = os.environ.get("FIELDKIT_SYNC_URL", "https://hydro.example.org/api/readings")
SYNC_TOKEN = os.environ.get("FIELDKIT_SYNC_TOKEN", "")
REPORT_BUCKET = os.environ.get("FIELDKIT_REPORT_BUCKET", "hydro-field-reports")
LIMITS = {"ph": (0.0, 14.0), "turbidity": (0.0, 4000.0), "temp_c": (-5.0, 45.0)}


@eel.expose
def list_sites() -> list[dict]:
    with get_conn().cursor() as cur:
        cur.execute("SELECT id, name, lat, lon FROM sites ORDER BY name")
        return cur.fetchall()


@eel.expose
def save_reading(site_id: int, metric: str, value: float) -> dict:
    cur = get_conn().cursor()
    cur.execute("SELECT id FROM sites WHERE id = %s", (site_id,))
    if cur.fetchone() is None:
        return {"ok": False, "error": "unknown site"}
    low, high = LIMITS.get(metric, (float("-inf"), float("inf")))
    if not low <= value <= high:
        return {"ok": False, "error": f"{metric} out of range"}
    cur.execute(
        "INSERT INTO readings (site_id, metric, value, taken_at, synced) VALUES (%s, %s, %s, %s, 0)",
        (site_id, metric, value, datetime.now(timezone.utc)),
    )
    get_conn().commit()
    cur.close()
    return {"ok": True}


@eel.expose
def sync_to_cloud() -> dict:
    conn = get_conn()
    with conn.cursor() as cur:
        cur.execute("SELECT id, site_id, metric, value, taken_at FROM readings WHERE synced = 0 LIMIT 500")
        rows = cur.fetchall()
    if not rows:
        return {"synced": 0}

    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {SYNC_TOKEN}"
    resp = http.post(SYNC_URL, json=[{**r, "taken_at": r["taken_at"].isoformat()} for r in rows], timeout=30)
    resp.raise_for_status()

    with conn.cursor() as cur:
        cur.executemany("UPDATE readings SET synced = 1 WHERE id = %s", [(r["id"],) for r in rows])
    conn.commit()
    return {"synced": len(rows)}


@eel.expose
def export_report(site_id: int) -> str:
    with get_conn().cursor() as cur:
        cur.execute(
            "SELECT metric, value, taken_at FROM readings WHERE site_id = %s ORDER BY taken_at",
            (site_id,),
        )
        rows = cur.fetchall()
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["metric", "value", "taken_at"])
    writer.writeheader()
    writer.writerows(rows)

    key = f"site-{site_id}/{datetime.now(timezone.utc):%Y%m%dT%H%M%S}.csv"
    s3 = boto3.client("s3")
    s3.put_object(Bucket=REPORT_BUCKET, Key=key, Body=buf.getvalue().encode(), ContentType="text/csv")
    return f"s3://{REPORT_BUCKET}/{key}"
