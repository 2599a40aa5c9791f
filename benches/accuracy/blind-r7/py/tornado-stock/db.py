import os

import psycopg2
from psycopg2.pool import ThreadedConnectionPool

DSN = os.environ.get("DATABASE_URL", "postgresql://stock:stock@localhost:5432/stock")

# Shared pool for the request handlers.
pool = ThreadedConnectionPool(minconn=1, maxconn=10, dsn=DSN)


def connect():
    """Open a dedicated connection (long reporting queries should not hog the pool)."""
    return psycopg2.connect(DSN, application_name="stock-reports")
