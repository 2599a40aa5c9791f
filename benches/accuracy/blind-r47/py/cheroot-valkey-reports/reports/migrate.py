"""Release-phase migration: runs once per deploy, then exits."""
import logging

from sqlalchemy import text

from .db import make_engine

DDL = [
    """
    CREATE TABLE IF NOT EXISTS daily_sales (
        store_id INT NOT NULL,
        day DATE NOT NULL,
        orders INT NOT NULL DEFAULT 0,
        revenue_cents BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (store_id, day)
    )
    """,
]


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(pool_size=1)
    try:
        with engine.begin() as conn:
            for stmt in DDL:
                conn.execute(text(stmt))
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
