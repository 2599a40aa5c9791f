import os

from psycopg_pool import ConnectionPool

DB_URL = os.environ.get("SUPPORT_DB_URL", "postgresql://support:support@db.internal:5432/support")

pool = ConnectionPool(DB_URL, min_size=1, max_size=8, open=True)
