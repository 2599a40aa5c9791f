"""feapder item pipeline that stores tenders in Postgres."""

import logging
import os
from typing import Dict, List, Tuple

import psycopg2
from feapder.pipelines import BasePipeline
from psycopg2.extras import execute_values
from psycopg2.pool import ThreadedConnectionPool

log = logging.getLogger(__name__)

_pool = ThreadedConnectionPool(
    1, 8, dsn=os.environ.get("TENDERS_DSN", "host=pg.internal dbname=tenders user=crawler")
)

COLUMNS = ("tender_id", "region", "title", "buyer", "budget", "deadline", "url")


class PgPipeline(BasePipeline):
    def save_items(self, table, items: List[Dict]) -> bool:
        rows = [tuple(item.get(col) for col in COLUMNS) for item in items]
        conn = _pool.getconn()
        try:
            with conn.cursor() as cur:
                execute_values(
                    cur,
                    f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES %s "
                    "ON CONFLICT (tender_id) DO NOTHING",
                    rows,
                )
            conn.commit()
            return True
        except psycopg2.Error:
            conn.rollback()
            log.exception("failed to store %d items into %s", len(rows), table)
            return False
        finally:
            _pool.putconn(conn)

    def update_items(self, table, items: List[Dict], update_keys=Tuple) -> bool:
        conn = _pool.getconn()
        try:
            with conn.cursor() as cur:
                for item in items:
                    sets = ", ".join(f"{key} = %s" for key in update_keys)
                    cur.execute(
                        f"UPDATE {table} SET {sets} WHERE tender_id = %s",
                        [item.get(key) for key in update_keys] + [item["tender_id"]],
                    )
            conn.commit()
            return True
        except psycopg2.Error:
            conn.rollback()
            return False
        finally:
            _pool.putconn(conn)

    def close(self):
        _pool.closeall()
