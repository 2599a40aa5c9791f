import logging
import time

from joblib import Parallel, delayed
from psycopg_pool import ConnectionPool
from pymilvus import MilvusClient

from enricher import config
from enricher.enrich import enrich_listing

log = logging.getLogger("enricher")

pool = ConnectionPool(config.PG_DSN, min_size=4, max_size=64, open=False, name="enricher")

CLAIM = """
UPDATE listings SET enrich_state = 'running', enrich_started = now()
 WHERE id IN (SELECT id FROM listings
               WHERE enrich_state = 'pending'
               ORDER BY created_at
               LIMIT %s
               FOR UPDATE SKIP LOCKED)
RETURNING id, title, body, address
"""


def claim_batch():
    with pool.connection() as conn:
        return conn.execute(CLAIM, (config.BATCH,)).fetchall()


def mark(rows, state):
    with pool.connection() as conn:
        conn.execute(
            "UPDATE listings SET enrich_state = %s WHERE id = ANY(%s)",
            (state, [r["id"] for r in rows]),
        )


def main():
    logging.basicConfig(level=logging.INFO)
    pool.open(wait=True, timeout=60)
    try:
        while True:
            rows = claim_batch()
            if not rows:
                time.sleep(5)
                continue

            enriched = Parallel(n_jobs=config.WORKERS, prefer="threads")(
                delayed(enrich_listing)(row) for row in rows
            )

            milvus = MilvusClient(uri=config.MILVUS_URI, token=config.MILVUS_TOKEN)
            milvus.upsert(
                collection_name="listings",
                data=[
                    {"id": e["id"], "vector": e["vector"], "lat": e["lat"], "lon": e["lon"]}
                    for e in enriched
                ],
            )
            mark(enriched, "done")
            log.info("enriched %d listings", len(enriched))
    finally:
        pool.close()


if __name__ == "__main__":
    main()
