"""Dataset catalog: maps Flight descriptors to ClickHouse tables."""
import os

from psycopg_pool import ConnectionPool

CATALOG_DSN = os.environ.get("CATALOG_DSN", "postgresql://flight@meta-db:5432/metadata")

pool = ConnectionPool(CATALOG_DSN, min_size=1, max_size=8, open=True)


def resolve(dataset):
    with pool.connection() as conn:
        row = conn.execute(
            "SELECT database, table_name, allowed_columns FROM datasets WHERE name = %s",
            (dataset,),
        ).fetchone()
    if row is None:
        raise KeyError(dataset)
    return {"database": row[0], "table": row[1], "columns": row[2]}


def list_datasets():
    with pool.connection() as conn:
        return [r[0] for r in conn.execute("SELECT name FROM datasets ORDER BY name")]
