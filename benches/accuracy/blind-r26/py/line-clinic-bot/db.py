import os

from psycopg_pool import ConnectionPool

# Supabase transaction-mode pooler (Supavisor) -- port 6543.
DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://postgres.abcdefghijklmnop:secret@aws-0-ap-northeast-1.pooler.supabase.com:6543/postgres",
)

pool = ConnectionPool(
    conninfo=DATABASE_URL,
    min_size=1,
    max_size=8,
    open=True,
    kwargs={"autocommit": False},
)
