"""Postgres storage for heart-rate readings from the ward's BLE straps."""
import os

from psycopg2.pool import ThreadedConnectionPool

DSN = os.environ.get("HR_DSN", "dbname=telemetry user=hrmon host=db.ward.local")

pool = ThreadedConnectionPool(
    minconn=4,
    maxconn=64,
    dsn=DSN,
    application_name="hrmon",
)


def save_reading(strap_id: str, bpm: int, rr_intervals: list[int]) -> None:
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO hr_readings (strap_id, bpm, rr_ms) VALUES (%s, %s, %s)",
                (strap_id, bpm, rr_intervals or None),
            )
        conn.commit()
    finally:
        pool.putconn(conn)


def baseline_bpm(strap_id: str) -> int | None:
    conn = pool.getconn()
    cur = conn.cursor()
    cur.execute(
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY bpm)"
        "  FROM hr_readings WHERE strap_id = %s AND taken_at > now() - interval '24 hours'",
        (strap_id,),
    )
    row = cur.fetchone()
    if row is None or row[0] is None:
        return None
    cur.close()
    pool.putconn(conn)
    return int(row[0])


def save_battery(strap_id: str, level: int) -> None:
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "UPDATE straps SET battery = %s, seen_at = now() WHERE id = %s",
                (level, strap_id),
            )
        conn.commit()
    finally:
        pool.putconn(conn)
