import json
import os

import psycopg2

PG_DSN = os.environ.get("PG_DSN", "dbname=clicks user=clicks host=localhost")


def get_conn():
    return psycopg2.connect(PG_DSN, connect_timeout=5)


def save_event(conn, event: dict) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO click_events (id, user_id, url, country, payload)"
            " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
            (
                event["id"],
                event.get("user_id"),
                event["url"],
                event.get("country"),
                json.dumps(event),
            ),
        )
    conn.commit()
