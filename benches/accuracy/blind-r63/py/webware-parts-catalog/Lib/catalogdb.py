"""Catalog queries against the parts database."""
import os
from contextlib import contextmanager

from psycopg2.extras import RealDictCursor
from psycopg2.pool import ThreadedConnectionPool

_pool = ThreadedConnectionPool(minconn=2, maxconn=10, dsn=os.environ["CATALOG_DSN"])


@contextmanager
def cursor():
    conn = _pool.getconn()
    try:
        with conn.cursor(cursor_factory=RealDictCursor) as cur:
            yield cur
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        _pool.putconn(conn)


def list_parts(category: str, limit: int = 50):
    with cursor() as cur:
        cur.execute(
            "SELECT sku, name, unit_price FROM parts"
            " WHERE category = %s ORDER BY name LIMIT %s",
            (category, limit),
        )
        return cur.fetchall()


def fetch_part(sku: str):
    with cursor() as cur:
        cur.execute(
            "SELECT sku, name, description, unit_price, category"
            " FROM parts WHERE sku = %s",
            (sku,),
        )
        return cur.fetchone()


def close_pool():
    _pool.closeall()
