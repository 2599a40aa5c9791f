"""Candidate passages for a search query, stored by the indexing job."""
import os

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://rerank@search-db.internal/search")

pool = ConnectionPool(DATABASE_URL, min_size=1, max_size=8, kwargs={"row_factory": dict_row}, open=True)


def fetch_candidates(query_id: str, limit: int = 50) -> list[dict]:
    with pool.connection() as conn:
        return conn.execute(
            "SELECT doc_id, chunk_id FROM candidates WHERE query_id = %s ORDER BY bm25 DESC LIMIT %s",
            (query_id, limit),
        ).fetchall()
