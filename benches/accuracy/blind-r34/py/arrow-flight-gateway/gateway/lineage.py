"""Records who read/wrote which dataset, for the data-governance team."""
import os

from psycopg_pool import ConnectionPool

_pool = ConnectionPool(
    os.environ.get("CATALOG_DSN", "postgresql://flight@meta-db:5432/metadata"),
    min_size=1,
    max_size=4,
)


def record(principal, dataset, action, rows):
    with _pool.connection() as conn:
        conn.execute(
            "INSERT INTO lineage_events (principal, dataset, action, row_count) VALUES (%s, %s, %s, %s)",
            (principal, dataset, action, rows),
        )
