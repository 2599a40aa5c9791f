"""Stock levels per warehouse (added for the warehouse widget on the part page)."""
import os

import psycopg2.pool

_stock_pool = psycopg2.pool.ThreadedConnectionPool(1, 6, os.environ["CATALOG_DSN"])


def stock_levels(sku: str) -> list[tuple[str, int]]:
    conn = _stock_pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT warehouse, on_hand FROM stock WHERE sku = %s ORDER BY warehouse",
                (sku,),
            )
            return cur.fetchall()
    finally:
        _stock_pool.putconn(conn)


def close_stock_pool():
    _stock_pool.closeall()
