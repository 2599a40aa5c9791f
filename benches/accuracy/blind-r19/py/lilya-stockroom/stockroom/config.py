import os

# Application traffic goes through PgBouncer (pool_mode = transaction).
DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://stockroom:stockroom@pgbouncer:6432/stockroom"
)
# Read-only reporting replica, direct connection.
REPORTING_URL = os.environ.get(
    "REPORTING_URL", "postgresql://reporting:reporting@pg-replica:5432/stockroom"
)
SUPPLIER_API = os.environ.get("SUPPLIER_API", "https://supplier.example.net/api")
