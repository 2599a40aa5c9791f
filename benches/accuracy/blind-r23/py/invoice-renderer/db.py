"""Connection pool for the billing database."""
import contextlib
import logging
import os

from psycopg2.pool import ThreadedConnectionPool

log = logging.getLogger(__name__)

DSN = os.environ.get("BILLING_DSN", "dbname=billing user=billing host=pg.internal")

pool = ThreadedConnectionPool(minconn=2, maxconn=10, dsn=DSN, application_name="invoice-renderer")


@contextlib.contextmanager
def borrow():
    conn = pool.getconn()
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        pool.putconn(conn)


def pending_count():
    with borrow() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM invoices WHERE status = 'issued'")
        return cur.fetchone()[0]


def close():
    log.info("closing billing pool")
    pool.closeall()
