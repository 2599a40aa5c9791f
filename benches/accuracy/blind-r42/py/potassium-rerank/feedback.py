"""Click feedback used to evaluate the reranker offline."""
import os

from psycopg_pool import ConnectionPool

_pool = ConnectionPool(os.environ["DATABASE_URL"], min_size=1, max_size=4, open=True)


def record_feedback(payload: dict) -> int:
    conn = _pool.getconn()
    clicks = payload.get("clicked_doc_ids") or []
    if not clicks:
        return 0
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO rerank_feedback (query_id, doc_id, position) VALUES (%s, %s, %s)",
            [(payload["query_id"], doc_id, pos) for pos, doc_id in enumerate(clicks)],
        )
    conn.commit()
    _pool.putconn(conn)
    return len(clicks)
