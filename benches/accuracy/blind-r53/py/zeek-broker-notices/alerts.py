"""Persists notices/certs to the SOC database and raises de-duplicated alerts."""
import datetime as dt
import os

import psycopg
import redis
from psycopg_pool import ConnectionPool

import enrich

SOC_DSN = os.environ.get("SOC_DSN", "host=soc-db.internal dbname=soc user=zeek_bridge")
REDIS_URL = os.environ.get("SOC_REDIS_URL", "redis://cache.soc.internal:6379/2")

dedupe = redis.Redis.from_url(REDIS_URL)
pool = ConnectionPool(SOC_DSN, min_size=1, max_size=4, kwargs={"autocommit": True})

DEDUPE_WINDOW = 3600
CERT_WARN_DAYS = 14


def _record(conn, kind, src, dst, detail):
    conn.execute(
        "INSERT INTO zeek_events (kind, src, dst, detail, seen_at) VALUES (%s, %s, %s, %s, now())",
        (kind, src, dst, detail),
    )


def handle_notice(note, src, dst, msg, ts, context):
    if enrich.is_suppressed(note, src):
        return
    conn = psycopg.connect(SOC_DSN, autocommit=True)
    _record(conn, note, src, dst, msg)

    key = f"alerted:{note}:{src}:{dst}"
    if not dedupe.set(key, 1, nx=True, ex=DEDUPE_WINDOW):
        return
    severity = "high" if context.get("criticality") == "tier1" else "medium"
    conn.execute(
        "INSERT INTO alerts (note, src, dst, owner, severity, message, raised_at)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s)",
        (note, src, dst, context.get("owner"), severity, msg, ts),
    )


def handle_cert(host, subject, issuer, not_after):
    if not_after.tzinfo is None:
        not_after = not_after.replace(tzinfo=dt.timezone.utc)
    remaining = not_after - dt.datetime.now(dt.timezone.utc)
    if remaining.days > CERT_WARN_DAYS:
        return
    key = f"cert-warned:{host}:{subject}"
    if not dedupe.set(key, 1, nx=True, ex=86400):
        return
    with pool.connection() as conn:
        _record(conn, "cert_expiring", host, None,
                f"{subject} ({issuer}) expires {not_after:%Y-%m-%d}")
