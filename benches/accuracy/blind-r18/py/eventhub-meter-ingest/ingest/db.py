from psycopg_pool import ConnectionPool

from . import config

# Shared by every partition's callback thread.
pool = ConnectionPool(
    conninfo=config.PG_DSN,
    min_size=8,
    max_size=120,
    timeout=10,
    open=True,
)
