import os
import time

from psycopg2.pool import ThreadedConnectionPool


def make_pool(retries: int = 5) -> ThreadedConnectionPool:
    """Called once by quotes_fcgi.main(); the pool lives for the whole FastCGI process."""
    dsn = os.environ.get("QUOTES_DSN", "dbname=quotes user=quotes host=localhost")
    for attempt in range(1, retries + 1):
        try:
            return ThreadedConnectionPool(minconn=1, maxconn=10, dsn=dsn)
        except Exception:
            if attempt == retries:
                raise
            time.sleep(2 * attempt)
    raise RuntimeError("unreachable")
