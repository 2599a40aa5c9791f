import os

import psycopg2
import psycopg2.extras
from psycopg2.pool import ThreadedConnectionPool

DSN = os.environ["DATABASE_URL"]

_pool = ThreadedConnectionPool(minconn=1, maxconn=10, dsn=DSN)


def get_conn():
    """A dedicated connection for reporting queries.

    Reports can run for a while, so they bypass the shared pool.
    """
    return psycopg2.connect(DSN, cursor_factory=psycopg2.extras.RealDictCursor)


def pooled():
    return _pool
