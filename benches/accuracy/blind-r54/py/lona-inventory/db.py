"""Connection pool for the inventory database.

Built once when the module is first imported by the views.
"""
import os
from contextlib import contextmanager

from psycopg2.extras import RealDictCursor
from psycopg2.pool import ThreadedConnectionPool

INVENTORY_DSN = os.environ.get(
    "INVENTORY_DSN", "postgresql://inventory:inventory@db.internal:5432/inventory"
)

pool = ThreadedConnectionPool(minconn=2, maxconn=10, dsn=INVENTORY_DSN)


@contextmanager
def cursor():
    conn = pool.getconn()
    try:
        with conn.cursor(cursor_factory=RealDictCursor) as cur:
            yield cur
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        pool.putconn(conn)


def fetch_item(sku):
    with cursor() as cur:
        cur.execute(
            "SELECT sku, name, bin, quantity, reorder_level FROM items WHERE sku = %s",
            (sku,),
        )
        return cur.fetchone()


def low_stock(limit=50):
    with cursor() as cur:
        cur.execute(
            "SELECT sku, name, quantity, reorder_level FROM items "
            "WHERE quantity <= reorder_level ORDER BY quantity ASC LIMIT %s",
            (limit,),
        )
        return cur.fetchall()
