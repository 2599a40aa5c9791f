from psycopg2.pool import ThreadedConnectionPool

from opsbot import settings

# mmpy_bot runs sync listeners on a thread pool, hence the threaded pool.
POOL = ThreadedConnectionPool(minconn=1, maxconn=8, dsn=settings.OPS_DSN)
