import os

import clickhouse_connect
from psycopg_pool import ConnectionPool

PG_DSN = os.environ.get("PG_DSN", "postgresql://etl:etl@pg-primary:5432/metering")

# shared by every task in the scheduler process
pg_pool = ConnectionPool(PG_DSN, min_size=4, max_size=60, open=True, name="etl")


def clickhouse():
    return clickhouse_connect.get_client(
        host=os.environ.get("CH_HOST", "clickhouse"),
        port=int(os.environ.get("CH_PORT", "8123")),
        username=os.environ.get("CH_USER", "default"),
        password=os.environ.get("CH_PASSWORD", ""),
        database="usage",
    )
