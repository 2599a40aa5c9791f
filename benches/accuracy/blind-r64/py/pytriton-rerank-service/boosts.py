"""Editorial / freshness boost lookups for the reranker."""
import logging

from psycopg_pool import ConnectionPool

log = logging.getLogger("reranker.boosts")

BOOST_SQL = """
    SELECT doc_id, pin_weight * freshness_weight
      FROM doc_boosts
     WHERE doc_id = ANY(%s)
       AND (expires_at IS NULL OR expires_at > now())
"""


def load_boosts(pool: ConnectionPool, doc_ids: list[str]) -> dict[str, float]:
    conn = pool.getconn()
    cur = conn.execute(BOOST_SQL, (doc_ids,))
    rows = cur.fetchall()
    if not rows:
        # nothing pinned for this batch
        return {}
    boosts = {doc_id: float(weight) for doc_id, weight in rows}
    log.debug("loaded %d boosts", len(boosts))
    pool.putconn(conn)
    return boosts
