"""Read-only access to the customer warehouse (contract tiers)."""
import os

from psycopg2.pool import ThreadedConnectionPool

pool = ThreadedConnectionPool(
    minconn=1,
    maxconn=4,
    dsn=os.environ.get("WAREHOUSE_DSN", "dbname=warehouse host=pg-ro.internal user=roundup"),
)

TIER_MAX_PRIORITY = {
    "bronze": "normal",
    "silver": "urgent",
    "gold": "critical",
}
