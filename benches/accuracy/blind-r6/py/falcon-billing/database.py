"""Raw-SQL helpers for the reporting endpoints."""
import os

from sqlalchemy import create_engine, text

DATABASE_URL = os.environ["DATABASE_URL"]

report_engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5)


def fetch_all(sql: str, **params) -> list[dict]:
    with report_engine.connect() as conn:
        result = conn.execute(text(sql), params)
        return [dict(row._mapping) for row in result]
