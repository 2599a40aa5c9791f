"""Long-running triage worker: pulls untriaged tickets and routes them."""
import logging
import time

import spacy
from psycopg.types.json import Jsonb

from . import components  # noqa: F401  (registers the pipeline factories)
from .clients import make_pool

log = logging.getLogger("triage")

POLL_SECONDS = 5
BATCH = 50


def build_nlp():
    nlp = spacy.load("en_core_web_sm", exclude=["lemmatizer"])
    nlp.add_pipe("sku_linker", config={"min_stock": 1}, last=True)
    nlp.add_pipe("customer_tier", last=True)
    return nlp


def route(doc) -> str:
    if any(not s["in_stock"] for s in doc._.skus or []):
        return "stock"
    if doc._.customer_tier == "gold":
        return "vip"
    if any(ent.label_ == "MONEY" for ent in doc.ents):
        return "billing"
    return "general"


def fetch_batch(pool):
    with pool.connection() as conn:
        return conn.execute(
            "SELECT id, subject || E'\\n' || body FROM support.tickets "
            "WHERE triaged_at IS NULL ORDER BY id LIMIT %s",
            (BATCH,),
        ).fetchall()


def save(pool, results):
    conn = pool.getconn()
    with conn.cursor() as cur:
        cur.executemany(
            "UPDATE support.tickets SET triaged_at = now(), queue = %s, skus = %s, "
            "tier = %s WHERE id = %s AND triaged_at IS NULL",
            results,
        )
        if cur.rowcount == 0:
            log.warning("batch already triaged by another worker, skipping")
            return
    conn.commit()
    pool.putconn(conn)


def main():
    logging.basicConfig(level=logging.INFO)
    nlp = build_nlp()
    pool = make_pool()
    try:
        while True:
            rows = fetch_batch(pool)
            if not rows:
                time.sleep(POLL_SECONDS)
                continue
            results = []
            texts = ((text, ticket_id) for ticket_id, text in rows)
            for doc, ticket_id in nlp.pipe(texts, as_tuples=True, batch_size=16):
                results.append(
                    (route(doc), Jsonb(doc._.skus or []), doc._.customer_tier, ticket_id)
                )
            save(pool, results)
            log.info("triaged %d tickets", len(results))
    finally:
        pool.close()


if __name__ == "__main__":
    main()
