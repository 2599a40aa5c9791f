"""Postgres access via the Supabase connection pooler (transaction mode)."""
import os

from psycopg_pool import ConnectionPool

DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://postgres.qzvbtkmrwhxy:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)

pool = ConnectionPool(DATABASE_URL, min_size=2, max_size=10, open=True)
