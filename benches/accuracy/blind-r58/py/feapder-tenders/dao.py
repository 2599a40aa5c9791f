"""Access to the tenders database for the crawl bookkeeping tables."""

import os
from contextlib import contextmanager

from psycopg2.pool import ThreadedConnectionPool

DSN = os.environ.get("TENDERS_DSN", "host=pg.internal dbname=tenders user=crawler")

pool = ThreadedConnectionPool(1, 8, dsn=DSN)


@contextmanager
def cursor():
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            yield cur
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        pool.putconn(conn)


def active_sources():
    with cursor() as cur:
        cur.execute(
            "SELECT region, list_url FROM tender_sources WHERE enabled ORDER BY priority"
        )
        return cur.fetchall()


def mark_source_crawled(region, pages):
    with cursor() as cur:
        cur.execute(
            "UPDATE tender_sources SET last_crawled = now(), last_pages = %s WHERE region = %s",
            (pages, region),
        )
