"""Alarm journal and paging."""
import os

import httpx
from psycopg_pool import ConnectionPool

PAGER_URL = os.environ.get("PAGER_URL", "https://pager.internal/api/v2/alerts")
PAGER_TOKEN = os.environ.get("PAGER_TOKEN", "")

_pool = ConnectionPool(os.environ["DATABASE_URL"], min_size=1, max_size=4, open=True)


def record(alarm):
    with _pool.connection() as conn:
        conn.execute(
            "INSERT INTO alarms (id, greenhouse, kind, severity, raised_at) "
            "VALUES (%s, %s, %s, %s, to_timestamp(%s / 1000.0)) ON CONFLICT (id) DO NOTHING",
            (
                alarm["id"],
                alarm.get("greenhouse"),
                alarm.get("kind"),
                alarm.get("severity", "low"),
                alarm.get("ts", 0),
            ),
        )


def page_on_call(alarm):
    client = httpx.Client(
        timeout=5.0,
        headers={"Authorization": f"Token {PAGER_TOKEN}"},
    )
    client.post(
        PAGER_URL,
        json={
            "summary": f"{alarm.get('kind')} in {alarm.get('greenhouse')}",
            "severity": alarm.get("severity"),
            "dedup_key": alarm["id"],
        },
    ).raise_for_status()


def close():
    _pool.close()
