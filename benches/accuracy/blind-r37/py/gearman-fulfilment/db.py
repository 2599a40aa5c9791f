import os

from psycopg_pool import ConnectionPool

DSN = os.environ.get("FULFIL_DSN", "postgresql://fulfil:fulfil@pg.lan:5432/fulfilment")

# One pool per worker process, opened at import (worker.py imports this once).
pool = ConnectionPool(DSN, min_size=1, max_size=6, open=True, name="fulfilment")
