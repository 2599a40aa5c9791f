import os

from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

events_pool = ConnectionPool(conninfo=os.environ["DATABASE_URL"], min_size=1, max_size=5, open=True)


def insert_event(event: dict) -> None:
    with events_pool.connection() as conn:
        conn.execute(
            "INSERT INTO events (id, kind, account_id, payload) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (id) DO NOTHING",
            (event["id"], event["kind"], event["account_id"], Jsonb(event)),
        )
