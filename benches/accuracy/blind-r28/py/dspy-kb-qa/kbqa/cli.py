"""Interactive console for support agents:  kbqa  (Ctrl-D to quit)."""
import logging
import os
import sys

import dspy
from pgvector.psycopg import register_vector
from psycopg_pool import ConnectionPool, PoolTimeout

from kbqa import embed
from kbqa.retriever import KBQA, PgVectorRM

log = logging.getLogger("kbqa")


def open_pool(conninfo: str, attempts: int = 5) -> ConnectionPool:
    pool = ConnectionPool(conninfo, min_size=1, max_size=4, configure=register_vector, open=True)
    for attempt in range(1, attempts + 1):
        try:
            pool.wait(timeout=10)
            break
        except PoolTimeout:
            log.warning("database not reachable yet (attempt %d/%d)", attempt, attempts)
    else:
        pool.close()
        sys.exit("knowledge-base database unavailable")
    return pool


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "WARNING"))
    pool = open_pool(os.environ.get("KB_DSN", "host=kb-db dbname=kb user=kbqa"))
    try:
        dspy.configure(lm=dspy.LM(os.environ.get("KBQA_MODEL", "openai/gpt-4o-mini"), max_tokens=600))
        program = KBQA(PgVectorRM(pool, k=4))
        print("Ask a question about the knowledge base. Ctrl-D to quit.")
        while True:
            try:
                question = input("\nkb> ").strip()
            except EOFError:
                break
            if not question:
                continue
            result = program(question=question)
            print(f"\n{result.answer}")
            for url in result.sources:
                print(f"  - {url}")
    finally:
        embed.close()
        pool.close()


if __name__ == "__main__":
    main()
