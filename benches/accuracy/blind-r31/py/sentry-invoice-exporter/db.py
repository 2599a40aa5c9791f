"""Oracle connection pool shared by the exporter (one per process)."""
import oracledb

import settings

pool = oracledb.create_pool(
    user=settings.ORACLE_USER,
    password=settings.ORACLE_PASSWORD,
    dsn=settings.ORACLE_DSN,
    min=8,
    max=64,
    increment=8,
    getmode=oracledb.POOL_GETMODE_WAIT,
)
