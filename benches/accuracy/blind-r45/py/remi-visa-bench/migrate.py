"""Release-phase schema migration (runs once per deploy, then exits)."""
import logging

from sqlalchemy import text

from benchlib.db import make_engine

DDL = [
    """CREATE TABLE IF NOT EXISTS readings (
           id bigserial PRIMARY KEY,
           instrument text NOT NULL,
           quantity text NOT NULL,
           value double precision NOT NULL,
           taken_at timestamptz NOT NULL DEFAULT now())""",
    "CREATE INDEX IF NOT EXISTS readings_instrument_taken_at ON readings (instrument, taken_at DESC)",
]


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(attempts=15, pool_size=1)
    try:
        with engine.begin() as conn:
            for stmt in DDL:
                conn.execute(text(stmt))
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
